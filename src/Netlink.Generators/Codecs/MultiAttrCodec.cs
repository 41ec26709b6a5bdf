using Netlink.Generators.Emitting;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Codecs;

/// <summary>
/// multi-attr: any item type that may occur more than once (like ynl_gen_c's TypeMultiAttr, it wraps
/// the item's codec). Writing is the item's writer, called once per occurrence; reading is an
/// enumerator over every occurrence plus a count; the typed layer is an IReadOnlyList.
/// </summary>
internal sealed class MultiAttrCodec : AttrCodec
{
    private readonly AttrCodec _item;

    public MultiAttrCodec(AttrCodec item) => _item = item;

    public override void EmitWriter(CodecSite s) => _item.EmitWriter(s);

    public override void EmitGetter(CodecSite s)
    {
        s.Doc("Enumerates every occurrence of");
        s.W.Line($"public readonly {_item.ItemEnumerator(s.Ctx, s.Type)} Get{s.Bare}() => {_item.NewItemEnumerator(s.Ctx, s.Type, $"{Filter}.OfType(_data, {s.Pos}, {s.Id})")};");
        s.Doc("How many times the message holds");
        s.W.Line($"public readonly int {s.Bare}Count => {EmitContext.Count(s.Attr)};");
    }

    public override void EmitDescribe(DescribeSite s, string label, string attribute, string depth) => _item.EmitDescribe(s, label, attribute, depth);

    public override string? ClrType(EmitContext ctx, TypeSpec type) => $"{ReadOnlyList}<{_item.ItemClrType(ctx, type)}>";

    public override void EmitTypedRead(CodecSite s, string property, string local)
    {
        string item = _item.ItemClrType(s.Ctx, s.Type);
        s.W.Open($"if (reader.{s.Bare}Count > 0)");
        s.W.Line($"var {local} = new {List}<{item}>(reader.{s.Bare}Count);");
        s.W.Open($"foreach (var item in reader.Get{s.Bare}())");
        _item.EmitTypedItemRead(s.W, s.Ctx, s.Type, "item", local, x => x);
        s.W.Close();
        s.W.Line($"{property} = {local};");
        s.W.Close();
    }

    public override void EmitTypedWrite(CodecSite s, string value)
    {
        s.W.Open($"foreach (var item in {value})");
        _item.EmitTypedWrite(s, "item");
        s.W.Close();
    }
}
