using Netlink.Generators.Emitting;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;

namespace Netlink.Generators.Codecs;

/// <summary>pad: alignment padding; known to the reader (not counted as unknown) but not exposed; a struct member of len bytes.</summary>
internal sealed class PadCodec : AttrCodec
{
    public static readonly PadCodec Instance = new();

    public override bool IsIndexed => false;

    public override void EmitWriter(CodecSite s)
    {
    }

    public override void EmitGetter(CodecSite s)
    {
    }

    public override void EmitDescribe(DescribeSite s, string label, string attribute, string depth) =>
        s.W.Line($"o.Line({depth}, {label}, \"pad\", {attribute}.Payload);");

    public override void EmitMember(SourceWriter w, EmitContext ctx, StructMemberSpec m)
    {
        if (m.Length > 0)
        {
            w.Line($"private NlBytes{m.Length} _{m.Cs.Bare};");
        }
    }

    public override void EmitMemberDescribe(SourceWriter w, EmitContext ctx, StructMemberSpec m, string label, string bytes, string depth)
    {
    }

    public override string? ClrType(EmitContext ctx, TypeSpec type) => null;

    public override void EmitTypedRead(CodecSite s, string property, string local)
    {
    }

    public override void EmitTypedWrite(CodecSite s, string value)
    {
    }
}
