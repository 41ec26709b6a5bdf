using Netlink.Generators.Helpers;

namespace Netlink.Generators.Model;

/// <summary>One resolved netlink family: everything the emitter needs, as plain data (no Roslyn or YAML types).</summary>
internal sealed record FamilySpec(
    string Name,
    string ClassName,
    string Namespace,
    string SpecFile,
    string Protocol,
    string? Doc,
    EquatableArray<ConstSpec> Consts,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<StructSpec> Structs,
    EquatableArray<AttrSetSpec> AttrSets,
    EquatableArray<SubMessageSpec> SubMessages,
    EquatableArray<OperationSpec> Operations,
    EquatableArray<McastGroupSpec> McastGroups)
{
    /// <summary>genetlink and genetlink-legacy carry a 4-byte genlmsghdr and resolve ids at runtime.</summary>
    public bool IsGenetlink => Protocol != "netlink-raw";
}

/// <summary>A <c>const</c> definition.</summary>
internal sealed record ConstSpec(string Name, string CsName, bool IsString, string StringValue, long IntValue, string? Doc);

/// <summary>An <c>enum</c> or <c>flags</c> definition; entry values are user values (masks for flags).</summary>
internal sealed record EnumSpec(string Name, string CsName, bool IsFlags, string BackingType, EquatableArray<EnumEntrySpec> Entries, string? Doc);

/// <summary>One enum entry.</summary>
internal sealed record EnumEntrySpec(string Name, string CsName, long Value, string? Doc);

/// <summary>A fixed-layout struct (fixed header or binary attribute payload).</summary>
internal sealed record StructSpec(string Name, string CsName, int Size, EquatableArray<StructMemberSpec> Members, string? Doc);

/// <summary>One struct member at a known offset.</summary>
internal sealed record StructMemberSpec(
    string Name,
    string CsName,
    string Type,
    int Offset,
    int Length,
    bool BigEndian,
    string? Enum,
    bool EnumAsFlags,
    string? DisplayHint,
    string? Struct,
    string? Doc);

/// <summary>An attribute set with its generated type names.</summary>
internal sealed record AttrSetSpec(
    string Name,
    string CsName,
    string IdEnumName,
    string WriterName,
    string ReaderName,
    EquatableArray<AttrSpec> Attrs,
    EquatableArray<string> InheritedSelectors,
    string? Doc);

/// <summary>One attribute, its cross references resolved to spec names that are known to exist.</summary>
internal sealed record AttrSpec(
    string Name,
    string CsName,
    int Value,
    AttrKind Kind,
    string Type,
    string? SubType,
    bool BigEndian,
    bool MultiAttr,
    string? NestedSet,
    string? Struct,
    string? Enum,
    bool EnumAsFlags,
    string? DisplayHint,
    string? SubMessage,
    string? Selector,
    bool SelectorIsLocal,
    bool SelectorIsString,
    EquatableArray<string> TypeValue,
    string? Doc)
{
    /// <summary>checks: exact-len (-1 when the spec gives none).</summary>
    public int ExactLen { get; init; } = -1;

    /// <summary>checks: min-len (-1 when the spec gives none).</summary>
    public int MinLen { get; init; } = -1;

    /// <summary>checks: max-len (-1 when the spec gives none).</summary>
    public int MaxLen { get; init; } = -1;
}

/// <summary>A sub-message: formats chosen at runtime by a selector attribute.</summary>
internal sealed record SubMessageSpec(string Name, string CsName, EquatableArray<SubMessageFormatSpec> Formats);

/// <summary>One sub-message format.</summary>
internal sealed record SubMessageFormatSpec(string Value, string CsName, string? FixedHeader, string? AttrSet);

/// <summary>An operation with its message ids (-1 when absent).</summary>
internal sealed record OperationSpec(
    string Name,
    string CsName,
    string? AttrSet,
    string? FixedHeader,
    bool HasDo,
    bool HasDump,
    bool IsNotify,
    bool IsEvent,
    int RequestValue,
    int ReplyValue,
    int DumpRequestValue,
    int DumpReplyValue,
    int EventValue,
    EquatableArray<string> RequestAttrs,
    string? Mcgrp,
    string? Doc);

/// <summary>A multicast group; Value is -1 for genetlink (resolved by name at runtime).</summary>
internal sealed record McastGroupSpec(string Name, string CsName, long Value);
