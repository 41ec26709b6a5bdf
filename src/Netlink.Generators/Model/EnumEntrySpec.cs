namespace Netlink.Generators.Model;

/// <summary>One enum or flags entry; for flags the value is the mask (1 &lt;&lt; bit).</summary>
internal sealed record EnumEntrySpec
{
    /// <summary>The spec name.</summary>
    public required string Name { get; init; }

    /// <summary>The C# name.</summary>
    public required Identifier Cs { get; init; }

    /// <summary>The value (the mask for flags).</summary>
    public required long Value { get; init; }

    /// <summary>True for the <c>render-max</c> entry, which names no value of its own.</summary>
    public bool IsMax { get; init; }

    /// <summary>The doc text.</summary>
    public string? Doc { get; init; }
}
