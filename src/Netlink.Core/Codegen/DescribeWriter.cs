using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink.Codegen;

/// <summary>
/// The generated describers' output: one line per header field, fixed-header member and
/// attribute, <c>name: value | hex bytes</c>, nested items indented by two spaces per level.
/// Values are decoded here, so a generated describer is a table of calls; malformed or short
/// values print as such instead of throwing. Invariant culture, deterministic.
/// </summary>
public sealed class DescribeWriter
{
    /// <summary>Writes to <paramref name="output"/>.</summary>
    public DescribeWriter(TextWriter output) => Output = output ?? throw new ArgumentNullException(nameof(output));

    /// <summary>Where the lines go.</summary>
    public TextWriter Output { get; }

    /// <summary>Writes one line; the hex part is left out when <paramref name="bytes"/> is empty.</summary>
    public void Line(int depth, string name, string value, ReadOnlySpan<byte> bytes = default)
    {
        for (int i = 0; i < depth; i++)
        {
            Output.Write("  ");
        }

        Output.Write(name);
        Output.Write(": ");
        Output.Write(value);
        if (!bytes.IsEmpty)
        {
            Output.Write(" |");
            Span<char> hex = stackalloc char[3];
            hex[0] = ' ';
            foreach (byte b in bytes)
            {
                if (!b.TryFormat(hex[1..], out int written, "x2", CultureInfo.InvariantCulture) || written != 2)
                {
                    throw new InvalidOperationException("a byte did not format as two hex digits");
                }

                Output.Write(hex);
            }
        }

        Output.Write('\n');
    }

    /// <summary>The five nlmsghdr lines; request bits above 0xff are named for <paramref name="requestKind"/>.</summary>
    public void Header(NetlinkMessage message, string typeName, NetlinkMessageKind requestKind)
    {
        ReadOnlySpan<byte> b = message.Bytes;
        NlMsgHeader h = message.Header;
        Line(0, "nlmsg_len", h.Length.ToString(CultureInfo.InvariantCulture), b[..4]);
        Line(0, "nlmsg_type", typeName, b.Slice(4, 2));
        Line(0, "nlmsg_flags", NetlinkFlagNames.Format(h.Flags, NetlinkFlagNames.KindOf(h.Type, h.Flags, requestKind)), b.Slice(6, 2));
        Line(0, "nlmsg_seq", h.Sequence.ToString(CultureInfo.InvariantCulture), b.Slice(8, 4));
        Line(0, "nlmsg_pid", h.PortId.ToString(CultureInfo.InvariantCulture), b.Slice(12, 4));
    }

    /// <summary>
    /// For NLMSG_ERROR and NLMSG_DONE: the error/status field and the rest as a byte count; true
    /// if the message was one of those (nothing else to describe), or another control message.
    /// </summary>
    public bool ControlMessage(NetlinkMessage message)
    {
        ushort type = message.Type;
        ReadOnlySpan<byte> p = message.Payload;
        if (type is NlMsgType.Error or NlMsgType.Done)
        {
            if (p.Length >= 4)
            {
                Line(0, type == NlMsgType.Error ? "error" : "status", System.Runtime.InteropServices.MemoryMarshal.Read<int>(p).ToString(CultureInfo.InvariantCulture), p[..4]);
            }

            if (p.Length > 4)
            {
                Line(0, "payload", Count(p.Length - 4), p[4..]);
            }

            return true;
        }

        return type < NlMsgType.MinType;
    }

    /// <summary>The name of a control message type (<c>done (3)</c>), or the number.</summary>
    public static string ControlTypeName(int type) => type switch
    {
        NlMsgType.Noop => "noop (1)",
        NlMsgType.Error => "error (2)",
        NlMsgType.Done => "done (3)",
        NlMsgType.Overrun => "overrun (4)",
        _ => type.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A spec name with its number: <c>newlink (16)</c>.</summary>
    public static string Named(string name, long value) => name + " (" + value.ToString(CultureInfo.InvariantCulture) + ")";

    /// <summary>An integer attribute.</summary>
    public void Scalar(int depth, string label, NlAttribute a, NlWire wire, DescribeHint hint = DescribeHint.None) =>
        Line(depth, label, ScalarText(a.Payload, wire, hint), a.Payload);

    /// <summary>An integer attribute holding an enum value, rendered <c>name (value)</c>.</summary>
    public void Enum(int depth, string label, NlAttribute a, NlWire wire, Func<long, string?> nameOf) =>
        Line(depth, label, EnumText(a.Payload, wire, nameOf), a.Payload);

    /// <summary>An integer attribute holding a flag set, rendered <c>0x5 a|c</c>.</summary>
    public void Flags(int depth, string label, NlAttribute a, NlWire wire, Func<ulong, string?> nameOfBit) =>
        Line(depth, label, FlagsText(a.Payload, wire, nameOfBit), a.Payload);

    /// <summary>A NUL-terminated string attribute, quoted.</summary>
    public void String(int depth, string label, NlAttribute a) => Line(depth, label, Quote(a.GetStringBytes()), a.Payload);

    /// <summary>A binary attribute.</summary>
    public void Binary(int depth, string label, NlAttribute a, DescribeHint hint = DescribeHint.None) =>
        Line(depth, label, BinaryText(a.Payload, hint), a.Payload);

    /// <summary>A binary attribute holding a C array of scalars: <c>[1, 2, 3]</c>.</summary>
    public void Array(int depth, string label, NlAttribute a, NlWire wire) => Line(depth, label, ArrayText(a.Payload, wire), a.Payload);

    /// <summary>A flag attribute.</summary>
    public void Flag(int depth, string label, NlAttribute a) => Line(depth, label, "true", a.Payload);

    /// <summary>A <c>struct nla_bitfield32</c> attribute.</summary>
    public void Bitfield32(int depth, string label, NlAttribute a)
    {
        ReadOnlySpan<byte> p = a.Payload;
        string text = p.Length >= 8
            ? "value=0x" + System.Runtime.InteropServices.MemoryMarshal.Read<uint>(p).ToString("x", CultureInfo.InvariantCulture)
              + " selector=0x" + System.Runtime.InteropServices.MemoryMarshal.Read<uint>(p[4..]).ToString("x", CultureInfo.InvariantCulture)
            : "<short>";
        Line(depth, label, text, p);
    }

    /// <summary>The line that opens a nest (or an indexed array, a sub-message…): no hex, the items follow one level deeper.</summary>
    public void Open(int depth, string label, string kind) => Line(depth, label, kind);

    /// <summary><c>[3]</c>: the label of an indexed-array item or a nest-type-value level.</summary>
    public static string IndexLabel(NlAttribute item) => "[" + item.Type.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>An attribute the set does not define.</summary>
    public void Unknown(int depth, NlAttribute a) =>
        Line(depth, "unknown(" + a.Type.ToString(CultureInfo.InvariantCulture) + ")", Count(a.Payload.Length), a.Payload);

    /// <summary>The line for an attribute walk that stopped at a bad length.</summary>
    public void Malformed(int depth, in NlAttributeEnumerator e)
    {
        if (e.IsMalformed)
        {
            Line(depth, "malformed", "bad attribute length at offset " + e.MalformedOffset.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// The bytes of a fixed-header member at <paramref name="offset"/>; false (after printing a
    /// <c>&lt;truncated&gt;</c> line) when the header is too short to hold it.
    /// </summary>
    public bool Member(int depth, string label, ReadOnlySpan<byte> header, int offset, int length, out ReadOnlySpan<byte> bytes)
    {
        if (header.Length < offset + length)
        {
            Line(depth, label, "<truncated>", header[Math.Min(header.Length, offset)..]);
            bytes = default;
            return false;
        }

        bytes = header.Slice(offset, length);
        return true;
    }

    /// <summary>An integer (or its enum/flag names) from raw bytes.</summary>
    public static string ScalarText(ReadOnlySpan<byte> payload, NlWire wire, DescribeHint hint = DescribeHint.None)
    {
        if (!NlScalar.TryReadBits(payload, wire, out ulong bits))
        {
            return "<short>";
        }

        if (hint == DescribeHint.Hex)
        {
            return "0x" + Narrowed(bits, wire).ToString("x", CultureInfo.InvariantCulture);
        }

        if (hint == DescribeHint.Address && NlScalar.SizeOf(wire) == 4)
        {
            Span<byte> address = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(address, unchecked((uint)bits));
            return new IPAddress(address).ToString();
        }

        return NlScalar.IsSigned(wire)
            ? unchecked((long)bits).ToString(CultureInfo.InvariantCulture)
            : bits.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><c>name (value)</c> for a defined enum value, else the number.</summary>
    public static string EnumText(ReadOnlySpan<byte> payload, NlWire wire, Func<long, string?> nameOf)
    {
        ArgumentNullException.ThrowIfNull(nameOf);
        if (!NlScalar.TryReadBits(payload, wire, out ulong bits))
        {
            return "<short>";
        }

        long value = unchecked((long)bits);
        return nameOf(value) is { } name ? Named(name, value) : ScalarText(payload, wire);
    }

    /// <summary><c>0x5 a|c</c> for a flag set.</summary>
    public static string FlagsText(ReadOnlySpan<byte> payload, NlWire wire, Func<ulong, string?> nameOfBit) =>
        NlScalar.TryReadBits(payload, wire, out ulong bits) ? FlagText.Describe(Narrowed(bits, wire), nameOfBit) : "<short>";

    /// <summary>Bytes by hint: an address, a MAC, a UUID, or a byte count.</summary>
    public static string BinaryText(ReadOnlySpan<byte> b, DescribeHint hint) => hint switch
    {
        DescribeHint.Address when b.Length is 4 or 16 => new IPAddress(b).ToString(),
        DescribeHint.Uuid when b.Length == 16 => new Guid(b, bigEndian: true).ToString(),
        DescribeHint.Mac => Mac(b),
        DescribeHint.Hex => Convert.ToHexString(b).ToLowerInvariant(),
        _ => Count(b.Length),
    };

    /// <summary><c>[1, 2, 3]</c>: a C array of scalars (a trailing partial element is left out).</summary>
    public static string ArrayText(ReadOnlySpan<byte> b, NlWire wire)
    {
        int size = NlScalar.SizeOf(wire);
        var text = new StringBuilder("[");
        for (int i = 0; i + size <= b.Length; i += size)
        {
            text.Append(i > 0 ? ", " : string.Empty).Append(ScalarText(b.Slice(i, size), wire));
        }

        return text.Append(']').ToString();
    }

    /// <summary>A string, quoted, up to its first NUL; control characters, quotes and backslashes as <c>\xNN</c>.</summary>
    public static string Quote(ReadOnlySpan<byte> b)
    {
        int nul = b.IndexOf((byte)0);
        if (nul >= 0)
        {
            b = b[..nul];
        }

        var text = new StringBuilder("\"");
        foreach (char c in System.Text.Encoding.UTF8.GetString(b))
        {
            if (c < ' ' || c == '"' || c == '\\')
            {
                text.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }

    private static string Mac(ReadOnlySpan<byte> b)
    {
        var text = new StringBuilder();
        for (int i = 0; i < b.Length; i++)
        {
            text.Append(i > 0 ? ":" : string.Empty).Append(b[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string Count(int length) => length.ToString(CultureInfo.InvariantCulture) + " bytes";

    /// <summary>The value's own width: a sign-extended s8 of -1 prints as 0xff, not 0xffffffffffffffff.</summary>
    private static ulong Narrowed(ulong bits, NlWire wire) => NlScalar.SizeOf(wire) switch
    {
        1 => (byte)bits,
        2 => (ushort)bits,
        4 when wire is not (NlWire.UInt or NlWire.SInt) => (uint)bits,
        _ => bits,
    };
}
