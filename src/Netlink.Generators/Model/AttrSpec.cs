namespace Netlink.Generators.Model;

/// <summary>One attribute of a set.</summary>
internal sealed record AttrSpec
{
    /// <summary>The spec name (<c>ifla-mtu</c> without its prefix: <c>mtu</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The C# name.</summary>
    public required Identifier Cs { get; init; }

    /// <summary>The attribute type (nla_type).</summary>
    public required int Value { get; init; }

    /// <summary>The encoding.</summary>
    public required TypeSpec Type { get; init; }

    /// <summary><c>multi-attr</c>: it may occur more than once.</summary>
    public bool MultiAttr { get; init; }

    /// <summary>The doc text.</summary>
    public string? Doc { get; init; }
}
