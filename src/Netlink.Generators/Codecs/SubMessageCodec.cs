using System.Linq;
using Netlink.Generators.Emitting;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Codecs;

/// <summary>
/// sub-message: a payload whose format (a fixed header and/or an attribute set) the selector
/// attribute picks at run time, e.g. linkinfo's data by its kind. Writers are one per format;
/// the reader hands out a dispatcher; the typed layer is one class per format.
/// </summary>
internal sealed class SubMessageCodec : AttrCodec
{
    public static readonly SubMessageCodec Instance = new();

    public override void EmitWriter(CodecSite s)
    {
        SubMessageSpec sm = s.Ctx.SubMessages[s.Type.SubMessage!];
        foreach (SubMessageFormatSpec f in sm.Formats)
        {
            string header = f.FixedHeader is not null ? $"in {s.Ctx.Structs[f.FixedHeader].Cs} header" : string.Empty;
            s.W.Line($"/// <summary>Writes '{CodecSite.Xml(s.Attr.Name)}' in its '{CodecSite.Xml(f.Value)}' format (the selector '{CodecSite.Xml(s.Type.Selector!.Name)}' must say \"{CodecSite.Xml(f.Value)}\").</summary>");
            bool hasSet = f.AttrSet is not null;
            string returns = hasSet ? s.Ctx.Sets[f.AttrSet!].Writer : "void";
            s.W.Open($"public readonly {returns} {(hasSet ? "Begin" : "Write")}{s.Bare}As{f.Cs.Bare}({header})");
            s.W.Line($"int start = {CodecSite.Writer}.BeginNested({s.Id}, {s.Ctx.NestFlag});");
            if (f.FixedHeader is not null)
            {
                s.W.Line($"{CodecSite.Writer}.WriteStruct(in header);");
            }

            s.W.Line(hasSet ? $"return {returns}.Create({Scope}.Nests({CodecSite.Writer}, start));" : $"{CodecSite.Writer}.EndNested(start);");
            s.W.Close();
        }
    }

    /// <summary>The dispatcher for payload <paramref name="payload"/>, its format chosen by the selector (<paramref name="selectorOf"/> gives the selector's bytes).</summary>
    private static string Dispatcher(EmitContext ctx, TypeSpec t, string payload, string selector)
    {
        SubMessageSpec sm = ctx.SubMessages[t.SubMessage!];
        string select = t.Selector!.IsString
            ? $"{sm.Cs}.SelectByName({selector})"
            : $"{sm.Cs}.SelectByValue({Codegen}.NlScalar.SelectorValue({selector}))";
        return $"new {sm.Cs}({select}, {payload})";
    }

    public override void EmitGetter(CodecSite s)
    {
        SelectorSpec selector = s.Type.Selector!;
        string bytes = selector.IsLocal
            ? $"GetRaw({s.Set.IdEnum}.{s.Set.Attrs.First(a => a.Name == selector.Name).Cs})"
            : EmitContext.SelectorField(selector.Name);
        s.Doc("Reads (its format chosen by its selector)");
        s.W.Open($"public readonly bool TryGet{s.Bare}(out {s.Ctx.SubMessages[s.Type.SubMessage!].Cs} value)");
        s.W.Line($"value = {Dispatcher(s.Ctx, s.Type, $"{Read}.Payload(_data, {s.Pos})", bytes)};");
        s.W.Line($"return {s.Pos} != 0;");
        s.W.Close();
    }

    public override void EmitDescribe(DescribeSite s, string label, string attribute, string depth)
    {
        SubMessageSpec sm = s.Ctx.SubMessages[s.Type.SubMessage!];
        SelectorSpec selector = s.Type.Selector!;
        string bytes = selector.IsLocal
            ? $"r.GetRaw({s.Set.IdEnum}.{s.Set.Attrs.First(a => a.Name == selector.Name).Cs})"
            : EmitContext.SelectorParam(selector.Name);
        s.W.Line($"{sm.Cs} message = {Dispatcher(s.Ctx, s.Type, attribute + ".Payload", bytes)};");
        s.W.Open("switch (message.Kind)");
        foreach (SubMessageFormatSpec f in sm.Formats)
        {
            s.W.Open($"case {sm.Cs}.Format.{f.Cs}:");
            s.W.Line($"o.Open({depth}, {label}, {Naming.Literal("sub-message " + f.Value)});");
            string rest = "message.Payload";
            if (f.FixedHeader is not null)
            {
                StructSpec h = s.Ctx.Structs[f.FixedHeader];
                s.W.Line($"Describe{h.Cs.Bare}(o, message.Payload, {depth} + 1, {Naming.Literal(h.Name)});");
                rest = $"message.Payload.Slice(global::System.Math.Min(message.Payload.Length, {Align}.Align({h.Size})))";
            }

            if (f.AttrSet is not null)
            {
                AttrSetSpec format = s.Ctx.Sets[f.AttrSet];
                string args = s.Ctx.SelectorArgs(s.Set, f.AttrSet, own => $"r.GetRaw({s.Set.IdEnum}.{own.Cs})", EmitContext.SelectorParam);
                s.W.Line($"Describe{format.Cs.Bare}(o, {rest}, {depth} + 1{args});");
            }

            s.W.Line("break;");
            s.W.Close();
        }

        s.W.Line("default:");
        s.W.Line($"    o.Line({depth}, {label}, \"sub-message (unknown format)\", message.Payload);");
        s.W.Line("    break;");
        s.W.Close();
    }

    public override string? ClrType(EmitContext ctx, TypeSpec type) => ctx.Qualified(ctx.SubMessages[type.SubMessage!].ValueClass);

    public override void EmitTypedRead(CodecSite s, string property, string local)
    {
        SubMessageSpec sm = s.Ctx.SubMessages[s.Type.SubMessage!];
        s.W.Line($"if (reader.TryGet{s.Bare}(out {sm.Cs} {local})) {property} = {s.Ctx.Qualified(sm.ValueClass)}.FromMessage({local});");
    }

    public override void EmitTypedWrite(CodecSite s, string value)
    {
        SubMessageSpec sm = s.Ctx.SubMessages[s.Type.SubMessage!];
        s.W.Open($"switch ({value})");
        foreach (SubMessageFormatSpec f in sm.Formats)
        {
            string header = f.FixedHeader is not null ? "f.Header" : string.Empty;
            string line = f.AttrSet is not null
                ? $"{{ var nested = writer.Begin{s.Bare}As{f.Cs.Bare}({header}); f.Attributes?.WriteTo(nested); nested.End(); break; }}"
                : $"writer.Write{s.Bare}As{f.Cs.Bare}({header}); break;";
            s.W.Line($"case {s.Ctx.Qualified(sm.ValueClass)}.{f.Cs} f: {line}");
        }

        s.W.Line($"case {s.Ctx.Qualified(sm.ValueClass)}.Unknown u: writer.Writer.WriteAttribute({s.Id}, u.Payload); break;");
        s.W.Close();
    }
}
