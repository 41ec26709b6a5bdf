using Netlink.Generators.Emitting;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Codecs;

/// <summary>bitfield32: struct nla_bitfield32 { u32 value; u32 selector; }.</summary>
internal sealed class Bitfield32Codec : AttrCodec
{
    public static readonly Bitfield32Codec Instance = new();

    public override void EmitWriter(CodecSite s)
    {
        s.Doc("Writes the bits in <paramref name=\"value\"/> that <paramref name=\"selector\"/> selects, as");
        s.W.Line($"public readonly void Write{s.Bare}(uint value, uint selector) => {CodecSite.Writer}.WriteAttribute({s.Id}, new {Bitfield32}(value, selector));");
    }

    public override void EmitGetter(CodecSite s)
    {
        s.Doc("Reads");
        s.W.Line($"public readonly bool TryGet{s.Bare}(out {Bitfield32} value) => {Read}.Bitfield32(_data, {s.Pos}, out value);");
    }

    public override string ItemEnumerator(EmitContext ctx, TypeSpec type) => $"{Codegen}.NlItemEnumerator<{Bitfield32}, {Codegen}.NlBitfield32Item>";

    public override void EmitDescribe(DescribeSite s, string label, string attribute, string depth) =>
        s.W.Line($"o.Bitfield32({depth}, {label}, {attribute});");

    public override string? ClrType(EmitContext ctx, TypeSpec type) => Bitfield32;

    public override bool IsValueType(EmitContext ctx, TypeSpec type) => true;

    public override void EmitTypedRead(CodecSite s, string property, string local) =>
        s.W.Line($"if (reader.TryGet{s.Bare}(out {Bitfield32} {local})) {property} = {local};");

    public override void EmitTypedWrite(CodecSite s, string value) => s.W.Line($"writer.Write{s.Bare}({value}.Value, {value}.Selector);");
}
