using System.Linq;
using Netlink.Generators.Emitting;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Codecs;

/// <summary>nest-type-value: nests within nests whose attribute types carry the ids <c>type-value</c> names, the innermost holding the nested set.</summary>
internal sealed class NestTypeValueCodec : AttrCodec
{
    public static readonly NestTypeValueCodec Instance = new();

    private static string IdParameter(TypeSpec t, int i) => Naming.Camel(t.TypeValue[i]).Escaped;

    public override void EmitWriter(CodecSite s)
    {
        TypeSpec t = s.Type;
        string child = s.Ctx.Sets[t.NestedSet!].Writer;
        s.Doc($"Starts an entry (ids {string.Join(", ", t.TypeValue)}) of");
        s.W.Open($"public readonly {child} Begin{s.Bare}({string.Join(", ", Enumerable.Range(0, t.TypeValue.Count).Select(i => "ushort " + IdParameter(t, i)))})");
        s.W.Line($"int s0 = {CodecSite.Writer}.BeginNested({s.Id}, {s.Ctx.NestFlag});");
        for (int i = 0; i < t.TypeValue.Count; i++)
        {
            s.W.Line($"int s{i + 1} = {CodecSite.Writer}.BeginNested({IdParameter(t, i)}, {s.Ctx.NestFlag});");
        }

        s.W.Line($"return {child}.Create({Scope}.Nests({CodecSite.Writer}, {string.Join(", ", Enumerable.Range(0, t.TypeValue.Count + 1).Select(i => "s" + i))}));");
        s.W.Close();
    }

    public override void EmitGetter(CodecSite s)
    {
        string reader = s.Ctx.Sets[s.Type.NestedSet!].Reader;
        s.Doc($"Enumerates the entries (Id0.. are {string.Join(", ", s.Type.TypeValue)}) of");
        s.W.Line($"public readonly {Codegen}.NlTypeValueEnumerator<{reader}> Get{s.Bare}() => new({Filter}.OfType(_data, {s.Pos}, {s.Id}), {s.Type.TypeValue.Count});");
    }

    public override void EmitDescribe(DescribeSite s, string label, string attribute, string depth)
    {
        TypeSpec t = s.Type;
        s.W.Line($"o.Open({depth}, {label}, \"nest-type-value\");");
        string source = attribute;
        for (int i = 0; i < t.TypeValue.Count; i++)
        {
            s.W.Open($"foreach ({Globals.AttributeType} l{i} in {source}.GetNested())");
            s.W.Line($"o.Open({depth} + {i + 1}, {Describe}.IndexLabel(l{i}), {Naming.Literal(t.TypeValue[i])});");
            source = "l" + i;
        }

        s.W.Line($"Describe{s.Ctx.Sets[t.NestedSet!].Cs.Bare}(o, {source}.Payload, {depth} + {t.TypeValue.Count + 1});");
        for (int i = 0; i < t.TypeValue.Count; i++)
        {
            s.W.Close();
        }
    }

    public override string? ClrType(EmitContext ctx, TypeSpec type) => $"{ReadOnlyList}<{TypeValue}<{ctx.TypedClass(type.NestedSet!)}>>";

    public override void EmitTypedRead(CodecSite s, string property, string local)
    {
        TypeSpec t = s.Type;
        string typed = s.Ctx.TypedClass(t.NestedSet!);
        string ids = string.Join(", ", Enumerable.Range(0, t.TypeValue.Count).Select(i => "entries.Id" + i));
        s.W.Open($"if (reader.Has({s.Set.IdEnum}.{s.Attr.Cs}))");
        s.W.Line($"var {local} = new {List}<{TypeValue}<{typed}>>();");
        s.W.Line($"var entries = reader.Get{s.Bare}();");
        s.W.Line($"while (entries.MoveNext()) {local}.Add(new {TypeValue}<{typed}>(new ushort[] {{ {ids} }}, {typed}.FromReader(entries.Current)));");
        s.W.Line($"{property} = {local};");
        s.W.Close();
    }

    public override void EmitTypedWrite(CodecSite s, string value)
    {
        TypeSpec t = s.Type;
        string ids = string.Join(", ", Enumerable.Range(0, t.TypeValue.Count).Select(i => $"{Values}.TypeValueId(item.Ids, {i}, {t.TypeValue.Count}, {s.NameLiteral})"));
        s.W.Open($"foreach (var item in {value})");
        s.W.Line($"var nested = writer.Begin{s.Bare}({ids});");
        s.W.Line("item.Value.WriteTo(nested);");
        s.W.Line("nested.End();");
        s.W.Close();
    }
}
