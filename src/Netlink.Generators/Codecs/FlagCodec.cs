using Netlink.Generators.Emitting;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Codecs;

/// <summary>flag: presence only.</summary>
internal sealed class FlagCodec : AttrCodec
{
    public static readonly FlagCodec Instance = new();

    public override void EmitWriter(CodecSite s)
    {
        s.Doc("Writes");
        s.W.Line($"public readonly void Write{s.Bare}() => {CodecSite.Writer}.WriteFlag({s.Id});");
    }

    /// <summary>Reader members a flag's property would clash with.</summary>
    private static readonly string[] ReaderMembers = { "Data", "IsMalformed", "UnknownCount", "Has", "GetRaw", "Load", "TryDecode", "Position" };

    /// <summary>The reader's property for a flag: its name, or Has + its name where that is a reader member.</summary>
    public static string Property(AttrSpec a) => System.Array.IndexOf(ReaderMembers, a.Cs.Bare) >= 0 ? "Has" + a.Cs.Bare : a.Cs.Escaped;

    public override void EmitGetter(CodecSite s)
    {
        s.Doc("True if the message holds");
        s.W.Line($"public readonly bool {Property(s.Attr)} => {s.Pos} != 0;");
    }

    public override string ItemEnumerator(EmitContext ctx, TypeSpec type) => $"{Codegen}.NlItemEnumerator<bool, {Codegen}.NlFlagItem>";

    public override void EmitDescribe(DescribeSite s, string label, string attribute, string depth) =>
        s.W.Line($"o.Flag({depth}, {label}, {attribute});");

    public override string? ClrType(EmitContext ctx, TypeSpec type) => "bool";

    public override bool IsPresence => true;

    public override bool IsValueType(EmitContext ctx, TypeSpec type) => true;

    public override void EmitTypedRead(CodecSite s, string property, string local) =>
        s.W.Line($"if (reader.{Property(s.Attr)}) {property} = true;");

    public override void EmitTypedWrite(CodecSite s, string value) => s.W.Line($"if ({value}) writer.Write{s.Bare}();");
}
