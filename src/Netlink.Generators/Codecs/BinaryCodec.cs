using System;
using Netlink.Generators.Emitting;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Codecs;

/// <summary>
/// binary: raw bytes, a struct, a C array of integers (<c>sub-type: u32</c>), or by display hint an
/// IP address, a hardware address or a UUID. Writers of typed fixed-size values check family and
/// length (an ArgumentException naming the attribute, before anything is appended).
/// </summary>
internal sealed class BinaryCodec : AttrCodec
{
    public static readonly BinaryCodec Instance = new();

    private static bool IsAddress(TypeSpec t) => t.Hint is DisplayHint.Ipv4 or DisplayHint.Ipv6 or DisplayHint.Ipv4OrV6;

    private static bool IsMac(TypeSpec t) => t.Hint is DisplayHint.Mac or DisplayHint.Fddi;

    private static bool IsArray(TypeSpec t) => t.ArrayOf != ScalarType.None;

    /// <summary>The checked NetlinkMessageWriter call for an address hint.</summary>
    private static string AddressWriter(TypeSpec t) => t.Hint switch
    {
        DisplayHint.Ipv4 => "WriteIPv4Address",
        DisplayHint.Ipv6 => "WriteIPv6Address",
        _ => "WriteIPAddress",
    };

    /// <summary>The length an address of this hint has (0: 4 or 16).</summary>
    private static int AddressLength(TypeSpec t) => t.Hint switch
    {
        DisplayHint.Ipv4 => 4,
        DisplayHint.Ipv6 => 16,
        _ => Math.Max(0, t.ExactLength),
    };

    public override void EmitWriter(CodecSite s)
    {
        TypeSpec t = s.Type;
        s.Doc(t.ExactLength > 0 ? $"Writes ({t.ExactLength} bytes exactly; another length throws ArgumentException)" : "Writes");
        if (t.ExactLength > 0)
        {
            s.W.Line($"public readonly void Write{s.Bare}({Bytes} value) => {CodecSite.Writer}.WriteFixedLengthBinary({s.Id}, value, {t.ExactLength}, {s.NameLiteral});");
        }
        else if (t.MinLength > 0 || t.MaxLength >= 0)
        {
            s.W.Line($"public readonly void Write{s.Bare}({Bytes} value) => {CodecSite.Writer}.WriteBoundedBinary({s.Id}, value, {Math.Max(0, t.MinLength)}, {(t.MaxLength >= 0 ? t.MaxLength : 65531)}, {s.NameLiteral});");
        }
        else
        {
            s.W.Line($"public readonly void Write{s.Bare}({Bytes} value) => {CodecSite.Writer}.WriteAttribute({s.Id}, value);");
        }

        string name = CodecSite.Xml(s.Attr.Name);
        if (t.Struct is not null)
        {
            string st = s.Ctx.Structs[t.Struct].Cs.Escaped;
            s.W.Line($"/// <summary>Writes '{name}' from a {t.Struct} struct.</summary>");
            s.W.Line($"public readonly void Write{s.Bare}(in {st} value) => {CodecSite.Writer}.WriteAttribute({s.Id}, in value);");
        }
        else if (IsArray(t) && t.ArrayOf is not (ScalarType.U8))
        {
            // For u8 the byte-span writer above is already the array writer.
            s.W.Line($"/// <summary>Writes '{name}' as a C array of {t.ArrayOf.ToString().ToLowerInvariant()}.</summary>");
            s.W.Line($"public readonly void Write{s.Bare}(global::System.ReadOnlySpan<{Scalars.CsType(t.ArrayOf)}> values) => {Codegen}.NlScalar.WriteArray({CodecSite.Writer}, {s.Id}, {Scalars.Wire(t.ArrayOf, t.BigEndian)}, values);");
        }
        else if (IsAddress(t))
        {
            s.W.Line($"/// <summary>Writes '{name}' from an IP address; another family throws ArgumentException.</summary>");
            s.W.Line($"public readonly void Write{s.Bare}({IPAddress} address) => {CodecSite.Writer}.{AddressWriter(t)}({s.Id}, address, {s.NameLiteral});");
        }
        else if (IsMac(t))
        {
            s.W.Line($"/// <summary>Writes '{name}' from a hardware address; an empty one{(t.ExactLength > 0 ? $" or one not {t.ExactLength} bytes long" : string.Empty)} throws ArgumentException.</summary>");
            s.W.Line($"public readonly void Write{s.Bare}({PhysicalAddress} address) => {CodecSite.Writer}.WritePhysicalAddress({s.Id}, address, {s.NameLiteral}, {Math.Max(0, t.ExactLength)});");
        }
        else if (t.Hint == DisplayHint.Uuid)
        {
            s.W.Line($"/// <summary>Writes '{name}' from a UUID (RFC 4122 byte order).</summary>");
            s.W.Line($"public readonly void Write{s.Bare}({GuidType} value) => {CodecSite.Writer}.WriteGuid({s.Id}, value);");
        }
    }

    public override void EmitGetter(CodecSite s)
    {
        TypeSpec t = s.Type;
        string name = CodecSite.Xml(s.Attr.Name);
        s.Doc("Reads the bytes of");
        s.W.Line($"public readonly bool TryGet{s.Bare}Bytes(out {Bytes} value) => {Read}.Bytes(_data, {s.Pos}, out value);");
        if (t.Struct is not null)
        {
            string st = s.Ctx.Structs[t.Struct].Cs.Escaped;
            s.W.Line($"/// <summary>'{name}' as a {t.Struct} struct; false if absent or shorter than the struct.</summary>");
            s.W.Line($"public readonly bool TryGet{s.Bare}(out {st} value) => {Read}.Struct(_data, {s.Pos}, out value);");
        }
        else if (IsArray(t))
        {
            string wire = Scalars.Wire(t.ArrayOf, t.BigEndian);
            s.W.Line($"/// <summary>Number of {t.ArrayOf.ToString().ToLowerInvariant()} values in '{name}'.</summary>");
            s.W.Line($"public readonly int {s.Bare}Length => {Read}.ArrayLength(_data, {s.Pos}, {wire});");
            s.W.Line($"/// <summary>Value <paramref name=\"index\"/> of the '{name}' array.</summary>");
            s.W.Line($"public readonly {Scalars.CsType(t.ArrayOf)} Get{s.Bare}At(int index) => {Read}.ArrayElement<{Scalars.CsType(t.ArrayOf)}>(_data, {s.Pos}, {wire}, index);");
        }
        else if (IsAddress(t))
        {
            s.W.Line($"/// <summary>'{name}' as an IP address (allocates); false if absent or not 4 or 16 bytes.</summary>");
            s.W.Line($"public readonly bool TryGet{s.Bare}Address({NotNullWhenTrue}out {IPAddress}? value) => {Read}.Address(_data, {s.Pos}, out value);");
        }
        else if (IsMac(t))
        {
            s.W.Line($"/// <summary>'{name}' as a hardware address (allocates).</summary>");
            s.W.Line($"public readonly bool TryGet{s.Bare}PhysicalAddress({NotNullWhenTrue}out {PhysicalAddress}? value) => {Read}.PhysicalAddress(_data, {s.Pos}, out value);");
        }
        else if (t.Hint == DisplayHint.Uuid)
        {
            s.W.Line($"/// <summary>'{name}' as a UUID (RFC 4122 byte order); false unless 16 bytes.</summary>");
            s.W.Line($"public readonly bool TryGet{s.Bare}Guid(out {GuidType} value) => {Read}.Guid(_data, {s.Pos}, out value);");
        }
    }

    public override string ItemEnumerator(EmitContext ctx, TypeSpec type) => type.Struct is not null
        ? $"{Codegen}.NlItemEnumerator<{ctx.Structs[type.Struct].Cs}, {Codegen}.NlStructItem<{ctx.Structs[type.Struct].Cs}>>"
        : $"{Codegen}.NlItemEnumerator<{Bytes}, {Codegen}.NlBinaryItem>";

    public override string ArrayWriter(EmitContext ctx, TypeSpec type) => $"{Codegen}.NlBytesArrayWriter";

    public override string NewArrayWriter(EmitContext ctx, TypeSpec type, string writer, string id, string attribute) =>
        $"new {ArrayWriter(ctx, type)}({writer}, {id}, {ctx.NestFlag}, {(type.Struct is not null ? ctx.Structs[type.Struct].Size : Math.Max(0, type.ExactLength))}, {attribute})";

    public override void EmitDescribe(DescribeSite s, string label, string attribute, string depth)
    {
        TypeSpec t = s.Type;
        if (t.Struct is not null)
        {
            StructSpec st = s.Ctx.Structs[t.Struct];
            s.W.Line($"o.Open({depth}, {label}, {Naming.Literal("struct " + st.Name)}); Describe{st.Cs.Bare}(o, {attribute}.Payload, {depth} + 1, {Naming.Literal(st.Name)});");
        }
        else if (IsArray(t))
        {
            s.W.Line($"o.Array({depth}, {label}, {attribute}, {Scalars.Wire(t.ArrayOf, t.BigEndian)});");
        }
        else
        {
            s.W.Line($"o.Binary({depth}, {label}, {attribute}{DescribeHintArgument(t)});");
        }
    }

    private static string DescribeHintArgument(TypeSpec t) =>
        IsAddress(t) ? $", {Hint}.Address" : IsMac(t) ? $", {Hint}.Mac" : t.Hint == DisplayHint.Uuid ? $", {Hint}.Uuid" : string.Empty;

    public override void EmitMember(SourceWriter w, EmitContext ctx, StructMemberSpec m)
    {
        if (m.Type.Struct is null)
        {
            EmitBytesMember(w, m, "binary");
            return;
        }

        // A field, not a property: through a ref readonly view of a receive buffer its members
        // (and their inline bytes) read in place, without a copy of the nested struct.
        w.Line($"/// <summary>'{CodecSite.Xml(m.Name)}' (struct {CodecSite.Xml(m.Type.Struct)}).</summary>");
        w.Line($"public {ctx.Structs[m.Type.Struct].Cs} {m.Cs};");
    }

    /// <summary>
    /// A fixed-length byte member (binary or string): an inline array field, a Span of a writable
    /// struct and a ReadOnlySpan of a ref readonly view, in place either way.
    /// </summary>
    public static void EmitBytesMember(SourceWriter w, StructMemberSpec m, string what)
    {
        if (m.Length == 0)
        {
            w.Line($"/// <summary>'{CodecSite.Xml(m.Name)}' ({what}, no bytes).</summary>");
            w.Line($"public readonly {Bytes} {m.Cs} => default;");
            return;
        }

        w.Line($"/// <summary>'{CodecSite.Xml(m.Name)}' ({what}, {m.Length} bytes).</summary>");
        w.Line($"public NlBytes{m.Length} {m.Cs};");
    }

    public override void EmitMemberDescribe(SourceWriter w, EmitContext ctx, StructMemberSpec m, string label, string bytes, string depth)
    {
        if (m.Type.Struct is not null)
        {
            w.Line($"Describe{ctx.Structs[m.Type.Struct].Cs.Bare}(o, {bytes}, {depth}, {label});");
        }
        else
        {
            w.Line($"o.Line({depth}, {label}, {Describe}.BinaryText({bytes}{(DescribeHintArgument(m.Type) is { Length: > 0 } h ? h : $", {Hint}.None")}), {bytes});");
        }
    }

    public override string? ClrType(EmitContext ctx, TypeSpec type) =>
        type.Struct is not null ? ctx.Structs[type.Struct].Cs.Escaped
        : IsArray(type) ? $"{ReadOnlyList}<{Scalars.CsType(type.ArrayOf)}>"
        : IsAddress(type) ? IPAddress
        : IsMac(type) ? PhysicalAddress
        : type.Hint == DisplayHint.Uuid ? GuidType
        : "byte[]";

    public override bool IsValueType(EmitContext ctx, TypeSpec type) => type.Struct is not null || (type.Hint == DisplayHint.Uuid && !IsArray(type));

    public override void EmitTypedRead(CodecSite s, string property, string local)
    {
        TypeSpec t = s.Type;
        string line = t.Struct is not null ? $"if (reader.TryGet{s.Bare}(out {s.Ctx.Structs[t.Struct].Cs} {local})) {property} = {local};"
            : IsArray(t) ? $"if (reader.TryGet{s.Bare}Bytes(out {Bytes} {local})) {property} = {Values}.ToArray<{Scalars.CsType(t.ArrayOf)}>({local}, {Scalars.Wire(t.ArrayOf, t.BigEndian)});"
            : IsAddress(t) ? $"if (reader.TryGet{s.Bare}Address(out {IPAddress}? {local})) {property} = {local};"
            : IsMac(t) ? $"if (reader.TryGet{s.Bare}PhysicalAddress(out {PhysicalAddress}? {local})) {property} = {local};"
            : t.Hint == DisplayHint.Uuid ? $"if (reader.TryGet{s.Bare}Guid(out {GuidType} {local})) {property} = {local};"
            : $"if (reader.TryGet{s.Bare}Bytes(out {Bytes} {local})) {property} = {local}.ToArray();";
        s.W.Line(line);
    }

    public override void EmitTypedWrite(CodecSite s, string value) =>
        s.W.Line(IsArray(s.Type) ? $"writer.Write{s.Bare}({Values}.AsArray({value}));" : $"writer.Write{s.Bare}({value});");

    public override void EmitTypedItemRead(SourceWriter w, EmitContext ctx, TypeSpec type, string current, string list, Func<string, string> wrap)
    {
        if (type.Struct is not null)
        {
            w.Line($"{list}.Add({wrap(current)});");
        }
        else if (IsAddress(type))
        {
            // An item that is not 4 or 16 bytes holds no address: it is skipped, like any malformed item.
            w.Line($"if ({Values}.TryAddress({current}, out {IPAddress}? address)) {list}.Add({wrap("address")});");
        }
        else if (IsMac(type))
        {
            w.Line($"{list}.Add({wrap($"new {PhysicalAddress}({current}.ToArray())")});");
        }
        else
        {
            w.Line($"{list}.Add({wrap($"{current}.ToArray()")});");
        }
    }

    public override string ItemClrType(EmitContext ctx, TypeSpec type) =>
        type.Struct is not null ? ctx.Structs[type.Struct].Cs.Escaped : IsAddress(type) ? IPAddress : IsMac(type) ? PhysicalAddress : "byte[]";

    public override void EmitTypedArrayItemWrite(SourceWriter w, EmitContext ctx, AttrSpec attr, TypeSpec type, string array, string index, string value)
    {
        string bytes = type.Struct is not null
            ? $"global::System.Runtime.InteropServices.MemoryMarshal.AsBytes(new global::System.ReadOnlySpan<{ctx.Structs[type.Struct].Cs}>(in {value}))"
            : IsAddress(type) ? $"{Values}.AddressBytes({value}, {Hint}.Address, {AddressLength(type)}, {Naming.Literal(attr.Name)})"
            : IsMac(type) ? $"{value}.GetAddressBytes()"
            : value;
        w.Line($"{array}.Add({index}, {bytes});");
    }
}
