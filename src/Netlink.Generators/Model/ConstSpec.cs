namespace Netlink.Generators.Model;

/// <summary>A <c>const</c> definition: an integer or a string.</summary>
internal sealed record ConstSpec
{
    /// <summary>The spec name.</summary>
    public required string Name { get; init; }

    /// <summary>The C# name.</summary>
    public required Identifier Cs { get; init; }

    /// <summary>The integer value, when not a string.</summary>
    public long IntValue { get; init; }

    /// <summary>The string value, or null for an integer const.</summary>
    public string? StringValue { get; init; }

    /// <summary>The doc text.</summary>
    public string? Doc { get; init; }
}
