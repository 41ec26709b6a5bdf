using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.NetworkInformation;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Netlink.Encoding;

namespace Netlink.Codegen;

/// <summary>
/// The getters of generated readers. A reader records, per attribute, a position: the offset of
/// the attribute's header in the indexed bytes plus one, so 0 means absent. These read the
/// attribute at a position; the scan that recorded it already checked its length, so the header
/// is not validated again. An absent attribute, or a payload too short for its type, reads as
/// false: one odd attribute never fails the whole message.
/// </summary>
public static class NlRead
{
    /// <summary>The attribute at <paramref name="position"/> (which must not be 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static NlAttribute At(ReadOnlySpan<byte> data, int position)
    {
        int offset = position - 1;
        int length = MemoryMarshal.Read<ushort>(data[offset..]);
        return new NlAttribute(MemoryMarshal.Read<ushort>(data[(offset + 2)..]), data.Slice(offset + NlAttribute.HeaderSize, length - NlAttribute.HeaderSize), offset);
    }

    /// <summary>The payload at <paramref name="position"/>, empty when it is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> data, int position) =>
        position != 0 ? At(data, position).Payload : default;

    /// <summary>An integer or enum of wire type <paramref name="wire"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Scalar<T>(ReadOnlySpan<byte> data, int position, NlWire wire, out T value)
        where T : unmanaged
    {
        if (position == 0)
        {
            value = default;
            return false;
        }

        return NlScalar.TryRead(At(data, position).Payload, wire, out value);
    }

    /// <summary>The raw payload.</summary>
    public static bool Bytes(ReadOnlySpan<byte> data, int position, out ReadOnlySpan<byte> value)
    {
        value = Payload(data, position);
        return position != 0;
    }

    /// <summary>A NUL-terminated string's bytes, without the terminator.</summary>
    public static bool StringBytes(ReadOnlySpan<byte> data, int position, out ReadOnlySpan<byte> utf8)
    {
        utf8 = position != 0 ? At(data, position).GetStringBytes() : default;
        return position != 0;
    }

    /// <summary>A NUL-terminated UTF-8 string (allocates).</summary>
    public static bool String(ReadOnlySpan<byte> data, int position, [NotNullWhen(true)] out string? value)
    {
        value = position != 0 ? At(data, position).GetString() : null;
        return value is not null;
    }

    /// <summary>A fixed-layout struct from the start of the payload; false if the payload is shorter.</summary>
    public static bool Struct<T>(ReadOnlySpan<byte> data, int position, out T value)
        where T : unmanaged
    {
        value = default;
        return position != 0 && At(data, position).TryGetStruct(out value);
    }

    /// <summary>A 4- or 16-byte address (allocates); false for other lengths.</summary>
    public static bool Address(ReadOnlySpan<byte> data, int position, [NotNullWhen(true)] out IPAddress? value)
    {
        value = InetAddress.Read(Payload(data, position));
        return value is not null;
    }

    /// <summary>A hardware address of any non-empty length (allocates).</summary>
    public static bool PhysicalAddress(ReadOnlySpan<byte> data, int position, [NotNullWhen(true)] out PhysicalAddress? value)
    {
        ReadOnlySpan<byte> payload = Payload(data, position);
        value = position != 0 ? new PhysicalAddress(payload.ToArray()) : null;
        return value is not null;
    }

    /// <summary>A UUID in RFC 4122 byte order; false unless the payload is 16 bytes.</summary>
    public static bool Guid(ReadOnlySpan<byte> data, int position, out Guid value)
    {
        ReadOnlySpan<byte> payload = Payload(data, position);
        value = payload.Length == 16 ? new Guid(payload, bigEndian: true) : default;
        return payload.Length == 16;
    }

    /// <summary>A <c>struct nla_bitfield32</c>.</summary>
    public static bool Bitfield32(ReadOnlySpan<byte> data, int position, out NlBitfield32 value)
    {
        ReadOnlySpan<byte> payload = Payload(data, position);
        bool ok = payload.Length >= 8;
        value = ok ? new NlBitfield32(MemoryMarshal.Read<uint>(payload), MemoryMarshal.Read<uint>(payload[4..])) : default;
        return ok;
    }

    /// <summary>The attributes nested in the payload.</summary>
    public static bool Nested(ReadOnlySpan<byte> data, int position, out NlAttributeEnumerator value)
    {
        value = position != 0 ? At(data, position).GetNested() : default;
        return position != 0;
    }

    /// <summary>Element <paramref name="index"/> of a binary attribute holding a C array of scalars.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the array.</exception>
    public static T ArrayElement<T>(ReadOnlySpan<byte> data, int position, NlWire wire, int index)
        where T : unmanaged
    {
        int size = NlScalar.SizeOf(wire);
        ReadOnlySpan<byte> payload = Payload(data, position);
        if ((uint)index >= (uint)(payload.Length / size))
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the array holds {payload.Length / size} elements");
        }

        NlScalar.TryRead(payload.Slice(index * size, size), wire, out T value);
        return value;
    }

    /// <summary>Elements in a binary attribute holding a C array of scalars.</summary>
    public static int ArrayLength(ReadOnlySpan<byte> data, int position, NlWire wire) =>
        Payload(data, position).Length / NlScalar.SizeOf(wire);
}
