using Netlink.Generators.Emitting;
using Netlink.Generators.Model;

namespace Netlink.Generators.Codecs;

/// <summary>unused: a reserved id (usually 0): known to the reader, never exposed.</summary>
internal sealed class UnusedCodec : AttrCodec
{
    public static readonly UnusedCodec Instance = new();

    public override bool IsIndexed => false;

    public override void EmitWriter(CodecSite s)
    {
    }

    public override void EmitGetter(CodecSite s)
    {
    }

    public override void EmitDescribe(DescribeSite s, string label, string attribute, string depth) =>
        s.W.Line($"o.Line({depth}, {label}, \"unused\", {attribute}.Payload);");

    public override string? ClrType(EmitContext ctx, TypeSpec type) => null;

    public override void EmitTypedRead(CodecSite s, string property, string local)
    {
    }

    public override void EmitTypedWrite(CodecSite s, string value)
    {
    }
}
