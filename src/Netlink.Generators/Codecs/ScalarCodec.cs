using System;
using Netlink.Generators.Emitting;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Codecs;

/// <summary>
/// u8..u64, s8..s64, uint, sint: host or network byte order, typed as the enum or flags set the
/// spec names; a big-endian u32 with <c>display-hint: ipv4</c> also reads and writes as an IPAddress.
/// </summary>
internal sealed class ScalarCodec : AttrCodec
{
    public static readonly ScalarCodec Instance = new();

    /// <summary>The integer or enum type of the low-level API.</summary>
    public static string RawType(EmitContext ctx, TypeSpec t) => ctx.TypedEnum(t)?.Cs.Escaped ?? Scalars.CsType(t.Scalar);

    private static bool IsIPv4(TypeSpec t) => t.Hint == DisplayHint.Ipv4 && t.Scalar == ScalarType.U32 && t.BigEndian;

    public override void EmitWriter(CodecSite s)
    {
        TypeSpec t = s.Type;
        string raw = Scalars.CsType(t.Scalar);
        EnumSpec? e = s.Ctx.TypedEnum(t);
        s.Doc("Writes");
        s.W.Line(e is null
            ? $"public readonly void Write{s.Bare}({raw} value) => {CodecSite.Writer}.{Scalars.WriterMethod(t.Scalar, t.BigEndian)}({s.Id}, value);"
            : $"public readonly void Write{s.Bare}({e.Cs} value) => {CodecSite.Writer}.{Scalars.WriterMethod(t.Scalar, t.BigEndian)}({s.Id}, unchecked(({raw})value));");
        if (IsIPv4(t))
        {
            s.W.Line($"/// <summary>Writes '{CodecSite.Xml(s.Attr.Name)}' from an IPv4 address; another family throws ArgumentException.</summary>");
            s.W.Line($"public readonly void Write{s.Bare}({IPAddress} address) => {CodecSite.Writer}.WriteIPv4Address({s.Id}, address, {s.NameLiteral});");
        }
    }

    public override void EmitGetter(CodecSite s)
    {
        TypeSpec t = s.Type;
        s.Doc("Reads");
        s.W.Line($"public readonly bool TryGet{s.Bare}(out {RawType(s.Ctx, t)} value) => {Read}.Scalar(_data, {s.Pos}, {Scalars.Wire(t.Scalar, t.BigEndian)}, out value);");
        if (IsIPv4(t))
        {
            s.W.Line($"/// <summary>'{CodecSite.Xml(s.Attr.Name)}' as an IPv4 address (allocates).</summary>");
            s.W.Line($"public readonly bool TryGet{s.Bare}Address({NotNullWhenTrue}out {IPAddress}? value) => {Read}.Address(_data, {s.Pos}, out value);");
        }
    }

    public override string ItemEnumerator(EmitContext ctx, TypeSpec type) => $"{Codegen}.NlScalarEnumerator<{RawType(ctx, type)}>";

    public override string NewItemEnumerator(EmitContext ctx, TypeSpec type, string filter) =>
        $"new {ItemEnumerator(ctx, type)}({filter}, {Scalars.Wire(type.Scalar, type.BigEndian)})";

    public override string ArrayWriter(EmitContext ctx, TypeSpec type) => $"{Codegen}.NlScalarArrayWriter<{RawType(ctx, type)}>";

    public override string NewArrayWriter(EmitContext ctx, TypeSpec type, string writer, string id, string attribute) =>
        $"new {ArrayWriter(ctx, type)}({writer}, {id}, {ctx.NestFlag}, {Scalars.Wire(type.Scalar, type.BigEndian)})";

    public override void EmitDescribe(DescribeSite s, string label, string attribute, string depth) =>
        s.W.Line($"o.{DescribeCall(s.Ctx, s.Type)}({depth}, {label}, {attribute}, {Scalars.Wire(s.Type.Scalar, s.Type.BigEndian)}{DescribeArgument(s.Ctx, s.Type)});");

    /// <summary>The DescribeWriter call for a scalar: Enum, Flags or Scalar.</summary>
    private static string DescribeCall(EmitContext ctx, TypeSpec t) =>
        t.Enum is not null && ctx.Enums.TryGetValue(t.Enum, out EnumSpec? e) ? (e.IsFlags || t.EnumAsFlags ? "Flags" : "Enum") : "Scalar";

    private static string DescribeArgument(EmitContext ctx, TypeSpec t)
    {
        if (t.Enum is not null && ctx.Enums.TryGetValue(t.Enum, out EnumSpec? e))
        {
            return ", " + (e.IsFlags || t.EnumAsFlags ? EnumNames.BitNameMethod(ctx, e) : EnumNames.NameMethod(ctx, e));
        }

        return IsIPv4(t) ? $", {Hint}.Address" : t.Hint == DisplayHint.Hex ? $", {Hint}.Hex" : string.Empty;
    }

    public override void EmitMember(SourceWriter w, EmitContext ctx, StructMemberSpec m)
    {
        string type = Scalars.CsType(m.Type.Scalar);
        string field = "_" + m.Cs.Bare;
        w.Line($"private {type} {field};");
        w.Line($"/// <summary>'{CodecSite.Xml(m.Name)}' ({m.Type.Scalar.ToString().ToLowerInvariant()}{(m.Type.BigEndian && Scalars.HasByteOrder(m.Type.Scalar) ? ", big-endian on the wire" : string.Empty)}).</summary>");
        w.Line(m.Type.BigEndian && Scalars.HasByteOrder(m.Type.Scalar)
            ? $"public {type} {m.Cs} {{ readonly get => global::System.BitConverter.IsLittleEndian ? global::System.Buffers.Binary.BinaryPrimitives.ReverseEndianness({field}) : {field}; set => {field} = global::System.BitConverter.IsLittleEndian ? global::System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value) : value; }}"
            : $"public {type} {m.Cs} {{ readonly get => {field}; set => {field} = value; }}");
    }

    public override void EmitMemberDescribe(SourceWriter w, EmitContext ctx, StructMemberSpec m, string label, string bytes, string depth)
    {
        string wire = Scalars.Wire(m.Type.Scalar, m.Type.BigEndian);
        string text = DescribeCall(ctx, m.Type) switch
        {
            "Enum" => $"{Describe}.EnumText({bytes}, {wire}{DescribeArgument(ctx, m.Type)})",
            "Flags" => $"{Describe}.FlagsText({bytes}, {wire}{DescribeArgument(ctx, m.Type)})",
            _ => $"{Describe}.ScalarText({bytes}, {wire}{DescribeArgument(ctx, m.Type)})",
        };
        w.Line($"o.Line({depth}, {label}, {text}, {bytes});");
    }

    public override string? ClrType(EmitContext ctx, TypeSpec type) => IsIPv4(type) ? IPAddress : RawType(ctx, type);

    public override bool IsValueType(EmitContext ctx, TypeSpec type) => !IsIPv4(type);

    public override void EmitTypedRead(CodecSite s, string property, string local) =>
        s.W.Line(IsIPv4(s.Type)
            ? $"if (reader.TryGet{s.Bare}Address(out {IPAddress}? {local})) {property} = {local};"
            : $"if (reader.TryGet{s.Bare}(out {RawType(s.Ctx, s.Type)} {local})) {property} = {local};");

    public override void EmitTypedWrite(CodecSite s, string value) => s.W.Line($"writer.Write{s.Bare}({value});");

    public override void EmitTypedItemRead(SourceWriter w, EmitContext ctx, TypeSpec type, string current, string list, Func<string, string> wrap) =>
        w.Line($"{list}.Add({wrap(IsIPv4(type) ? $"{Values}.FromIPv4Value({current})" : current)});");

    public override void EmitTypedArrayItemWrite(SourceWriter w, EmitContext ctx, AttrSpec attr, TypeSpec type, string array, string index, string value) =>
        w.Line($"{array}.Add({index}, {(IsIPv4(type) ? $"{Values}.ToIPv4Value({value}, {Naming.Literal(attr.Name)})" : value)});");
}
