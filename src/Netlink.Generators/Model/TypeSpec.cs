using Netlink.Generators.Helpers;

namespace Netlink.Generators.Model;

/// <summary>
/// How one value is encoded: an attribute's payload, a struct member, or an item of an indexed
/// array. The codec of <see cref="Kind"/> reads every other member; references are spec names
/// that the resolve pass has checked exist.
/// </summary>
internal sealed record TypeSpec
{
    /// <summary>The YNL type.</summary>
    public required AttrKind Kind { get; init; }

    /// <summary>The integer type of a scalar (or of a flag set/enum); None otherwise.</summary>
    public ScalarType Scalar { get; init; }

    /// <summary><c>byte-order: big-endian</c>.</summary>
    public bool BigEndian { get; init; }

    /// <summary>The enum or flags definition the value holds, if any.</summary>
    public string? Enum { get; init; }

    /// <summary><c>enum-as-flags</c>: the wire value is a mask of 1 &lt;&lt; entry.</summary>
    public bool EnumAsFlags { get; init; }

    /// <summary>The display hint.</summary>
    public DisplayHint Hint { get; init; }

    /// <summary>A binary payload's struct.</summary>
    public string? Struct { get; init; }

    /// <summary>A binary payload that is a C array of fixed-width integers (<c>sub-type: u32</c>).</summary>
    public ScalarType ArrayOf { get; init; }

    /// <summary>A nest's (or nest-type-value's) attribute set.</summary>
    public string? NestedSet { get; init; }

    /// <summary>A sub-message's definition.</summary>
    public string? SubMessage { get; init; }

    /// <summary>A sub-message's selector, resolved.</summary>
    public SelectorSpec? Selector { get; init; }

    /// <summary>The items of an indexed array.</summary>
    public TypeSpec? Item { get; init; }

    /// <summary>The id names of a nest-type-value (outermost first).</summary>
    public EquatableArray<string> TypeValue { get; init; }

    /// <summary>checks: exact-len, or a struct member's len (-1 when none).</summary>
    public int ExactLength { get; init; } = -1;

    /// <summary>checks: min-len (-1 when none).</summary>
    public int MinLength { get; init; } = -1;

    /// <summary>checks: max-len (-1 when none).</summary>
    public int MaxLength { get; init; } = -1;
}
