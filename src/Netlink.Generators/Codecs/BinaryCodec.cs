using Netlink.Generators.Helpers;
using Netlink.Generators.Model;

namespace Netlink.Generators.Codecs;

/// <summary>binary: raw spans, a struct payload, a C array of scalars (sub-type), or an address (display-hint).</summary>
internal sealed class BinaryCodec : AttrCodec
{
    public static readonly BinaryCodec Instance = new();

    public override void EmitWriter(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        w.Doc(a.Doc);
        string name = Naming.Literal(a.Name);
        if (a.ExactLen > 0)
        {
            w.Line($"public readonly void Write{Bare(a)}(ReadOnlySpan<byte> value) => _w.WriteFixedLengthBinary({Id(set, a)}, value, {a.ExactLen}, {name});");
        }
        else if (a.MinLen > 0 || a.MaxLen >= 0)
        {
            w.Line($"public readonly void Write{Bare(a)}(ReadOnlySpan<byte> value) => _w.WriteBoundedBinary({Id(set, a)}, value, {System.Math.Max(0, a.MinLen)}, {(a.MaxLen >= 0 ? a.MaxLen : 65531)}, {name});");
        }
        else
        {
            w.Line($"public readonly void Write{Bare(a)}(ReadOnlySpan<byte> value) => _w.WriteAttribute({Id(set, a)}, value);");
        }

        if (a.Struct is not null)
        {
            string s = ctx.Structs[a.Struct].CsName;
            w.Line($"/// <summary>Writes '{a.Name}' from a {a.Struct} struct.</summary>");
            w.Line($"public readonly void Write{Bare(a)}(in {s} value) => _w.WriteAttribute({Id(set, a)}, in value);");
        }
        else if (IsArray(a))
        {
            EmitArrayWriter(w, set, a);
        }
        else if (AddressWriter(a.DisplayHint) is { } writeAddress)
        {
            w.Line($"/// <summary>Writes '{a.Name}' from an IP address; throws ArgumentException for another address family.</summary>");
            w.Line($"public readonly void Write{Bare(a)}(IPAddress address) => _w.{writeAddress}({Id(set, a)}, address, {name});");
        }
        else if (a.DisplayHint is "mac" or "fddi")
        {
            w.Line($"/// <summary>Writes '{a.Name}' from a hardware address; throws ArgumentException for an empty one{(a.ExactLen > 0 ? " or one not " + a.ExactLen + " bytes long" : string.Empty)}.</summary>");
            w.Line($"public readonly void Write{Bare(a)}(PhysicalAddress address) => _w.WritePhysicalAddress({Id(set, a)}, address, {name}, {System.Math.Max(0, a.ExactLen)});");
        }
        else if (a.DisplayHint == "uuid")
        {
            w.Line($"/// <summary>Writes '{a.Name}' from a UUID (RFC 4122 byte order).</summary>");
            w.Line($"public readonly void Write{Bare(a)}(Guid value) => _w.WriteGuid({Id(set, a)}, value);");
        }
    }

    /// <summary>The checked NetlinkMessageWriter call for an address display hint, or null.</summary>
    public static string? AddressWriter(string? hint) => hint switch
    {
        "ipv4" => "WriteIPv4Address",
        "ipv6" => "WriteIPv6Address",
        "ipv4-or-v6" => "WriteIPAddress",
        _ => null,
    };

    /// <summary>A C array of fixed-width scalars (<c>sub-type: u8..s64</c>); uint/sint have no fixed width.</summary>
    private static bool IsArray(AttrSpec a) => Scalars.IsScalar(a.SubType) && a.SubType is not ("uint" or "sint");

    private static void EmitArrayWriter(SourceWriter w, AttrSetSpec set, AttrSpec a)
    {
        string t = Scalars.CsType(a.SubType!);
        if (t == "byte")
        {
            return; // an array of u8 is the raw payload: Write(ReadOnlySpan<byte>) already writes it
        }

        int size = Scalars.Size(a.SubType!);
        w.Line($"/// <summary>Writes '{a.Name}' as an array of {a.SubType}.</summary>");
        w.Open($"public readonly void Write{Bare(a)}(ReadOnlySpan<{t}> values)");
        w.Line($"Span<byte> p = _w.BeginAttribute({Id(set, a)}, values.Length * {size});");
        w.Line($"for (int i = 0; i < values.Length; i++) NlEncode{Scalars.Suffix(a.SubType!, a.BigEndian)}(p.Slice(i * {size}), values[i]);");
        w.Close();
    }

    public override void EmitReader(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        w.Doc(a.Doc);
        w.Open($"public readonly bool TryGet{Bare(a)}Bytes(out ReadOnlySpan<byte> value)");
        w.Line($"value = {Field(a)} != 0 ? {At(a)}.Payload : default;");
        w.Line($"return {Field(a)} != 0;");
        w.Close();
        if (a.Struct is not null)
        {
            string s = ctx.Structs[a.Struct].CsName;
            w.Line($"/// <summary>'{a.Name}' as a {a.Struct} struct; false if absent or shorter than the struct.</summary>");
            w.Open($"public readonly bool TryGet{Bare(a)}(out {s} value)");
            w.Line("value = default;");
            w.Line($"return {Field(a)} != 0 && {At(a)}.TryGetStruct(out value);");
            w.Close();
        }
        else if (IsArray(a))
        {
            string t = Scalars.CsType(a.SubType!);
            int size = Scalars.Size(a.SubType!);
            w.Line($"/// <summary>Number of {a.SubType} values in '{a.Name}'.</summary>");
            w.Line($"public readonly int {Bare(a)}Length => {Field(a)} != 0 ? {At(a)}.Payload.Length / {size} : 0;");
            w.Line($"/// <summary>Value <paramref name=\"index\"/> of the '{a.Name}' array.</summary>");
            w.Line($"public readonly {t} Get{Bare(a)}At(int index) => NlDecode{Scalars.Suffix(a.SubType!, a.BigEndian)}({At(a)}.Payload.Slice(index * {size}, {size}));");
        }
        else if (AddressWriter(a.DisplayHint) is not null)
        {
            w.Line($"/// <summary>'{a.Name}' as an IP address (allocates); false if absent or not 4 or 16 bytes.</summary>");
            w.Open($"public readonly bool TryGet{Bare(a)}Address([NotNullWhen(true)] out IPAddress? value)");
            w.Line($"ReadOnlySpan<byte> p = {Field(a)} != 0 ? {At(a)}.Payload : default;");
            w.Line("value = p.Length is 4 or 16 ? new IPAddress(p) : null;");
            w.Line("return value is not null;");
            w.Close();
        }
        else if (a.DisplayHint is "mac" or "fddi")
        {
            w.Line($"/// <summary>'{a.Name}' as a hardware address (allocates).</summary>");
            w.Open($"public readonly bool TryGet{Bare(a)}PhysicalAddress([NotNullWhen(true)] out PhysicalAddress? value)");
            w.Line($"value = {Field(a)} != 0 ? new PhysicalAddress({At(a)}.Payload.ToArray()) : null;");
            w.Line("return value is not null;");
            w.Close();
        }
        else if (a.DisplayHint == "uuid")
        {
            w.Line($"/// <summary>'{a.Name}' as a UUID (RFC 4122 byte order).</summary>");
            w.Open($"public readonly bool TryGet{Bare(a)}Guid(out Guid value)");
            w.Line($"ReadOnlySpan<byte> p = {Field(a)} != 0 ? {At(a)}.Payload : default;");
            w.Line("value = p.Length == 16 ? new Guid(p, bigEndian: true) : default;");
            w.Line("return p.Length == 16;");
            w.Close();
        }
    }

    public override void EmitDescribe(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a) =>
        EmitDescribeBinary(w, ctx, a, Label(a), "a", "depth", a.Type);

    public static void EmitDescribeBinary(SourceWriter w, EmitContext ctx, AttrSpec a, string label, string src, string depth, string? type)
    {
        if (a.Struct is not null && type == "binary")
        {
            StructSpec s = ctx.Structs[a.Struct];
            w.Line($"NlLine(o, {depth}, {label}, \"struct {s.Name}\", default);");
            w.Line($"DescribeStruct{s.CsName}({src}.Payload, o, {depth} + 1, {Naming.Literal(s.Name)});");
        }
        else if (Scalars.IsScalar(a.SubType) && a.Kind == AttrKind.Binary)
        {
            w.Line($"NlLine(o, {depth}, {label}, NlArray{Scalars.Suffix(a.SubType!, a.BigEndian)}({src}.Payload), {src}.Payload);");
        }
        else
        {
            string hint = a.DisplayHint switch
            {
                "ipv4" or "ipv6" or "ipv4-or-v6" => "NlIp",
                "mac" or "fddi" => "NlMac",
                "uuid" => "NlUuid",
                _ => "NlBytes",
            };
            w.Line($"NlLine(o, {depth}, {label}, {hint}({src}.Payload), {src}.Payload);");
        }
    }
}
