namespace Netlink.Generators.Model;

/// <summary>The attribute whose value picks a sub-message's format.</summary>
internal sealed record SelectorSpec
{
    /// <summary>The selector attribute's spec name.</summary>
    public required string Name { get; init; }

    /// <summary>True if it is in the same set as the sub-message; else an enclosing set passes it down.</summary>
    public required bool IsLocal { get; init; }

    /// <summary>True for a string selector (format values are names), false for an integer one.</summary>
    public required bool IsString { get; init; }
}
