using System.Linq;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;

namespace Netlink.Generators.Codecs;

/// <summary>sub-message: the payload's format is chosen by a selector attribute (e.g. linkinfo kind).</summary>
internal sealed class SubMessageCodec : AttrCodec
{
    public static readonly SubMessageCodec Instance = new();

    public override void EmitWriter(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        SubMessageSpec sm = ctx.SubMessages[a.SubMessage!];
        foreach (SubMessageFormatSpec f in sm.Formats)
        {
            string headerParam = f.FixedHeader is not null ? $"in {ctx.Structs[f.FixedHeader].CsName} header" : string.Empty;
            string writeHeader = f.FixedHeader is not null ? "_w.WriteStruct(in header);" : string.Empty;
            w.Line($"/// <summary>Writes '{a.Name}' in its '{f.Value}' format (write '{a.Selector}' = \"{f.Value}\" too).</summary>");
            if (f.AttrSet is not null)
            {
                w.Open($"public readonly {ctx.Sets[f.AttrSet].WriterName} Begin{Bare(a)}As{f.CsName.TrimStart('@')}({headerParam})");
                w.Line($"int start = _w.BeginNested({Id(set, a)}, {ctx.NestFlag});");
                w.Line(writeHeader);
                w.Line("return new(_w, -1, start);");
                w.Close();
            }
            else
            {
                w.Open($"public readonly void Write{Bare(a)}As{f.CsName.TrimStart('@')}({headerParam})");
                w.Line($"int start = _w.BeginNested({Id(set, a)}, {ctx.NestFlag});");
                w.Line(writeHeader);
                w.Line("_w.EndNested(start);");
                w.Close();
            }
        }
    }

    public override void EmitReader(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        SubMessageSpec sm = ctx.SubMessages[a.SubMessage!];
        string selector = a.SelectorIsLocal
            ? $"GetRaw({set.IdEnumName}.{set.Attrs.First(x => x.Name == a.Selector).CsName})"
            : EmitContext.SelectorField(a.Selector!);
        string select = a.SelectorIsString ? $"{sm.CsName}.SelectByName({selector})" : $"{sm.CsName}.SelectByValue(NlSelectorValue({selector}))";
        w.Doc(a.Doc);
        w.Open($"public readonly bool TryGet{Bare(a)}(out {sm.CsName} value)");
        w.Line($"value = {Field(a)} != 0 ? new {sm.CsName}({select}, {At(a)}.Payload) : default;");
        w.Line($"return {Field(a)} != 0;");
        w.Close();
    }

    public override void EmitDescribe(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        SubMessageSpec sm = ctx.SubMessages[a.SubMessage!];
        w.Open($"if (r.TryGet{Bare(a)}(out {sm.CsName} m))");
        w.Open("switch (m.Kind)");
        foreach (SubMessageFormatSpec f in sm.Formats)
        {
            w.Open($"case {sm.CsName}.Format.{f.CsName}:");
            w.Line($"NlLine(o, depth, {Label(a)}, {Naming.Literal("sub-message " + f.Value)}, default);");
            string rest = "m.Payload";
            if (f.FixedHeader is not null)
            {
                StructSpec s = ctx.Structs[f.FixedHeader];
                w.Line($"DescribeStruct{s.CsName}(m.Payload, o, depth + 1, {Naming.Literal(s.Name)});");
                rest = $"m.Payload.Slice(Math.Min(m.Payload.Length, NlAlign.Align({s.Size})))";
            }

            if (f.AttrSet is not null)
            {
                w.Line($"Describe{ctx.Sets[f.AttrSet].CsName}({rest}, o, depth + 1);");
            }

            w.Line("break;");
            w.Close();
        }

        w.Line("default:");
        w.Line($"    NlLine(o, depth, {Label(a)}, \"sub-message (unknown format)\", m.Payload);");
        w.Line("    break;");
        w.Close();
        w.Close();
    }
}
