using Netlink.Generators.Helpers;
using Netlink.Generators.Model;

namespace Netlink.Generators.Codecs;

/// <summary>u8..u64, s8..s64, uint, sint: host or network byte order, optionally typed as an enum.</summary>
internal sealed class ScalarCodec : AttrCodec
{
    public static readonly ScalarCodec Instance = new();

    public override void EmitWriter(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        string raw = Scalars.CsType(a.Type);
        EnumSpec? e = ctx.TypedEnum(a.Enum, a.EnumAsFlags);
        w.Doc(a.Doc);
        w.Line(e is null
            ? $"public readonly void Write{Bare(a)}({raw} value) => NlPut{Scalars.Suffix(a.Type, a.BigEndian)}(_w, {Id(set, a)}, value);"
            : $"public readonly void Write{Bare(a)}({e.CsName} value) => NlPut{Scalars.Suffix(a.Type, a.BigEndian)}(_w, {Id(set, a)}, unchecked(({raw})value));");
        if (IsIpv4(a))
        {
            w.Line($"/// <summary>Writes '{a.Name}' from an IPv4 address; throws ArgumentException for another address family.</summary>");
            w.Line($"public readonly void Write{Bare(a)}(IPAddress address) => _w.WriteIPv4Address({Id(set, a)}, address, {Naming.Literal(a.Name)});");
        }
    }

    public override void EmitReader(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        string raw = Scalars.CsType(a.Type);
        EnumSpec? e = ctx.TypedEnum(a.Enum, a.EnumAsFlags);
        string get = $"NlGet{Scalars.Suffix(a.Type, a.BigEndian)}";
        w.Doc(a.Doc);
        if (e is null)
        {
            w.Open($"public readonly bool TryGet{Bare(a)}(out {raw} value)");
            w.Line("value = default;");
            w.Line($"return {Field(a)} != 0 && {get}({At(a)}, out value);");
            w.Close();
        }
        else
        {
            w.Open($"public readonly bool TryGet{Bare(a)}(out {e.CsName} value)");
            w.Line($"{raw} raw = default;");
            w.Line($"bool ok = {Field(a)} != 0 && {get}({At(a)}, out raw);");
            w.Line($"value = ok ? unchecked(({e.CsName})raw) : default;");
            w.Line("return ok;");
            w.Close();
        }

        if (IsIpv4(a))
        {
            w.Line($"/// <summary>'{a.Name}' as an IPv4 address (allocates).</summary>");
            w.Open($"public readonly bool TryGet{Bare(a)}Address([NotNullWhen(true)] out IPAddress? value)");
            w.Line($"value = {Field(a)} != 0 && {At(a)}.Payload.Length >= 4 ? new IPAddress({At(a)}.Payload.Slice(0, 4)) : null;");
            w.Line("return value is not null;");
            w.Close();
        }
    }

    public override void EmitDescribe(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a) =>
        Items.EmitDescribe(w, ctx, a.Type, a, Label(a), "a", "depth");

    /// <summary>Expression rendering scalar <paramref name="v"/> (enum names, hex, IPv4).</summary>
    public static string Format(EmitContext ctx, AttrSpec a, string v, string type) =>
        FormatValue(ctx, a.Enum, a.DisplayHint, a.BigEndian, v, type);

    public static string FormatValue(EmitContext ctx, string? enumName, string? hint, bool bigEndian, string v, string type)
    {
        if (enumName is not null && ctx.Enums.TryGetValue(enumName, out EnumSpec? e))
        {
            return $"NlFormat{e.CsName}(unchecked((long){v}))";
        }

        if (hint == "ipv4" && type is "u32" && bigEndian)
        {
            return $"NlIpv4Be({v})";
        }

        return hint == "hex"
            ? $"\"0x\" + {v}.ToString(\"x\", CultureInfo.InvariantCulture)"
            : $"{v}.ToString(CultureInfo.InvariantCulture)";
    }

    private static bool IsIpv4(AttrSpec a) => a.DisplayHint == "ipv4" && a.Type == "u32" && a.BigEndian;
}

/// <summary>NUL-terminated strings: UTF-16 in, UTF-8 bytes or string out.</summary>
internal sealed class StringCodec : AttrCodec
{
    public static readonly StringCodec Instance = new();

    public override void EmitWriter(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        w.Doc(a.Doc);
        w.Line($"public readonly void Write{Bare(a)}(ReadOnlySpan<char> value) => _w.WriteString({Id(set, a)}, value);");
    }

    public override void EmitReader(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        w.Doc(a.Doc);
        w.Open($"public readonly bool TryGet{Bare(a)}Bytes(out ReadOnlySpan<byte> utf8)");
        w.Line($"utf8 = {Field(a)} != 0 ? {At(a)}.GetStringBytes() : default;");
        w.Line($"return {Field(a)} != 0;");
        w.Close();
        w.Line($"/// <summary>'{a.Name}' decoded to a string (allocates).</summary>");
        w.Open($"public readonly bool TryGet{Bare(a)}([NotNullWhen(true)] out string? value)");
        w.Line($"value = {Field(a)} != 0 ? {At(a)}.GetString() : null;");
        w.Line("return value is not null;");
        w.Close();
    }

    public override void EmitDescribe(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a) =>
        Items.EmitDescribe(w, ctx, "string", a, Label(a), "a", "depth");
}

/// <summary>flag: presence only.</summary>
internal sealed class FlagCodec : AttrCodec
{
    public static readonly FlagCodec Instance = new();

    public override void EmitWriter(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        w.Doc(a.Doc);
        w.Line($"public readonly void Write{Bare(a)}() => _w.WriteFlag({Id(set, a)});");
    }

    public override void EmitReader(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        w.Doc(a.Doc);
        w.Line($"public readonly bool {Bare(a)} => {Field(a)} != 0;");
    }

    public override void EmitDescribe(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a) =>
        w.Line($"NlLine(o, depth, {Label(a)}, \"true\", a.Payload);");
}

/// <summary>bitfield32: struct nla_bitfield32 { u32 value; u32 selector; }.</summary>
internal sealed class Bitfield32Codec : AttrCodec
{
    public static readonly Bitfield32Codec Instance = new();

    public override void EmitWriter(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        w.Doc(a.Doc);
        w.Open($"public readonly void Write{Bare(a)}(uint value, uint selector)");
        w.Line($"Span<byte> p = _w.BeginAttribute({Id(set, a)}, 8);");
        w.Line("MemoryMarshal.Write(p, in value);");
        w.Line("MemoryMarshal.Write(p.Slice(4), in selector);");
        w.Close();
    }

    public override void EmitReader(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
        w.Doc(a.Doc);
        w.Open($"public readonly bool TryGet{Bare(a)}(out uint value, out uint selector)");
        w.Line($"ReadOnlySpan<byte> p = {Field(a)} != 0 ? {At(a)}.Payload : default;");
        w.Line("bool ok = p.Length >= 8;");
        w.Line("value = ok ? MemoryMarshal.Read<uint>(p) : 0;");
        w.Line("selector = ok ? MemoryMarshal.Read<uint>(p.Slice(4)) : 0;");
        w.Line("return ok;");
        w.Close();
    }

    public override void EmitDescribe(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a) =>
        w.Line($"NlLine(o, depth, {Label(a)}, a.Payload.Length >= 8 ? \"value=0x\" + MemoryMarshal.Read<uint>(a.Payload).ToString(\"x\", CultureInfo.InvariantCulture) + \" selector=0x\" + MemoryMarshal.Read<uint>(a.Payload.Slice(4)).ToString(\"x\", CultureInfo.InvariantCulture) : \"<short>\", a.Payload);");
}

/// <summary>pad and unused: nothing to write or read; described as padding.</summary>
internal sealed class PadCodec : AttrCodec
{
    public static readonly PadCodec Instance = new();

    public override bool IsIndexed => false;

    public override void EmitWriter(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
    }

    public override void EmitReader(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a)
    {
    }

    public override void EmitDescribe(SourceWriter w, EmitContext ctx, AttrSetSpec set, AttrSpec a) =>
        w.Line($"NlLine(o, depth, {Label(a)}, \"{a.Type}\", a.Payload);");
}
