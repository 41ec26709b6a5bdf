using Netlink.Generators.Helpers;

namespace Netlink.Generators.Model;

/// <summary>A sub-message: formats chosen at run time by a selector attribute.</summary>
internal sealed record SubMessageSpec
{
    /// <summary>The spec name.</summary>
    public required string Name { get; init; }

    /// <summary>The C# name of the dispatcher; the typed base class adds <c>Value</c>.</summary>
    public required Identifier Cs { get; init; }

    /// <summary>The typed base class of the formats (<c>{SubMessage}Value</c>).</summary>
    public required string ValueClass { get; init; }

    /// <summary>The formats.</summary>
    public required EquatableArray<SubMessageFormatSpec> Formats { get; init; }
}
