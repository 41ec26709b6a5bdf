namespace Netlink.Codegen;

/// <summary><c>struct nla_bitfield32</c>: the bits to set and which bits the request changes.</summary>
/// <param name="Value">The bit values.</param>
/// <param name="Selector">The bits <paramref name="Value"/> speaks for.</param>
public readonly record struct NlBitfield32(uint Value, uint Selector);
