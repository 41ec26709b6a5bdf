using Netlink.Generators.Helpers;

namespace Netlink.Generators.Model;

/// <summary>An attribute set with the names of its generated types.</summary>
internal sealed record AttrSetSpec
{
    /// <summary>The spec name.</summary>
    public required string Name { get; init; }

    /// <summary>The C# stem (<c>LinkAttrs</c>), also the typed class's name.</summary>
    public required Identifier Cs { get; init; }

    /// <summary>The attribute id enum.</summary>
    public required string IdEnum { get; init; }

    /// <summary>The writer ref struct.</summary>
    public required string Writer { get; init; }

    /// <summary>The reader ref struct.</summary>
    public required string Reader { get; init; }

    /// <summary>The attributes in id order as the spec lists them.</summary>
    public required EquatableArray<AttrSpec> Attrs { get; init; }

    /// <summary>Selectors this set's sub-messages take from enclosing sets (spec names).</summary>
    public EquatableArray<string> InheritedSelectors { get; init; }

    /// <summary>The doc text.</summary>
    public string? Doc { get; init; }
}
