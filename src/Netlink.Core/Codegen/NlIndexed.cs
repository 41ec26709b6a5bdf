namespace Netlink.Codegen;

/// <summary>An item of an indexed array, with the index (attribute type) it was sent under.</summary>
/// <param name="Index">The index.</param>
/// <param name="Value">The item.</param>
public readonly record struct NlIndexed<T>(ushort Index, T Value);

/// <summary>An entry of a nest-type-value attribute: its ids (outermost first) and its attributes.</summary>
/// <param name="Ids">The ids the spec's <c>type-value</c> names, outermost first.</param>
/// <param name="Value">The entry.</param>
public sealed record NlTypeValue<T>(IReadOnlyList<ushort> Ids, T Value);
