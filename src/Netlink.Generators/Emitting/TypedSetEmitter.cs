using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Netlink.Generators.Codecs;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;

namespace Netlink.Generators.Emitting;

/// <summary>
/// The typed layer of one attribute set: a class with one property per attribute, in .NET types
/// (null when absent), read from the set's reader and written with its writer, so the typed API
/// sits on the zero-allocation one. Requests, replies and notifications derive from it.
/// </summary>
internal static class TypedSetEmitter
{
    public static void Emit(SourceWriter w, EmitContext ctx, AttrSetSpec set)
    {
        string n = set.Cs.Escaped;
        List<(AttrSpec Attr, AttrCodec Codec, string Type)> props = Properties(ctx, set).ToList();
        w.Line($"/// <summary>'{CodecSite.Xml(set.Name)}' as .NET values: one property per attribute, null when absent.</summary>");
        w.Open($"public partial class {n}");
        foreach ((AttrSpec a, AttrCodec codec, string type) in props)
        {
            w.Line($"/// <inheritdoc cref=\"{set.IdEnum}.{a.Cs}\"/>");
            w.Line($"public {type} {a.Cs} {{ get; set; }}");
        }

        w.Line();
        w.Line("/// <summary>The attributes <paramref name=\"reader\"/> holds, as .NET values.</summary>");
        w.Open($"public static {n} FromReader(in {set.Reader} reader)");
        w.Line($"var value = new {n}();");
        w.Line("value.ReadFrom(in reader);");
        w.Line("return value;");
        w.Close();
        w.Line();
        w.Line("/// <summary>Sets each property whose attribute <paramref name=\"reader\"/> holds.</summary>");
        w.Open($"private protected void ReadFrom(in {set.Reader} reader)");
        int local = 0;
        foreach ((AttrSpec a, AttrCodec codec, _) in props)
        {
            codec.EmitTypedRead(new CodecSite(w, ctx, set, a), a.Cs.Escaped, "v" + (local++).ToString(CultureInfo.InvariantCulture));
        }

        w.Close();
        w.Line();
        w.Line("/// <summary>Writes every property that is set; a sub-message's selector is written from the sub-message when not set itself.</summary>");
        w.Open($"public void WriteTo({set.Writer} writer)");
        local = 0;
        foreach ((AttrSpec a, AttrCodec codec, _) in props)
        {
            string v = "v" + (local++).ToString(CultureInfo.InvariantCulture);
            var body = new SourceWriter();
            codec.EmitTypedWrite(new CodecSite(body, ctx, set, a), codec.IsPresence ? a.Cs.Escaped : v);
            string[] lines = body.Lines();
            string condition = codec.IsPresence ? string.Empty : $"if ({ValueOf(ctx, set, a)} is {{ }} {v})";
            if (condition.Length == 0)
            {
                foreach (string line in lines)
                {
                    w.Line(line);
                }
            }
            else if (lines.Length == 1)
            {
                w.Line(condition + " " + lines[0]);
            }
            else
            {
                w.Open(condition);
                foreach (string line in lines)
                {
                    w.Line(line);
                }

                w.Close();
            }
        }

        w.Close();
        w.Close();
    }

    /// <summary>The attributes with a typed property, their codecs and property types.</summary>
    public static IEnumerable<(AttrSpec Attr, AttrCodec Codec, string Type)> Properties(EmitContext ctx, AttrSetSpec set)
    {
        foreach (AttrSpec a in set.Attrs)
        {
            AttrCodec codec = AttrCodec.For(a);
            if (codec.ClrType(ctx, a.Type) is { } type)
            {
                yield return (a, codec, codec.IsPresence ? type : type + "?");
            }
        }
    }

    /// <summary>
    /// The value written for a property: itself, or for the local selector of sub-messages, itself
    /// or what the sub-message's format implies (checked to agree when both are given).
    /// </summary>
    private static string ValueOf(EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        var implied = new List<string>();
        foreach (AttrSpec sm in set.Attrs.Where(x => x.Type.Selector is { IsLocal: true } s && s.Name == a.Name))
        {
            if (sm.Type.Selector!.IsString && a.Type.Kind == AttrKind.String)
            {
                implied.Add($"{sm.Cs}?.Selector");
            }
            else if (a.Type.Kind == AttrKind.Scalar && !sm.Type.Selector.IsString)
            {
                implied.Add($"({ScalarCodec.RawType(ctx, a.Type)}?){sm.Cs}?.SelectorNumber");
            }
        }

        if (implied.Count == 0)
        {
            return a.Cs.Escaped;
        }

        return a.Type.Kind == AttrKind.String
            ? $"{Globals.Values}.Selector({a.Cs}, {string.Join(" ?? ", implied)}, {Naming.Literal(a.Name)})"
            : $"({a.Cs} ?? {string.Join(" ?? ", implied)})";
    }
}
