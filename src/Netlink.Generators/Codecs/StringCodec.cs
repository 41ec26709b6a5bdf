using System;
using Netlink.Generators.Emitting;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Codecs;

/// <summary>string: NUL-terminated UTF-8; written from chars, read as bytes (no allocation) or a string.</summary>
internal sealed class StringCodec : AttrCodec
{
    public static readonly StringCodec Instance = new();

    public override void EmitWriter(CodecSite s)
    {
        s.Doc("Writes");
        s.W.Line($"public readonly void Write{s.Bare}({Chars} value) => {CodecSite.Writer}.WriteString({s.Id}, value);");
    }

    public override void EmitGetter(CodecSite s)
    {
        s.Doc("Reads the UTF-8 bytes (no terminator, no allocation) of");
        s.W.Line($"public readonly bool TryGet{s.Bare}Bytes(out {Bytes} utf8) => {Read}.StringBytes(_data, {s.Pos}, out utf8);");
        s.Doc("Reads (allocating a string)");
        s.W.Line($"public readonly bool TryGet{s.Bare}({NotNullWhenTrue}out string? value) => {Read}.String(_data, {s.Pos}, out value);");
    }

    public override string ItemEnumerator(EmitContext ctx, TypeSpec type) => $"{Codegen}.NlItemEnumerator<{Bytes}, {Codegen}.NlStringItem>";

    public override string ArrayWriter(EmitContext ctx, TypeSpec type) => $"{Codegen}.NlBytesArrayWriter";

    public override string NewArrayWriter(EmitContext ctx, TypeSpec type, string writer, string id, string attribute) =>
        $"new {ArrayWriter(ctx, type)}({writer}, {id}, {ctx.NestFlag}, 0, {attribute})";

    public override void EmitDescribe(DescribeSite s, string label, string attribute, string depth) =>
        s.W.Line($"o.String({depth}, {label}, {attribute});");

    public override void EmitMember(SourceWriter w, EmitContext ctx, StructMemberSpec m) => BinaryCodec.EmitBytesMember(w, m, "string");

    public override void EmitMemberDescribe(SourceWriter w, EmitContext ctx, StructMemberSpec m, string label, string bytes, string depth) =>
        w.Line($"o.Line({depth}, {label}, {Describe}.Quote({bytes}), {bytes});");

    public override string? ClrType(EmitContext ctx, TypeSpec type) => "string";

    public override void EmitTypedRead(CodecSite s, string property, string local) =>
        s.W.Line($"if (reader.TryGet{s.Bare}(out string? {local})) {property} = {local};");

    public override void EmitTypedWrite(CodecSite s, string value) => s.W.Line($"writer.Write{s.Bare}({value});");

    public override void EmitTypedItemRead(SourceWriter w, EmitContext ctx, TypeSpec type, string current, string list, Func<string, string> wrap) =>
        w.Line($"{list}.Add({wrap($"{Utf8}.GetString({current})")});");

    public override void EmitTypedArrayItemWrite(SourceWriter w, EmitContext ctx, AttrSpec attr, TypeSpec type, string array, string index, string value) =>
        w.Line($"{array}.AddString({index}, {value});");
}
