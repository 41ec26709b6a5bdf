namespace Netlink.Codegen;

/// <summary>How the describer renders a value (YNL <c>display-hint</c>).</summary>
public enum DescribeHint : byte
{
    /// <summary>Integers in decimal, bytes as a count.</summary>
    None,

    /// <summary>Integers in hex.</summary>
    Hex,

    /// <summary>An IPv4 or IPv6 address (4 or 16 bytes; a big-endian u32).</summary>
    Address,

    /// <summary>A hardware address, colon-separated hex.</summary>
    Mac,

    /// <summary>A UUID (RFC 4122 byte order).</summary>
    Uuid,
}
