using System.Collections.Generic;
using Netlink.Generators.Model;

namespace Netlink.Generators.Parsing;

// What the read phase (SpecReader) hands the resolve phase (SpecResolver): the spec's elements
// with their texts and positions, shapes checked, nothing linked yet.

/// <summary>A scalar as written, with its position.</summary>
internal sealed record RawText(string Value, SourceSpan Span);

/// <summary>The whole spec.</summary>
internal sealed class RawSpec
{
    public required RawText Name { get; init; }

    public required ProtocolKind Protocol { get; init; }

    public RawText? Protonum { get; init; }

    public string? Doc { get; init; }

    public List<RawConst> Consts { get; } = new();

    public List<RawEnum> Enums { get; } = new();

    public List<RawStruct> Structs { get; } = new();

    public List<RawAttrSet> AttrSets { get; } = new();

    public List<RawSubMessage> SubMessages { get; } = new();

    public RawOperations Operations { get; set; } = new();

    public List<RawMcastGroup> McastGroups { get; } = new();
}

internal sealed record RawConst(RawText Name, string? Prefix, RawText Value, string? Doc);

internal sealed record RawEnumEntry(RawText Name, RawText? Value, string? Doc);

internal sealed record RawEnum(RawText Name, bool IsFlags, RawText? ValueStart, List<RawEnumEntry> Entries, bool RenderMax, string? Doc);

internal sealed record RawMember(RawText Name, RawText Type, RawText? Len, bool BigEndian, RawText? Enum, bool EnumAsFlags, RawText? Hint, RawText? Struct, string? Doc, SourceSpan Span);

internal sealed record RawStruct(RawText Name, List<RawMember> Members, string? Doc);

/// <summary>An attribute: its keys stay raw because a subset merges them with its parent's.</summary>
internal sealed record RawAttr(RawText Name, RawNode Node);

internal sealed record RawAttrSet(RawText Name, RawText? SubsetOf, List<RawAttr> Attrs, string? Doc);

internal sealed record RawMode(RawText? RequestValue, RawText? ReplyValue, bool HasReply, List<RawText> RequestAttrs, List<RawText> ReplyAttrs);

internal sealed record RawOperation(
    RawText Name,
    RawText? Value,
    RawText? AttrSet,
    RawText? FixedHeader,
    RawMode? Do,
    RawMode? Dump,
    RawText? Notify,
    bool IsEvent,
    RawText? Mcgrp,
    string? Doc);

internal sealed class RawOperations
{
    public bool Directional { get; init; }

    public RawText? FixedHeader { get; init; }

    public string? NamePrefix { get; init; }

    public List<RawOperation> List { get; } = new();
}

internal sealed record RawFormat(RawText Value, RawText? FixedHeader, RawText? AttrSet);

internal sealed record RawSubMessage(RawText Name, List<RawFormat> Formats);

internal sealed record RawMcastGroup(RawText Name, RawText? Value);
