using Netlink.Generators.Helpers;

namespace Netlink.Generators.Model;

/// <summary>One resolved netlink family: everything the emitter needs, as plain data (no Roslyn or YAML types).</summary>
internal sealed record FamilySpec
{
    /// <summary>The family name (genetlink resolves its id by it).</summary>
    public required string Name { get; init; }

    /// <summary>The C# name of the family class; the client is this plus <c>Client</c>.</summary>
    public required Identifier Cs { get; init; }

    /// <summary>The namespace of the generated code.</summary>
    public required string Namespace { get; init; }

    /// <summary>The spec's file name, for the generated files' headers.</summary>
    public required string SpecFile { get; init; }

    /// <summary>The spec's path, where a failure while emitting is reported.</summary>
    public required string SpecPath { get; init; }

    /// <summary>The protocol.</summary>
    public required ProtocolKind Protocol { get; init; }

    /// <summary>The netlink protocol number (<c>protonum</c>; genetlink: 16).</summary>
    public required int Protonum { get; init; }

    /// <summary>The operations' C name prefix (<c>rtm-</c>), for message type names like RTM_NEWLINK.</summary>
    public string? OperationPrefix { get; init; }

    /// <summary>The doc text.</summary>
    public string? Doc { get; init; }

    /// <summary>const definitions.</summary>
    public EquatableArray<ConstSpec> Consts { get; init; }

    /// <summary>enum and flags definitions.</summary>
    public EquatableArray<EnumSpec> Enums { get; init; }

    /// <summary>struct definitions, by C# name.</summary>
    public EquatableArray<StructSpec> Structs { get; init; }

    /// <summary>Attribute sets in spec order.</summary>
    public EquatableArray<AttrSetSpec> AttrSets { get; init; }

    /// <summary>Sub-messages.</summary>
    public EquatableArray<SubMessageSpec> SubMessages { get; init; }

    /// <summary>Operations in spec order.</summary>
    public EquatableArray<OperationSpec> Operations { get; init; }

    /// <summary>Multicast groups.</summary>
    public EquatableArray<McastGroupSpec> McastGroups { get; init; }

    /// <summary>True for the genetlink protocols: a genlmsghdr follows nlmsghdr and ids resolve at run time.</summary>
    public bool IsGenetlink => Protocol != ProtocolKind.NetlinkRaw;
}
