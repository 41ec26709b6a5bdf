using Netlink.Generators.Helpers;
using Netlink.Generators.Model;

namespace Netlink.Generators.Codecs;

/// <summary>
/// One codec per <see cref="AttrKind"/>: each writes its writer methods, reader getters and
/// describer lines. Inside generated writers the message writer is <c>_w</c>; inside readers the
/// attribute bytes are <c>_data</c>; in describers the attribute is <c>a</c>, the set's reader
/// <c>r</c>, the output <c>o</c> and the depth <c>depth</c>.
/// </summary>
internal abstract class AttrCodec
{
    public static AttrCodec For(AttrSpec attr) => attr.Kind switch
    {
        AttrKind.Scalar => ScalarCodec.Instance,
        AttrKind.String => StringCodec.Instance,
        AttrKind.Binary => BinaryCodec.Instance,
        AttrKind.Flag => FlagCodec.Instance,
        AttrKind.Bitfield32 => Bitfield32Codec.Instance,
        AttrKind.Nest => NestCodec.Instance,
        AttrKind.IndexedArray => IndexedArrayCodec.Instance,
        AttrKind.NestTypeValue when attr.NestedSet is not null => NestTypeValueCodec.Instance,
        AttrKind.NestTypeValue => BinaryCodec.Instance,
        AttrKind.SubMessage => SubMessageCodec.Instance,
        _ => PadCodec.Instance,
    };

    /// <summary>True if the reader records where this attribute is.</summary>
    public virtual bool IsIndexed => true;

    public abstract void EmitWriter(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a);

    /// <summary>Getters for a single-occurrence attribute.</summary>
    public abstract void EmitReader(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a);

    /// <summary>Statements rendering attribute <c>a</c> in the describer.</summary>
    public abstract void EmitDescribe(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a);

    /// <summary>Multi-attr: an enumerator over every occurrence (shared by all kinds).</summary>
    public void EmitMultiReader(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        string name = a.CsName.TrimStart('@') + "Enumerator";
        string itemType = Items.TypeOf(ctx, a.Type, a);
        w.Doc(a.Doc);
        w.Line($"public readonly {name} Get{a.CsName.TrimStart('@')}() => new(new NlAttrFilter(_data, {Field(a)}, {a.Value}));");
        w.Line($"/// <summary>How many '{a.Name}' attributes the message holds.</summary>");
        w.Line($"public readonly int {a.CsName.TrimStart('@')}Count => {CountField(a)};");
        Items.EmitEnumerator(w, name, itemType, ctx, a.Type, a);
    }

    public static string Id(AttrSetSpec set, AttrSpec a) => $"(ushort){set.IdEnumName}.{a.CsName}";

    public static string Field(AttrSpec a) => "_a" + a.Value;

    public static string CountField(AttrSpec a) => "_n" + a.Value;

    public static string Bare(AttrSpec a) => a.CsName.TrimStart('@');

    /// <summary>The attribute as an NlAttribute inside a reader.</summary>
    public static string At(AttrSpec a) => $"NlAttrAt(_data, {Field(a)})";

    public static string Label(AttrSpec a) => Naming.Literal($"{a.Name}({a.Value})");
}
