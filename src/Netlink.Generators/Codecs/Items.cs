using Netlink.Generators.Helpers;
using Netlink.Generators.Model;

namespace Netlink.Generators.Codecs;

/// <summary>Typed items of multi-attr attributes and indexed arrays: element type, decoding, enumerator, description.</summary>
internal static class Items
{
    public static string TypeOf(EmitContext ctx, string? type, AttrSpec a)
    {
        if (Scalars.IsScalar(type))
        {
            return ctx.TypedEnum(a.Enum, a.EnumAsFlags) is { } e ? e.CsName : Scalars.CsType(type!);
        }

        return type switch
        {
            "string" => "ReadOnlySpan<byte>",
            "binary" when a.Struct is not null => ctx.Structs[a.Struct].CsName,
            "nest" when a.NestedSet is not null => ctx.Sets[a.NestedSet].ReaderName,
            "nest" => "NlAttributeEnumerator",
            "flag" => "bool",
            _ => "ReadOnlySpan<byte>",
        };
    }

    /// <summary>Statements that decode NlAttribute <paramref name="src"/> into <c>_current</c> and return true.</summary>
    public static void EmitDecode(SourceWriter w, EmitContext ctx, string? type, AttrSpec a, string src)
    {
        if (Scalars.IsScalar(type))
        {
            string raw = Scalars.CsType(type!);
            string cast = ctx.TypedEnum(a.Enum, a.EnumAsFlags) is { } e ? $"({e.CsName})" : string.Empty;
            w.Line($"if (NlGet{Scalars.Suffix(type!, a.BigEndian)}({src}, out {raw} v)) {{ _current = {cast}v; return true; }}");
            return;
        }

        switch (type)
        {
            case "string":
                w.Line($"_current = {src}.GetStringBytes(); return true;");
                break;
            case "binary" when a.Struct is not null:
                w.Line($"if ({src}.TryGetStruct(out {ctx.Structs[a.Struct].CsName} v)) {{ _current = v; return true; }}");
                break;
            case "nest" when a.NestedSet is not null:
                w.Line($"_current = new {ctx.Sets[a.NestedSet].ReaderName}({src}.Payload); return true;");
                break;
            case "nest":
                w.Line($"_current = {src}.GetNested(); return true;");
                break;
            case "flag":
                w.Line("_current = true; return true;");
                break;
            default:
                w.Line($"_current = {src}.Payload; return true;");
                break;
        }
    }

    public static void EmitEnumerator(SourceWriter w, string name, string itemType, EmitContext ctx, string? type, AttrSpec a)
    {
        w.Line($"/// <summary>Enumerates '{a.Name}' items; <c>Index</c> is the attribute type (the index in indexed arrays).</summary>");
        w.Open($"public ref struct {name}");
        w.Line("private NlAttrFilter _f;");
        w.Line($"private {itemType} _current;");
        w.Line($"internal {name}(NlAttrFilter filter)");
        w.Line("{");
        w.Line("    _f = filter;");
        w.Line("    _current = default;");
        w.Line("}");
        w.Line($"/// <summary>The current item.</summary>");
        w.Line($"public readonly {itemType} Current => _current;");
        w.Line($"/// <summary>The attribute type of the current item.</summary>");
        w.Line("public readonly ushort Index => _f.Current.Type;");
        w.Line($"/// <summary>Enables foreach.</summary>");
        w.Line($"public readonly {name} GetEnumerator() => this;");
        w.Line($"/// <summary>Advances to the next well-formed item.</summary>");
        w.Open("public bool MoveNext()");
        w.Open("while (_f.MoveNext())");
        w.Line("NlAttribute item = _f.Current;");
        EmitDecode(w, ctx, type, a, "item");
        w.Close();
        w.Line("return false;");
        w.Close();
        w.Close();
    }

    /// <summary>Describer statements for NlAttribute <paramref name="src"/> of the given item type, at depth <paramref name="depth"/>.</summary>
    public static void EmitDescribe(SourceWriter w, EmitContext ctx, string? type, AttrSpec a, string label, string src, string depth)
    {
        if (Scalars.IsScalar(type))
        {
            string raw = Scalars.CsType(type!);
            w.Line($"NlLine(o, {depth}, {label}, NlGet{Scalars.Suffix(type!, a.BigEndian)}({src}, out {raw} v) ? {ScalarCodec.Format(ctx, a, "v", type!)} : \"<short>\", {src}.Payload);");
            return;
        }

        switch (type)
        {
            case "string":
                w.Line($"NlLine(o, {depth}, {label}, NlQuote({src}.GetStringBytes()), {src}.Payload);");
                break;
            case "flag":
                w.Line($"NlLine(o, {depth}, {label}, \"true\", {src}.Payload);");
                break;
            case "binary":
                BinaryCodec.EmitDescribeBinary(w, ctx, a, label, src, depth, type);
                break;
            case "nest" when a.NestedSet is not null:
                w.Line($"NlLine(o, {depth}, {label}, \"nest\", default);");
                w.Line($"Describe{ctx.Sets[a.NestedSet].CsName}({src}.Payload, o, {depth} + 1);");
                break;
            default:
                w.Line($"NlLine(o, {depth}, {label}, {src}.Payload.Length + \" bytes\", {src}.Payload);");
                break;
        }
    }
}
