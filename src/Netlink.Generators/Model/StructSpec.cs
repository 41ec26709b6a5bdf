using Netlink.Generators.Helpers;

namespace Netlink.Generators.Model;

/// <summary>A fixed-layout struct: a fixed header or a binary payload.</summary>
internal sealed record StructSpec
{
    /// <summary>The spec name.</summary>
    public required string Name { get; init; }

    /// <summary>The C# name.</summary>
    public required Identifier Cs { get; init; }

    /// <summary>Size on the wire.</summary>
    public required int Size { get; init; }

    /// <summary>The members in order.</summary>
    public required EquatableArray<StructMemberSpec> Members { get; init; }

    /// <summary>The doc text.</summary>
    public string? Doc { get; init; }
}
