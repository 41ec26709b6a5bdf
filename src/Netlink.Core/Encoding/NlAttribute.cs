using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Netlink.Encoding;

/// <summary>
/// One netlink attribute (<c>struct nlattr</c> + payload) seen through a span. The type has the
/// NLA_F_NESTED and NLA_F_NET_BYTEORDER bits masked off; they are exposed separately.
/// Getters named <c>TryGet…</c> report a payload too short for the type as absent (false),
/// never by throwing, so one odd attribute cannot fail a whole message.
/// </summary>
public readonly ref struct NlAttribute
{
    /// <summary>Size of the attribute header (NLA_HDRLEN).</summary>
    public const int HeaderSize = 4;

    /// <summary>NLA_F_NESTED: the payload is itself a list of attributes.</summary>
    public const ushort NestedFlag = 0x8000;

    /// <summary>NLA_F_NET_BYTEORDER: the payload is in network byte order.</summary>
    public const ushort NetByteOrderFlag = 0x4000;

    /// <summary>NLA_TYPE_MASK: the bits of nla_type that carry the type.</summary>
    public const ushort TypeMask = 0x3fff;

    /// <summary>Largest payload one attribute can carry (nla_len is 16 bits).</summary>
    public const int MaxPayload = ushort.MaxValue - HeaderSize;

    /// <summary>Creates a view of one attribute.</summary>
    public NlAttribute(ushort rawType, ReadOnlySpan<byte> payload, int offset)
    {
        RawType = rawType;
        Payload = payload;
        Offset = offset;
    }

    /// <summary>nla_type as sent, flag bits included.</summary>
    public ushort RawType { get; }

    /// <summary>The attribute type with flag bits masked off.</summary>
    public ushort Type => (ushort)(RawType & TypeMask);

    /// <summary>True if NLA_F_NESTED was set.</summary>
    public bool IsNested => (RawType & NestedFlag) != 0;

    /// <summary>True if NLA_F_NET_BYTEORDER was set.</summary>
    public bool IsNetByteOrder => (RawType & NetByteOrderFlag) != 0;

    /// <summary>The payload (nla_len - 4 bytes, padding excluded).</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Offset of the attribute header within the buffer it was enumerated from.</summary>
    public int Offset { get; }

    /// <summary>Enumerates the attributes nested in this attribute's payload.</summary>
    public NlAttributeEnumerator GetNested() => new(Payload, Offset + HeaderSize);

    /// <summary>Reads a u8.</summary>
    public bool TryGetU8(out byte value)
    {
        value = Payload.Length >= 1 ? Payload[0] : (byte)0;
        return Payload.Length >= 1;
    }

    /// <summary>Reads a host-order u16.</summary>
    public bool TryGetU16(out ushort value) => TryRead(out value);

    /// <summary>Reads a host-order u32.</summary>
    public bool TryGetU32(out uint value) => TryRead(out value);

    /// <summary>Reads a host-order u64 (may be unaligned).</summary>
    public bool TryGetU64(out ulong value) => TryRead(out value);

    /// <summary>Reads an s8.</summary>
    public bool TryGetS8(out sbyte value)
    {
        value = Payload.Length >= 1 ? (sbyte)Payload[0] : (sbyte)0;
        return Payload.Length >= 1;
    }

    /// <summary>Reads a host-order s16.</summary>
    public bool TryGetS16(out short value) => TryRead(out value);

    /// <summary>Reads a host-order s32.</summary>
    public bool TryGetS32(out int value) => TryRead(out value);

    /// <summary>Reads a host-order s64 (may be unaligned).</summary>
    public bool TryGetS64(out long value) => TryRead(out value);

    /// <summary>Reads a variable-width unsigned integer (YNL <c>uint</c>: 4 or 8 bytes).</summary>
    public bool TryGetUInt(out ulong value)
    {
        switch (Payload.Length)
        {
            case 4:
                value = MemoryMarshal.Read<uint>(Payload);
                return true;
            case 8:
                value = MemoryMarshal.Read<ulong>(Payload);
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>Reads a variable-width signed integer (YNL <c>sint</c>: 4 or 8 bytes).</summary>
    public bool TryGetSInt(out long value)
    {
        switch (Payload.Length)
        {
            case 4:
                value = MemoryMarshal.Read<int>(Payload);
                return true;
            case 8:
                value = MemoryMarshal.Read<long>(Payload);
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>Reads a network-order (big-endian) u16.</summary>
    public bool TryGetU16BigEndian(out ushort value)
    {
        bool ok = BinaryPrimitives.TryReadUInt16BigEndian(Payload, out value);
        return ok;
    }

    /// <summary>Reads a network-order (big-endian) u32.</summary>
    public bool TryGetU32BigEndian(out uint value) => BinaryPrimitives.TryReadUInt32BigEndian(Payload, out value);

    /// <summary>Reads a network-order (big-endian) u64.</summary>
    public bool TryGetU64BigEndian(out ulong value) => BinaryPrimitives.TryReadUInt64BigEndian(Payload, out value);

    /// <summary>Reads a fixed-layout struct from the start of the payload (copied, so unaligned is fine).</summary>
    public bool TryGetStruct<T>(out T value)
        where T : unmanaged => TryRead(out value);

    /// <summary>The bytes of a NUL-terminated string payload, without the terminator and anything after it.</summary>
    public ReadOnlySpan<byte> GetStringBytes()
    {
        int nul = Payload.IndexOf((byte)0);
        return nul >= 0 ? Payload[..nul] : Payload;
    }

    /// <summary>
    /// Decodes a NUL-terminated UTF-8 string payload (allocates the string). Bytes that are not
    /// valid UTF-8 become U+DC80..U+DCFF (<see cref="LosslessUtf8"/>), so different bytes never
    /// give the same string, and writing the string back gives the same bytes.
    /// </summary>
    public string GetString() => LosslessUtf8.GetString(GetStringBytes());

    private bool TryRead<T>(out T value)
        where T : unmanaged
    {
        // MemoryMarshal.TryRead copies, so 64-bit values at 4-byte offsets are safe.
        if (MemoryMarshal.TryRead(Payload, out value))
        {
            return true;
        }

        value = default;
        return false;
    }
}
