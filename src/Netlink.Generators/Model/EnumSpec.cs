using Netlink.Generators.Helpers;

namespace Netlink.Generators.Model;

/// <summary>An <c>enum</c> or <c>flags</c> definition.</summary>
internal sealed record EnumSpec
{
    /// <summary>The spec name.</summary>
    public required string Name { get; init; }

    /// <summary>The C# name.</summary>
    public required Identifier Cs { get; init; }

    /// <summary>True for <c>flags</c>.</summary>
    public required bool IsFlags { get; init; }

    /// <summary>The backing type: int, uint, long or ulong, wide enough for every entry.</summary>
    public required string Backing { get; init; }

    /// <summary>The entries.</summary>
    public required EquatableArray<EnumEntrySpec> Entries { get; init; }

    /// <summary>The doc text.</summary>
    public string? Doc { get; init; }
}
