using System;
using Netlink.Generators.Emitting;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Codecs;

/// <summary>
/// nest: the attributes of another set. The writer opens a nested writer (its End patches the
/// length); the reader hands out the nested set's reader, passing down the selectors its
/// sub-messages take from enclosing sets. A nest without a set is raw attribute bytes.
/// </summary>
internal sealed class NestCodec : AttrCodec
{
    public static readonly NestCodec Instance = new();

    public override void EmitWriter(CodecSite s)
    {
        if (s.Type.NestedSet is not { } set)
        {
            s.Doc("Writes already encoded attributes as");
            s.W.Line($"public readonly void Write{s.Bare}({Bytes} attributes) => {CodecSite.Writer}.WriteAttribute({s.Id}, attributes);");
            return;
        }

        string child = s.Ctx.Sets[set].Writer;
        s.Doc("Starts (End the returned writer before writing on this one again)");
        s.W.Line($"public readonly {child} Begin{s.Bare}() => {child}.Create({Scope}.Nest({CodecSite.Writer}, {s.Id}, {s.Ctx.NestFlag}));");
    }

    public override void EmitGetter(CodecSite s)
    {
        if (s.Type.NestedSet is not { } set)
        {
            s.Doc("Reads the attributes nested in");
            s.W.Line($"public readonly bool TryGet{s.Bare}(out {AttributeEnumerator} value) => {Read}.Nested(_data, {s.Pos}, out value);");
            return;
        }

        AttrSetSpec child = s.Ctx.Sets[set];
        string args = s.Ctx.SelectorArgs(s.Set, set, own => $"GetRaw({s.Set.IdEnum}.{own.Cs})", EmitContext.SelectorField);
        s.Doc("Reads");
        s.W.Open($"public readonly bool TryGet{s.Bare}(out {child.Reader} value)");
        s.W.Line($"value = new {child.Reader}({Read}.Payload(_data, {s.Pos}){args});");
        s.W.Line($"return {s.Pos} != 0;");
        s.W.Close();
    }

    public override string ItemEnumerator(EmitContext ctx, TypeSpec type) => type.NestedSet is { } set
        ? $"{Codegen}.NlItemEnumerator<{ctx.Sets[set].Reader}, {ctx.Sets[set].Reader}>"
        : $"{Codegen}.NlItemEnumerator<{Bytes}, {Codegen}.NlBinaryItem>";

    public override string ArrayWriter(EmitContext ctx, TypeSpec type) => type.NestedSet is { } set
        ? $"{Codegen}.NlArrayWriter<{ctx.Sets[set].Writer}>"
        : $"{Codegen}.NlBytesArrayWriter";

    public override string NewArrayWriter(EmitContext ctx, TypeSpec type, string writer, string id, string attribute) => type.NestedSet is not null
        ? $"new {ArrayWriter(ctx, type)}({writer}, {id}, {ctx.NestFlag})"
        : $"new {ArrayWriter(ctx, type)}({writer}, {id}, {ctx.NestFlag}, 0, {attribute})";

    public override void EmitDescribe(DescribeSite s, string label, string attribute, string depth)
    {
        if (s.Type.NestedSet is not { } set)
        {
            s.W.Line($"o.Binary({depth}, {label}, {attribute});");
            return;
        }

        string args = s.Ctx.SelectorArgs(s.Set, set, own => $"r.GetRaw({s.Set.IdEnum}.{own.Cs})", EmitContext.SelectorParam);
        s.W.Line($"o.Open({depth}, {label}, \"nest\"); Describe{s.Ctx.Sets[set].Cs.Bare}(o, {attribute}.Payload, {depth} + 1{args});");
    }

    public override string? ClrType(EmitContext ctx, TypeSpec type) => type.NestedSet is { } set ? ctx.TypedClass(set) : "byte[]";

    public override void EmitTypedRead(CodecSite s, string property, string local) =>
        s.W.Line(s.Type.NestedSet is { } set
            ? $"if (reader.TryGet{s.Bare}(out {s.Ctx.Sets[set].Reader} {local})) {property} = {s.Ctx.TypedClass(set)}.FromReader({local});"
            : $"if (reader.Has({s.Set.IdEnum}.{s.Attr.Cs})) {property} = reader.GetRaw({s.Set.IdEnum}.{s.Attr.Cs}).ToArray();");

    public override void EmitTypedWrite(CodecSite s, string value) =>
        s.W.Line(s.Type.NestedSet is not null
            ? $"{{ var nested = writer.Begin{s.Bare}(); {value}.WriteTo(nested); nested.End(); }}"
            : $"writer.Write{s.Bare}({value});");

    public override void EmitTypedItemRead(SourceWriter w, EmitContext ctx, TypeSpec type, string current, string list, Func<string, string> wrap) =>
        w.Line($"{list}.Add({wrap(type.NestedSet is { } set ? $"{ctx.TypedClass(set)}.FromReader({current})" : $"{current}.ToArray()")});");

    public override void EmitTypedArrayItemWrite(SourceWriter w, EmitContext ctx, AttrSpec attr, TypeSpec type, string array, string index, string value) =>
        w.Line(type.NestedSet is not null
            ? $"{{ var itemWriter = {array}.BeginItem({index}); {value}.WriteTo(itemWriter); itemWriter.End(); }}"
            : $"{array}.Add({index}, {value});");
}
