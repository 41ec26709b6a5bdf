namespace Netlink.Generators.Model;

/// <summary>One format of a sub-message: what follows when the selector has <see cref="Value"/>.</summary>
internal sealed record SubMessageFormatSpec
{
    /// <summary>The selector value (a name, or an integer as text).</summary>
    public required string Value { get; init; }

    /// <summary>The C# name.</summary>
    public required Identifier Cs { get; init; }

    /// <summary>A fixed header, if any.</summary>
    public string? FixedHeader { get; init; }

    /// <summary>An attribute set, if any.</summary>
    public string? AttrSet { get; init; }
}
