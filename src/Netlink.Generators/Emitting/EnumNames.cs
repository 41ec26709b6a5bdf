using System.Linq;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;

namespace Netlink.Generators.Emitting;

/// <summary>
/// The <c>{Family}Names</c> class: <c>ToName()</c> for every enum and flag set without reflection
/// (AOT-safe), and the name lookups the describer uses. Flag sets render as <c>a|b|0x..</c>.
/// </summary>
internal static class EnumNames
{
    public static string NameMethod(EmitContext ctx, EnumSpec e) => $"{ctx.Names}.Name{e.Cs.Bare}";

    public static string BitNameMethod(EmitContext ctx, EnumSpec e) => $"{ctx.Names}.BitName{e.Cs.Bare}";

    public static void Emit(SourceWriter w, EmitContext ctx)
    {
        FamilySpec f = ctx.Family;
        if (f.Enums.Count == 0)
        {
            return;
        }

        w.Line();
        w.Line($"/// <summary>Spec names of the '{f.Name}' enums and flag sets, without reflection (AOT-safe).</summary>");
        w.Open($"public static class {ctx.Names}");
        foreach (EnumSpec e in f.Enums)
        {
            string type = $"{f.Cs}.{e.Cs}";
            if (e.IsFlags)
            {
                w.Line("/// <summary>The spec names of the bits set, joined by '|', bits no entry names as one hex rest (<c>a|b|0x40</c>); null for none.</summary>");
                w.Line($"public static string? ToName(this {type} value) => {Codecs.Globals.FlagText}.Join(unchecked((ulong)value), BitName{e.Cs.Bare});");
            }
            else
            {
                w.Line("/// <summary>The spec name of <paramref name=\"value\"/>, or null if it is not a defined entry.</summary>");
                w.Line($"public static string? ToName(this {type} value) => Name{e.Cs.Bare}(unchecked((long)value));");
                w.Open($"internal static string? Name{e.Cs.Bare}(long value) => value switch");
                foreach (EnumEntrySpec entry in e.Entries.Where(x => !x.IsMax).GroupBy(x => x.Value).Select(g => g.First()))
                {
                    w.Line($"{SourceFile.Number(entry.Value)}L => {Naming.Literal(entry.Name)},");
                }

                w.Line("_ => null,");
                w.Close(";");
            }

            if (e.IsFlags || ctx.EnumsAsFlags.Contains(e.Name))
            {
                w.Open($"internal static string? BitName{e.Cs.Bare}(ulong bit) => bit switch");
                var bits = e.IsFlags
                    ? e.Entries.Where(x => !x.IsMax && x.Value != 0).Select(x => (Mask: unchecked((ulong)x.Value), x.Name))
                    : e.Entries.Where(x => !x.IsMax && x.Value is >= 0 and < 64).Select(x => (Mask: 1UL << (int)x.Value, x.Name));
                foreach (var bit in bits.GroupBy(b => b.Mask).Select(g => g.First()))
                {
                    w.Line($"{bit.Mask.ToString(System.Globalization.CultureInfo.InvariantCulture)}UL => {Naming.Literal(bit.Name)},");
                }

                w.Line("_ => null,");
                w.Close(";");
            }
        }

        w.Close();
    }
}
