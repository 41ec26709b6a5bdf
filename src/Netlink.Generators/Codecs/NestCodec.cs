using Netlink.Generators.Helpers;
using Netlink.Generators.Model;

namespace Netlink.Generators.Codecs;

/// <summary>nest: a nested writer that patches its length on End, and a nested reader.</summary>
internal sealed class NestCodec : AttrCodec
{
    public static readonly NestCodec Instance = new();

    public override void EmitWriter(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        w.Doc(a.Doc);
        if (a.NestedSet is null)
        {
            w.Line($"public readonly void Write{Bare(a)}(ReadOnlySpan<byte> attributes) => _w.WriteAttribute({Id(set, a)}, attributes);");
            return;
        }

        string child = ctx.Sets[a.NestedSet].WriterName;
        w.Line($"public readonly {child} Begin{Bare(a)}() => new(_w, -1, _w.BeginNested({Id(set, a)}, {ctx.NestFlag}));");
    }

    public override void EmitReader(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        w.Doc(a.Doc);
        if (a.NestedSet is null)
        {
            w.Open($"public readonly bool TryGet{Bare(a)}(out NlAttributeEnumerator value)");
            w.Line($"value = {Field(a)} != 0 ? {At(a)}.GetNested() : default;");
            w.Line($"return {Field(a)} != 0;");
            w.Close();
            return;
        }

        AttrSetSpec c = ctx.Sets[a.NestedSet];
        string args = ctx.SelectorArgs(set, a.NestedSet, own => $"GetRaw({set.IdEnumName}.{own.CsName})", EmitContext.SelectorField);
        w.Open($"public readonly bool TryGet{Bare(a)}(out {c.ReaderName} value)");
        w.Line($"value = {Field(a)} != 0 ? new {c.ReaderName}({At(a)}.Payload{args}) : default;");
        w.Line($"return {Field(a)} != 0;");
        w.Close();
    }

    public override void EmitDescribe(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        if (a.NestedSet is null)
        {
            w.Line($"NlLine(o, depth, {Label(a)}, NlBytes(a.Payload), a.Payload);");
            return;
        }

        string args = ctx.SelectorArgs(set, a.NestedSet, own => $"r.GetRaw({set.IdEnumName}.{own.CsName})", EmitContext.SelectorParam);
        w.Line($"NlLine(o, depth, {Label(a)}, \"nest\", default);");
        w.Line($"Describe{ctx.Sets[a.NestedSet].CsName}(a.Payload, o, depth + 1{args});");
    }
}

/// <summary>indexed-array: a nest whose attribute types are indices; items are nests or scalars.</summary>
internal sealed class IndexedArrayCodec : AttrCodec
{
    public static readonly IndexedArrayCodec Instance = new();

    public override void EmitWriter(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        string name = Bare(a) + "ArrayWriter";
        w.Doc(a.Doc);
        w.Line($"public readonly {name} Begin{Bare(a)}() => new(_w, _w.BeginNested({Id(set, a)}, {ctx.NestFlag}));");
        w.Line($"/// <summary>Writes the items of '{a.Name}'; indices count from 0 unless given.</summary>");
        w.Open($"public ref struct {name}");
        w.Line("private readonly NetlinkMessageWriter _w;");
        w.Line("private readonly int _start;");
        w.Line("private ushort _next;");
        w.Line($"internal {name}(NetlinkMessageWriter writer, int start)");
        w.Line("{");
        w.Line("    _w = writer;");
        w.Line("    _start = start;");
        w.Line("    _next = 0;");
        w.Line("}");
        string? sub = a.SubType;
        if (sub == "nest" && a.NestedSet is not null)
        {
            string child = ctx.Sets[a.NestedSet].WriterName;
            w.Line("/// <summary>Starts the next item.</summary>");
            w.Line($"public {child} BeginItem() => BeginItem(_next);");
            w.Line("/// <summary>Starts the item with the given index.</summary>");
            w.Open($"public {child} BeginItem(ushort index)");
            w.Line("_next = (ushort)(index + 1);");
            w.Line($"return new(_w, -1, _w.BeginNested(index, {ctx.NestFlag}));");
            w.Close();
        }
        else if (Scalars.IsScalar(sub))
        {
            w.Line("/// <summary>Appends the next item.</summary>");
            w.Line($"public void Add({Scalars.CsType(sub!)} value) => NlPut{Scalars.Suffix(sub!, a.BigEndian)}(_w, _next++, value);");
        }
        else if (sub == "string")
        {
            w.Line("/// <summary>Appends the next item.</summary>");
            w.Line("public void Add(ReadOnlySpan<char> value) => _w.WriteString(_next++, value);");
        }
        else
        {
            w.Line("/// <summary>Appends the next item.</summary>");
            w.Line("public void Add(ReadOnlySpan<byte> value) => _w.WriteAttribute(_next++, value);");
        }

        w.Line("/// <summary>Patches the array's length.</summary>");
        w.Line("public readonly void End() => _w.EndNested(_start);");
        w.Line("/// <summary>Same as End (enables using).</summary>");
        w.Line("public readonly void Dispose() => End();");
        w.Close();
    }

    public override void EmitReader(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        string name = Bare(a) + "Enumerator";
        w.Doc(a.Doc);
        w.Line($"public readonly {name} Get{Bare(a)}() => new({Field(a)} != 0 ? new NlAttrFilter({At(a)}.Payload, 1, -1) : default);");
        Items.EmitEnumerator(w, name, Items.TypeOf(ctx, a.SubType, a), ctx, a.SubType, a);
    }

    public override void EmitDescribe(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        w.Line($"NlLine(o, depth, {Label(a)}, \"indexed-array\", default);");
        w.Open("foreach (NlAttribute item in a.GetNested())");
        Items.EmitDescribe(w, ctx, a.SubType, a, "\"[\" + item.Type.ToString(CultureInfo.InvariantCulture) + \"]\"", "item", "depth + 1");
        w.Close();
    }
}

/// <summary>nest-type-value: nests whose attribute types carry ids (type-value), innermost holding the nested set.</summary>
internal sealed class NestTypeValueCodec : AttrCodec
{
    public static readonly NestTypeValueCodec Instance = new();

    public override void EmitWriter(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        int k = a.TypeValue.Count;
        var ids = new string[k];
        for (int i = 0; i < k; i++)
        {
            ids[i] = "ushort " + IdParam(a, i);
        }

        string child = ctx.Sets[a.NestedSet!].WriterName;
        w.Doc(a.Doc);
        w.Open($"public readonly {child} Begin{Bare(a)}({string.Join(", ", ids)})");
        w.Line($"int s0 = _w.BeginNested({Id(set, a)}, {ctx.NestFlag});");
        for (int i = 0; i < k; i++)
        {
            w.Line($"int s{i + 1} = _w.BeginNested({IdParam(a, i)}, {ctx.NestFlag});");
        }

        var starts = new string[4];
        for (int i = 0; i < 4; i++)
        {
            starts[i] = i <= k ? "s" + i : "-1";
        }

        w.Line($"return new(_w, -1, {string.Join(", ", starts)});");
        w.Close();
    }

    public override void EmitReader(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        int k = a.TypeValue.Count;
        string name = Bare(a) + "Enumerator";
        string reader = ctx.Sets[a.NestedSet!].ReaderName;
        w.Doc(a.Doc);
        w.Line($"public readonly {name} Get{Bare(a)}() => new({Field(a)} != 0 ? {At(a)}.GetNested() : default);");
        w.Line($"/// <summary>Enumerates the entries of '{a.Name}' with their ids.</summary>");
        w.Open($"public ref struct {name}");
        for (int i = 0; i < k; i++)
        {
            w.Line($"private NlAttributeEnumerator _e{i};");
            w.Line($"private ushort _id{i};");
        }

        w.Line("private NlAttribute _cur;");
        w.Line("private int _level;");
        w.Line($"internal {name}(NlAttributeEnumerator outer)");
        w.Line("{");
        w.Line("    this = default;");
        w.Line("    _e0 = outer;");
        w.Line("    _level = 0;");
        w.Line("}");
        for (int i = 0; i < k; i++)
        {
            w.Line($"/// <summary>The '{a.TypeValue[i]}' of the current entry.</summary>");
            w.Line($"public readonly ushort {Naming.ToPascal(a.TypeValue[i]).TrimStart('@')} => _id{i};");
        }

        w.Line("/// <summary>The current entry's attributes.</summary>");
        w.Line($"public readonly {reader} Current => new(_cur.Payload);");
        w.Line("/// <summary>Enables foreach.</summary>");
        w.Line($"public readonly {name} GetEnumerator() => this;");
        w.Line("/// <summary>Advances to the next entry.</summary>");
        w.Open("public bool MoveNext()");
        w.Open("while (true)");
        w.Open("switch (_level)");
        for (int i = 0; i < k; i++)
        {
            w.Open($"case {i}:");
            w.Open($"if (_e{i}.MoveNext())");
            w.Line($"_id{i} = _e{i}.Current.Type;");
            if (i == k - 1)
            {
                w.Line($"_cur = _e{i}.Current;");
                w.Line("return true;");
            }
            else
            {
                w.Line($"_e{i + 1} = _e{i}.Current.GetNested();");
                w.Line($"_level = {i + 1};");
                w.Line("continue;");
            }

            w.Close();
            w.Line(i == 0 ? "return false;" : "_level--;");
            w.Line(i == 0 ? string.Empty : "continue;");
            w.Close();
        }

        w.Line("default:");
        w.Line("    return false;");
        w.Close();
        w.Close();
        w.Close();
        w.Close();
    }

    public override void EmitDescribe(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        int k = a.TypeValue.Count;
        w.Line($"NlLine(o, depth, {Label(a)}, \"nest-type-value\", default);");
        string src = "a";
        for (int i = 0; i < k; i++)
        {
            w.Open($"foreach (NlAttribute l{i} in {src}.GetNested())");
            w.Line($"NlLine(o, depth + {i + 1}, \"[\" + l{i}.Type.ToString(CultureInfo.InvariantCulture) + \"]\", {Naming.Literal(a.TypeValue[i])}, default);");
            src = "l" + i;
        }

        w.Line($"Describe{ctx.Sets[a.NestedSet!].CsName}({src}.Payload, o, depth + {k + 1});");
        for (int i = 0; i < k; i++)
        {
            w.Close();
        }
    }

    private static string IdParam(AttrSpec a, int i)
    {
        string p = Naming.ToPascal(a.TypeValue[i]).TrimStart('@');
        return Naming.Escape(char.ToLowerInvariant(p[0]) + p.Substring(1));
    }
}
