using System.Collections.Generic;
using System.Linq;
using Netlink.Generators.Codecs;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Emitting;

/// <summary>
/// One file per attribute set: the attribute id enum, the zero-allocation writer (appends into the
/// caller's message writer) and reader (indexes a message's attributes in one pass, then typed
/// getters read in place), each attribute through its codec, and the set's typed class.
/// </summary>
internal static class AttrSetEmitter
{
    public static string Emit(EmitContext ctx, AttrSetSpec set)
    {
        SourceWriter w = SourceFile.Begin(ctx.Family);
        SourceFile.OpenFamily(w, ctx.Family, primary: false);
        EmitIds(w, set);
        w.Line();
        EmitWriter(w, ctx, set);
        w.Line();
        EmitReader(w, ctx, set);
        w.Line();
        TypedSetEmitter.Emit(w, ctx, set);
        w.Close();
        return w.ToString();
    }

    private static void EmitIds(SourceWriter w, AttrSetSpec set)
    {
        w.Doc(set.Doc ?? $"Attribute ids of the '{set.Name}' set.");
        w.Open($"public enum {set.IdEnum} : ushort");
        foreach (AttrSpec a in set.Attrs)
        {
            w.Doc(a.Doc ?? $"'{a.Name}' ({TypeText(a)}).");
            w.Line($"{a.Cs} = {a.Value},");
        }

        w.Close();
    }

    /// <summary>The YNL type as the spec says it, for docs: <c>u32</c>, <c>nest</c>, <c>multi-attr u16</c>.</summary>
    private static string TypeText(AttrSpec a)
    {
        TypeSpec t = a.Type;
        string type = t.Kind == AttrKind.Scalar ? t.Scalar.ToString().ToLowerInvariant() : t.Kind switch
        {
            AttrKind.IndexedArray => "indexed-array",
            AttrKind.NestTypeValue => "nest-type-value",
            AttrKind.SubMessage => "sub-message",
            _ => t.Kind.ToString().ToLowerInvariant(),
        };
        return a.MultiAttr ? "multi-attr " + type : type;
    }

    private static void EmitWriter(SourceWriter w, EmitContext ctx, AttrSetSpec set)
    {
        string n = set.Writer;
        w.Line($"/// <summary>Appends '{CodecSite.Xml(set.Name)}' attributes to a message. A nested writer must be ended (End or Dispose) before its parent writes again.</summary>");
        w.Open($"public readonly ref struct {n} : {Codegen}.INlNestedWriter<{n}>");
        w.Line($"private readonly {Scope} _scope;");
        w.Line();
        w.Line("/// <summary>Writes attributes at the writer's current position (no message or nest to close).</summary>");
        w.Line($"public {n}({MessageWriter} writer) => _scope = new(writer);");
        w.Line();
        w.Line($"private {n}({Scope} scope) => _scope = scope;");
        w.Line();
        w.Line("/// <summary>The underlying message writer.</summary>");
        w.Line($"public {MessageWriter} Writer => _scope.Writer;");
        w.Line("/// <summary>A writer appending inside <paramref name=\"scope\"/>, which End closes.</summary>");
        w.Line($"public static {n} Create({Scope} scope) => new(scope);");
        w.Line("/// <summary>Closes what this writer opened: nest lengths, then the message length.</summary>");
        w.Line("public void End() => _scope.End();");
        w.Line("/// <summary>Same as End (enables using).</summary>");
        w.Line("public void Dispose() => _scope.End();");
        foreach (AttrSpec a in set.Attrs)
        {
            AttrCodec.For(a).EmitWriter(new CodecSite(w, ctx, set, a));
        }

        w.Close();
    }

    private static void EmitReader(SourceWriter w, EmitContext ctx, AttrSetSpec set)
    {
        string n = set.Reader;
        // One position field per attribute value (attributes sharing a value share it); the first read wins.
        List<AttrSpec> indexed = set.Attrs.Where(a => AttrCodec.For(a).IsIndexed).GroupBy(a => a.Value).Select(g => g.First()).ToList();
        List<AttrSpec> known = set.Attrs.Where(a => !AttrCodec.For(a).IsIndexed && indexed.All(x => x.Value != a.Value)).GroupBy(a => a.Value).Select(g => g.First()).ToList();
        List<AttrSpec> counted = set.Attrs.Where(a => a.MultiAttr && AttrCodec.For(a).IsIndexed).ToList();
        w.Line($"/// <summary>Reads '{CodecSite.Xml(set.Name)}' attributes: indexes them in one pass, then typed getters read in place. Unknown attributes are skipped and counted, short ones read as absent.</summary>");
        w.Open($"public ref struct {n} : {Codegen}.INlItemDecoder<{n}>");
        w.Line($"private {Bytes} _data;");
        foreach (string selector in set.InheritedSelectors)
        {
            w.Line($"private {Bytes} {EmitContext.SelectorField(selector)};");
        }

        foreach (AttrSpec a in indexed)
        {
            w.Line($"private int {ctx.Position(set, a)};");
        }

        foreach (AttrSpec a in counted)
        {
            w.Line($"private int {EmitContext.Count(a)};");
        }

        string parameters = $"{Bytes} attributes{EmitContext.SelectorParams(set)}";
        string arguments = "attributes" + string.Concat(set.InheritedSelectors.Select(s => ", " + EmitContext.SelectorParam(s)));
        w.Line();
        w.Line($"/// <summary>Indexes the attributes in <paramref name=\"attributes\"/>{(set.InheritedSelectors.Count > 0 ? "; enclosing sets pass the payloads of the selectors this set's sub-messages use" : string.Empty)}.</summary>");
        w.Open($"public {n}({parameters})");
        w.Line("this = default;");
        w.Line($"Load({arguments});");
        w.Close();
        w.Line();
        w.Line("/// <summary>True if the walk stopped at a malformed attribute header (the attributes before it are usable).</summary>");
        w.Line("public bool IsMalformed { readonly get; private set; }");
        w.Line("/// <summary>Attributes skipped because this set does not define them.</summary>");
        w.Line("public int UnknownCount { readonly get; private set; }");
        w.Line("/// <summary>The attribute bytes this reader indexes.</summary>");
        w.Line($"public readonly {Bytes} Data => _data;");
        w.Line("/// <summary>Reads the attributes of a nest item (multi-attr and indexed-array enumerators).</summary>");
        w.Line($"public static bool TryDecode({AttributeType} attribute, out {n} value)");
        w.Line("{");
        w.Line("    value = new(attribute.Payload);");
        w.Line("    return true;");
        w.Line("}");
        w.Line("/// <summary>True if the attribute is present.</summary>");
        w.Line($"public readonly bool Has({set.IdEnum} id) => Position(id) != 0;");
        w.Line("/// <summary>The raw payload of the first such attribute, empty if absent.</summary>");
        w.Line($"public readonly {Bytes} GetRaw({set.IdEnum} id) => {Read}.Payload(_data, Position(id));");

        w.Line("/// <summary>Indexes the attributes into this (zeroed) reader: one pass over the attribute headers.</summary>");
        w.Open($"internal void Load({parameters})");
        w.Line("_data = attributes;");
        foreach (string selector in set.InheritedSelectors)
        {
            w.Line($"{EmitContext.SelectorField(selector)} = {EmitContext.SelectorParam(selector)};");
        }

        w.Line("int unknown = 0;");
        w.Line($"var scan = new {Scanner}(attributes);");
        w.Open("while (scan.MoveNext())");
        w.Open("switch (scan.Type)");
        foreach (AttrSpec a in indexed)
        {
            AttrSpec? multi = counted.FirstOrDefault(c => c.Value == a.Value);
            w.Line(multi is not null
                ? $"case {a.Value}: {Index}.Each(ref {ctx.Position(set, a)}, ref {EmitContext.Count(multi)}, scan.Offset + 1); break;"
                : $"case {a.Value}: {Index}.First(ref {ctx.Position(set, a)}, scan.Offset + 1); break;");
        }

        foreach (AttrSpec a in known)
        {
            w.Line($"case {a.Value}: break; // {a.Name} ({a.Type.Kind.ToString().ToLowerInvariant()})");
        }

        w.Line("default: unknown++; break;");
        w.Close();
        w.Close();
        w.Line("UnknownCount = unknown;");
        w.Line("IsMalformed = scan.IsMalformed;");
        w.Close();

        w.Open($"private readonly int Position({set.IdEnum} id) => id switch");
        foreach (AttrSpec a in indexed)
        {
            w.Line($"{set.IdEnum}.{a.Cs} => {ctx.Position(set, a)},");
        }

        w.Line("_ => 0,");
        w.Close(";");
        foreach (AttrSpec a in set.Attrs)
        {
            AttrCodec.For(a).EmitGetter(new CodecSite(w, ctx, set, a));
        }

        w.Close();
    }
}
