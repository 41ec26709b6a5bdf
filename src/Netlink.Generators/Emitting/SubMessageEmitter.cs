using System.Collections.Generic;
using System.Globalization;
using Netlink.Generators.Codecs;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Emitting;

/// <summary>
/// Sub-messages: a zero-allocation dispatcher per sub-message (the format the selector chose, and
/// a getter per format), and the typed layer's abstract value class with one subclass per format.
/// </summary>
internal static class SubMessageEmitter
{
    public static string Emit(EmitContext ctx)
    {
        FamilySpec f = ctx.Family;
        SourceWriter w = SourceFile.Begin(f);
        SourceFile.OpenFamily(w, f, primary: false);
        foreach (SubMessageSpec sm in f.SubMessages)
        {
            EmitDispatcher(w, ctx, sm);
            w.Line();
            EmitValue(w, ctx, sm);
            w.Line();
        }

        w.Close();
        return w.ToString();
    }

    private static void EmitDispatcher(SourceWriter w, EmitContext ctx, SubMessageSpec sm)
    {
        string n = sm.Cs.Escaped;
        w.Line($"/// <summary>The '{CodecSite.Xml(sm.Name)}' sub-message: a payload whose format a selector attribute chooses.</summary>");
        w.Open($"public readonly ref struct {n}");
        w.Line("/// <summary>The formats of this sub-message.</summary>");
        w.Open("public enum Format");
        w.Line("/// <summary>The selector named no known format.</summary>");
        w.Line("Unknown = 0,");
        foreach (SubMessageFormatSpec fmt in sm.Formats)
        {
            w.Line($"/// <summary>Selector value '{CodecSite.Xml(fmt.Value)}'.</summary>");
            w.Line($"{fmt.Cs},");
        }

        w.Close();
        w.Line();
        w.Line("/// <summary>Wraps a payload whose format is known.</summary>");
        w.Open($"public {n}(Format kind, {Bytes} payload)");
        w.Line("Kind = kind;");
        w.Line("Payload = payload;");
        w.Close();
        w.Line();
        w.Line("/// <summary>The format the selector chose.</summary>");
        w.Line("public Format Kind { get; }");
        w.Line("/// <summary>The raw payload.</summary>");
        w.Line($"public {Bytes} Payload {{ get; }}");
        w.Line("/// <summary>The format a string selector (NUL-terminated or not) names.</summary>");
        w.Open($"public static Format SelectByName({Bytes} selector)");
        w.Line("int nul = global::System.MemoryExtensions.IndexOf(selector, (byte)0);");
        w.Line("selector = nul >= 0 ? selector.Slice(0, nul) : selector;");
        foreach (SubMessageFormatSpec fmt in sm.Formats)
        {
            w.Line($"if (global::System.MemoryExtensions.SequenceEqual(selector, {Naming.Literal(fmt.Value)}u8)) return Format.{fmt.Cs};");
        }

        w.Line("return Format.Unknown;");
        w.Close();
        w.Line("/// <summary>The format an integer selector names.</summary>");
        w.Open("public static Format SelectByValue(long selector) => selector switch");
        foreach ((SubMessageFormatSpec fmt, long value) in Numbered(sm))
        {
            w.Line($"{SourceFile.Number(value)}L => Format.{fmt.Cs},");
        }

        w.Line("_ => Format.Unknown,");
        w.Close(";");
        foreach (SubMessageFormatSpec fmt in sm.Formats)
        {
            string? header = fmt.FixedHeader is null ? null : ctx.Structs[fmt.FixedHeader].Cs.Escaped;
            string? reader = fmt.AttrSet is null ? null : ctx.Sets[fmt.AttrSet].Reader;
            w.Line($"/// <summary>The payload in its '{CodecSite.Xml(fmt.Value)}' format; false if the selector chose another.</summary>");
            if (header is null && reader is null)
            {
                w.Line($"public bool Is{fmt.Cs.Bare} => Kind == Format.{fmt.Cs};");
                continue;
            }

            var parameters = new List<string>();
            if (header is not null)
            {
                parameters.Add($"out {header} header");
            }

            if (reader is not null)
            {
                parameters.Add($"out {reader} attributes");
            }

            w.Open($"public bool TryGet{fmt.Cs.Bare}({string.Join(", ", parameters)})");
            w.Line($"bool ok = Kind == Format.{fmt.Cs};");
            string rest = "Payload";
            if (header is not null)
            {
                w.Line("header = default;");
                w.Line("ok = ok && global::System.Runtime.InteropServices.MemoryMarshal.TryRead(Payload, out header);");
                rest = $"Payload.Slice(global::System.Math.Min(Payload.Length, {Align}.Align({header}.Size)))";
            }

            if (reader is not null)
            {
                w.Line($"attributes = ok ? new {reader}({rest}) : default;");
            }

            w.Line("return ok;");
            w.Close();
        }

        w.Close();
    }

    private static IEnumerable<(SubMessageFormatSpec Format, long Value)> Numbered(SubMessageSpec sm)
    {
        var seen = new HashSet<long>();
        foreach (SubMessageFormatSpec fmt in sm.Formats)
        {
            if (long.TryParse(fmt.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && seen.Add(n))
            {
                yield return (fmt, n);
            }
        }
    }

    private static void EmitValue(SourceWriter w, EmitContext ctx, SubMessageSpec sm)
    {
        string n = sm.ValueClass;
        w.Line($"/// <summary>'{CodecSite.Xml(sm.Name)}' as .NET values: one subclass per format; writing one writes its selector when that is not set.</summary>");
        w.Open($"public abstract class {n}");
        w.Line($"private protected {n}()");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>The selector value that picks this format (empty for <see cref=\"Unknown\"/>).</summary>");
        w.Line("public abstract string Selector { get; }");
        w.Line("/// <summary>The selector as an integer, for formats named by numbers; null otherwise.</summary>");
        w.Line("public virtual long? SelectorNumber => null;");
        var numbers = new Dictionary<SubMessageFormatSpec, long>();
        foreach ((SubMessageFormatSpec fmt, long value) in Numbered(sm))
        {
            numbers[fmt] = value;
        }

        foreach (SubMessageFormatSpec fmt in sm.Formats)
        {
            w.Line();
            w.Line($"/// <summary>The '{CodecSite.Xml(fmt.Value)}' format.</summary>");
            w.Open($"public sealed class {fmt.Cs} : {n}");
            w.Line("/// <inheritdoc/>");
            w.Line($"public override string Selector => {Naming.Literal(fmt.Value)};");
            if (numbers.TryGetValue(fmt, out long number))
            {
                w.Line("/// <inheritdoc/>");
                w.Line($"public override long? SelectorNumber => {SourceFile.Number(number)};");
            }

            if (fmt.FixedHeader is not null)
            {
                w.Line($"/// <summary>The fixed header ('{CodecSite.Xml(fmt.FixedHeader)}').</summary>");
                w.Line($"public {ctx.Qualified(ctx.Structs[fmt.FixedHeader].Cs.Escaped)} Header {{ get; set; }}");
            }

            if (fmt.AttrSet is not null)
            {
                w.Line($"/// <summary>The attributes ('{CodecSite.Xml(fmt.AttrSet)}').</summary>");
                w.Line($"public {ctx.TypedClass(fmt.AttrSet)}? Attributes {{ get; set; }}");
            }

            w.Close();
        }

        w.Line();
        w.Line("/// <summary>A format the spec does not define, or a payload its format could not read: the raw bytes.</summary>");
        w.Open($"public sealed class Unknown : {n}");
        w.Line("/// <inheritdoc/>");
        w.Line("public override string Selector => string.Empty;");
        w.Line("/// <summary>The raw payload.</summary>");
        w.Line("public byte[] Payload { get; set; } = [];");
        w.Close();
        w.Line();
        w.Line("/// <summary>The payload <paramref name=\"message\"/> holds, as .NET values.</summary>");
        w.Open($"public static {n} FromMessage({sm.Cs} message) => message.Kind switch");
        int i = 0;
        foreach (SubMessageFormatSpec fmt in sm.Formats)
        {
            string h = "h" + i, a = "a" + i++;
            var outs = new List<string>();
            var inits = new List<string>();
            if (fmt.FixedHeader is not null)
            {
                outs.Add($"out {ctx.Qualified(ctx.Structs[fmt.FixedHeader].Cs.Escaped)} {h}");
                inits.Add($"Header = {h}");
            }

            if (fmt.AttrSet is not null)
            {
                outs.Add($"out {ctx.Sets[fmt.AttrSet].Reader} {a}");
                inits.Add($"Attributes = {ctx.TypedClass(fmt.AttrSet)}.FromReader({a})");
            }

            string value = $"new {fmt.Cs} {{ {string.Join(", ", inits)} }}";
            w.Line(outs.Count == 0
                ? $"{sm.Cs}.Format.{fmt.Cs} => {value},"
                : $"{sm.Cs}.Format.{fmt.Cs} => message.TryGet{fmt.Cs.Bare}({string.Join(", ", outs)}) ? {value} : new Unknown {{ Payload = message.Payload.ToArray() }},");
        }

        w.Line("_ => new Unknown { Payload = message.Payload.ToArray() },");
        w.Close(";");
        w.Close();
    }
}
