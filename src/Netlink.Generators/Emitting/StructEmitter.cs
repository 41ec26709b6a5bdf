using System.Linq;
using Netlink.Generators.Codecs;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;

namespace Netlink.Generators.Emitting;

/// <summary>Fixed headers and binary payload structs as blittable structs (members through their codecs), plus the inline byte arrays they use.</summary>
internal static class StructEmitter
{
    public static string Emit(EmitContext ctx)
    {
        FamilySpec f = ctx.Family;
        SourceWriter w = SourceFile.Begin(f);
        SourceFile.OpenFamily(w, f, primary: false);
        var lengths = f.Structs.SelectMany(s => s.Members)
            .Where(m => m.Type.Kind is AttrKind.Pad or AttrKind.String || (m.Type.Kind == AttrKind.Binary && m.Type.Struct is null))
            .Select(m => m.Length).Where(l => l > 0).Distinct().OrderBy(l => l);
        foreach (int length in lengths)
        {
            w.Line($"/// <summary>{length} inline bytes (a struct member's storage).</summary>");
            w.Line($"[global::System.Runtime.CompilerServices.InlineArray({length})]");
            w.Open($"public struct NlBytes{length}");
            w.Line("private byte _element0;");
            w.Close();
            w.Line();
        }

        foreach (StructSpec s in f.Structs)
        {
            w.Doc(s.Doc ?? $"The '{s.Name}' struct ({s.Size} bytes).");
            w.Line("[global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 1)]");
            w.Open($"public struct {s.Cs}");
            w.Line("/// <summary>Size on the wire in bytes.</summary>");
            w.Line($"public const int Size = {s.Size};");
            foreach (StructMemberSpec m in s.Members)
            {
                AttrCodec.For(m.Type).EmitMember(w, ctx, m);
            }

            w.Close();
            w.Line();
        }

        w.Close();
        return w.ToString();
    }
}
