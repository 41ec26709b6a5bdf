using Netlink.Generators.Emitting;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Codecs;

/// <summary>
/// indexed-array: a nest whose attribute types are indices; its items are encoded by the item
/// type's codec. The typed layer keeps each item's index.
/// </summary>
internal sealed class IndexedArrayCodec : AttrCodec
{
    public static readonly IndexedArrayCodec Instance = new();

    private static AttrCodec Item(TypeSpec t) => For(t.Item!);

    public override void EmitWriter(CodecSite s)
    {
        TypeSpec item = s.Type.Item!;
        s.Doc("Starts the items (indices count from 0 unless given; End the returned writer) of");
        s.W.Line($"public readonly {Item(s.Type).ArrayWriter(s.Ctx, item)} Begin{s.Bare}() => {Item(s.Type).NewArrayWriter(s.Ctx, item, CodecSite.Writer, s.Id, s.NameLiteral)};");
    }

    public override void EmitGetter(CodecSite s)
    {
        TypeSpec item = s.Type.Item!;
        s.Doc("Enumerates the items (Index is each item's index) of");
        s.W.Line($"public readonly {Item(s.Type).ItemEnumerator(s.Ctx, item)} Get{s.Bare}() => {Item(s.Type).NewItemEnumerator(s.Ctx, item, $"{Filter}.NestedIn(_data, {s.Pos})")};");
    }

    public override void EmitDescribe(DescribeSite s, string label, string attribute, string depth)
    {
        s.W.Line($"o.Open({depth}, {label}, \"indexed-array\");");
        s.W.Open($"foreach ({Globals.AttributeType} item in {attribute}.GetNested())");
        Item(s.Type).EmitDescribe(new DescribeSite(s.W, s.Ctx, s.Set, s.Type.Item!, s.Attr), $"{Describe}.IndexLabel(item)", "item", depth + " + 1");
        s.W.Close();
    }

    public override string? ClrType(EmitContext ctx, TypeSpec type) => $"{ReadOnlyList}<{Indexed}<{Item(type).ItemClrType(ctx, type.Item!)}>>";

    public override void EmitTypedRead(CodecSite s, string property, string local)
    {
        string item = $"{Indexed}<{Item(s.Type).ItemClrType(s.Ctx, s.Type.Item!)}>";
        s.W.Open($"if (reader.Has({s.Set.IdEnum}.{s.Attr.Cs}))");
        s.W.Line($"var {local} = new {List}<{item}>();");
        s.W.Line($"var items = reader.Get{s.Bare}();");
        s.W.Open("while (items.MoveNext())");
        Item(s.Type).EmitTypedItemRead(s.W, s.Ctx, s.Type.Item!, "items.Current", local, x => $"new {item}(items.Index, {x})");
        s.W.Close();
        s.W.Line($"{property} = {local};");
        s.W.Close();
    }

    public override void EmitTypedWrite(CodecSite s, string value)
    {
        s.W.Open(string.Empty);
        s.W.Line($"var array = writer.Begin{s.Bare}();");
        s.W.Open($"foreach (var item in {value})");
        Item(s.Type).EmitTypedArrayItemWrite(s.W, s.Ctx, s.Attr, s.Type.Item!, "array", "item.Index", "item.Value");
        s.W.Close();
        s.W.Line("array.End();");
        s.W.Close();
    }
}
