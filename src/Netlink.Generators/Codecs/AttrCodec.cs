using System;
using Netlink.Generators.Emitting;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;

namespace Netlink.Generators.Codecs;

/// <summary>
/// One codec per YNL attribute type (like ynl_gen_c's Type* classes): each emits every fragment
/// of its type wherever the type occurs: the writer method, the reader getter, the item
/// enumerator of multi-attr and indexed arrays, the describer line, the struct member, and the
/// typed layer's property, read and write. A new type is one class plus one branch in
/// <see cref="For(TypeSpec)"/>.
/// </summary>
internal abstract class AttrCodec
{
    /// <summary>The codec of a type.</summary>
    public static AttrCodec For(TypeSpec type) => type.Kind switch
    {
        AttrKind.Unused => UnusedCodec.Instance,
        AttrKind.Pad => PadCodec.Instance,
        AttrKind.Flag => FlagCodec.Instance,
        AttrKind.Scalar => ScalarCodec.Instance,
        AttrKind.String => StringCodec.Instance,
        AttrKind.Binary => BinaryCodec.Instance,
        AttrKind.Bitfield32 => Bitfield32Codec.Instance,
        AttrKind.Nest => NestCodec.Instance,
        AttrKind.IndexedArray => IndexedArrayCodec.Instance,
        AttrKind.NestTypeValue => NestTypeValueCodec.Instance,
        AttrKind.SubMessage => SubMessageCodec.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "an attribute kind without a codec"),
    };

    /// <summary>The codec of an attribute: its type's, wrapped for multi-attr.</summary>
    public static AttrCodec For(AttrSpec attr) => attr.MultiAttr ? new MultiAttrCodec(For(attr.Type)) : For(attr.Type);

    /// <summary>True if the reader records where the attribute is (false for pad and unused, which are skipped).</summary>
    public virtual bool IsIndexed => true;

    // ---------------------------------------------------------------- writer and reader

    /// <summary>The writer's method(s) for the attribute.</summary>
    public abstract void EmitWriter(CodecSite s);

    /// <summary>The reader's getter(s) for the attribute.</summary>
    public abstract void EmitGetter(CodecSite s);

    // ---------------------------------------------------------------- items of multi-attr and indexed arrays

    /// <summary>The enumerator type over items of this type.</summary>
    public virtual string ItemEnumerator(EmitContext ctx, TypeSpec type) => throw Unsupported("a multi-attr or indexed-array item");

    /// <summary>An expression creating that enumerator over an <c>NlAttributeFilter</c> expression.</summary>
    public virtual string NewItemEnumerator(EmitContext ctx, TypeSpec type, string filter) => $"new {ItemEnumerator(ctx, type)}({filter})";

    /// <summary>The writer of an indexed array of this type.</summary>
    public virtual string ArrayWriter(EmitContext ctx, TypeSpec type) => throw Unsupported("an indexed-array item");

    /// <summary>An expression opening that writer for attribute <paramref name="id"/> on message writer <paramref name="writer"/>.</summary>
    public virtual string NewArrayWriter(EmitContext ctx, TypeSpec type, string writer, string id, string attribute) => throw Unsupported("an indexed-array item");

    // ---------------------------------------------------------------- describer

    /// <summary>Statements describing NlAttribute <paramref name="attribute"/> (describer locals: writer <c>o</c>, the set's reader <c>r</c>).</summary>
    public abstract void EmitDescribe(DescribeSite s, string label, string attribute, string depth);

    // ---------------------------------------------------------------- struct members (scalar, binary, string, pad)

    /// <summary>A struct's field and property for the member.</summary>
    public virtual void EmitMember(SourceWriter w, EmitContext ctx, StructMemberSpec m) => throw Unsupported("a struct member");

    /// <summary>Describer statements for the member's bytes <paramref name="bytes"/>.</summary>
    public virtual void EmitMemberDescribe(SourceWriter w, EmitContext ctx, StructMemberSpec m, string label, string bytes, string depth) => throw Unsupported("a struct member");

    // ---------------------------------------------------------------- typed layer

    /// <summary>The .NET type of the typed property (before '?'), or null when the type has no value (pad, unused).</summary>
    public abstract string? ClrType(EmitContext ctx, TypeSpec type);

    /// <summary>True if the typed property is never null: absent reads as its default (a flag's false).</summary>
    public virtual bool IsPresence => false;

    /// <summary>True if <see cref="ClrType"/> is a value type (the property is <c>T?</c> of a struct).</summary>
    public virtual bool IsValueType(EmitContext ctx, TypeSpec type) => false;

    /// <summary>Statements reading the attribute from reader <c>reader</c> into property <paramref name="property"/>, using locals named after <paramref name="local"/>.</summary>
    public abstract void EmitTypedRead(CodecSite s, string property, string local);

    /// <summary>Statements writing value <paramref name="value"/> (not null) of the attribute with writer <c>writer</c>.</summary>
    public abstract void EmitTypedWrite(CodecSite s, string value);

    /// <summary>The .NET type of one item (multi-attr, indexed array).</summary>
    public virtual string ItemClrType(EmitContext ctx, TypeSpec type) => ClrType(ctx, type) ?? throw Unsupported("an item");

    /// <summary>Statements adding the converted enumerator item <paramref name="current"/> to list <paramref name="list"/> (wrapped by <paramref name="wrap"/>).</summary>
    public virtual void EmitTypedItemRead(SourceWriter w, EmitContext ctx, TypeSpec type, string current, string list, Func<string, string> wrap) =>
        w.Line($"{list}.Add({wrap(current)});");

    /// <summary>Statements writing one item <paramref name="value"/> with index <paramref name="index"/> to array writer <paramref name="array"/>.</summary>
    public virtual void EmitTypedArrayItemWrite(SourceWriter w, EmitContext ctx, AttrSpec attr, TypeSpec type, string array, string index, string value) =>
        throw Unsupported("an indexed-array item");

    private Exception Unsupported(string what) => new InvalidOperationException($"{GetType().Name} does not emit {what} (the resolver rejects such specs)");
}

/// <summary>Where a codec emits one attribute: the writer, the model and the attribute.</summary>
internal sealed class CodecSite
{
    public CodecSite(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec attr)
    {
        W = w;
        Ctx = ctx;
        Set = set;
        Attr = attr;
    }

    public SourceWriter W { get; }

    public EmitContext Ctx { get; }

    public AttrSetSpec Set { get; }

    public AttrSpec Attr { get; }

    public TypeSpec Type => Attr.Type;

    /// <summary>The attribute's C# stem (<c>Mtu</c>), as in WriteMtu / TryGetMtu.</summary>
    public string Bare => Attr.Cs.Bare;

    /// <summary><c>(ushort)LinkAttrsAttr.Mtu</c>.</summary>
    public string Id => EmitContext.Id(Set, Attr);

    /// <summary>The reader's position field.</summary>
    public string Pos => Ctx.Position(Set, Attr);

    /// <summary>The spec name as a literal, for error messages.</summary>
    public string NameLiteral => Naming.Literal(Attr.Name);

    /// <summary>The message writer inside a generated attribute writer.</summary>
    public static string Writer => "_scope.Writer";

    /// <summary>Writes the attribute's doc, or a one-line summary referring to its id.</summary>
    public void Doc(string what) => W.Line($"/// <summary>{what} <see cref=\"{Set.IdEnum}.{Attr.Cs}\"/> ('{Xml(Attr.Name)}').</summary>");

    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}

/// <summary>Where a codec emits a describer line: the writer, the model and the set being described.</summary>
internal sealed class DescribeSite
{
    public DescribeSite(SourceWriter w, EmitContext ctx, AttrSetSpec set, TypeSpec type, AttrSpec attr)
    {
        W = w;
        Ctx = ctx;
        Set = set;
        Type = type;
        Attr = attr;
    }

    public SourceWriter W { get; }

    public EmitContext Ctx { get; }

    public AttrSetSpec Set { get; }

    public TypeSpec Type { get; }

    public AttrSpec Attr { get; }
}
