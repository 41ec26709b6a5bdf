using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Netlink.Codegen;

/// <summary>
/// Decodes YNL scalars from a payload into any integer or enum type: unsigned wire types are
/// zero-extended and signed ones sign-extended to 64 bits, then narrowed to the target's size,
/// so an enum backed by uint reads a u8 attribute without a cast at the call site. Short
/// payloads read as absent (false), never as an exception.
/// </summary>
public static class NlScalar
{
    /// <summary>Bytes the wire type needs (4 for the variable-width uint/sint, their minimum).</summary>
    public static int SizeOf(NlWire wire) => wire switch
    {
        NlWire.U8 or NlWire.S8 => 1,
        NlWire.U16 or NlWire.S16 or NlWire.U16BigEndian or NlWire.S16BigEndian => 2,
        NlWire.U32 or NlWire.S32 or NlWire.U32BigEndian or NlWire.S32BigEndian or NlWire.UInt or NlWire.SInt => 4,
        _ => 8,
    };

    /// <summary>True for the signed wire types.</summary>
    public static bool IsSigned(NlWire wire) => wire is NlWire.S8 or NlWire.S16 or NlWire.S32 or NlWire.S64
        or NlWire.S16BigEndian or NlWire.S32BigEndian or NlWire.S64BigEndian or NlWire.SInt;

    /// <summary>Decodes <paramref name="payload"/> as <paramref name="wire"/> into <typeparamref name="T"/> (an integer or enum of 1, 2, 4 or 8 bytes).</summary>
    /// <returns>False if the payload is too short (or, for uint/sint, neither 4 nor 8 bytes).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead<T>(ReadOnlySpan<byte> payload, NlWire wire, out T value)
        where T : unmanaged
    {
        if (!TryReadBits(payload, wire, out ulong bits))
        {
            value = default;
            return false;
        }

        value = Narrow<T>(bits);
        return true;
    }

    /// <summary>Decodes <paramref name="payload"/> as <paramref name="wire"/> to 64 bits (sign-extended for signed types).</summary>
    public static bool TryReadBits(ReadOnlySpan<byte> payload, NlWire wire, out ulong bits)
    {
        bits = 0;
        switch (wire)
        {
            case NlWire.U8 when payload.Length >= 1:
                bits = payload[0];
                return true;
            case NlWire.S8 when payload.Length >= 1:
                bits = unchecked((ulong)(sbyte)payload[0]);
                return true;
            case NlWire.U16 when payload.Length >= 2:
                bits = MemoryMarshal.Read<ushort>(payload);
                return true;
            case NlWire.S16 when payload.Length >= 2:
                bits = unchecked((ulong)MemoryMarshal.Read<short>(payload));
                return true;
            case NlWire.U32 when payload.Length >= 4:
                bits = MemoryMarshal.Read<uint>(payload);
                return true;
            case NlWire.S32 when payload.Length >= 4:
                bits = unchecked((ulong)MemoryMarshal.Read<int>(payload));
                return true;
            case NlWire.U64 or NlWire.S64 when payload.Length >= 8:
                bits = MemoryMarshal.Read<ulong>(payload);
                return true;
            case NlWire.U16BigEndian when payload.Length >= 2:
                bits = BinaryPrimitives.ReadUInt16BigEndian(payload);
                return true;
            case NlWire.S16BigEndian when payload.Length >= 2:
                bits = unchecked((ulong)BinaryPrimitives.ReadInt16BigEndian(payload));
                return true;
            case NlWire.U32BigEndian when payload.Length >= 4:
                bits = BinaryPrimitives.ReadUInt32BigEndian(payload);
                return true;
            case NlWire.S32BigEndian when payload.Length >= 4:
                bits = unchecked((ulong)BinaryPrimitives.ReadInt32BigEndian(payload));
                return true;
            case NlWire.U64BigEndian or NlWire.S64BigEndian when payload.Length >= 8:
                bits = BinaryPrimitives.ReadUInt64BigEndian(payload);
                return true;
            case NlWire.UInt when payload.Length is 4 or 8:
                bits = payload.Length == 4 ? MemoryMarshal.Read<uint>(payload) : MemoryMarshal.Read<ulong>(payload);
                return true;
            case NlWire.SInt when payload.Length is 4 or 8:
                bits = unchecked(payload.Length == 4 ? (ulong)MemoryMarshal.Read<int>(payload) : MemoryMarshal.Read<ulong>(payload));
                return true;
            default:
                return false;
        }
    }

    /// <summary>The low bytes of <paramref name="bits"/> as <typeparamref name="T"/> (1, 2, 4 or 8 bytes wide).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Narrow<T>(ulong bits)
        where T : unmanaged
    {
        // One branch survives per T after JIT specialisation; BitCast keeps it endianness-safe.
        if (Unsafe.SizeOf<T>() == 1)
        {
            return Unsafe.BitCast<byte, T>(unchecked((byte)bits));
        }

        if (Unsafe.SizeOf<T>() == 2)
        {
            return Unsafe.BitCast<ushort, T>(unchecked((ushort)bits));
        }

        if (Unsafe.SizeOf<T>() == 4)
        {
            return Unsafe.BitCast<uint, T>(unchecked((uint)bits));
        }

        return Unsafe.BitCast<ulong, T>(bits);
    }

    /// <summary>Encodes <paramref name="bits"/> as <paramref name="wire"/> into a new attribute of <paramref name="writer"/>.</summary>
    public static void Write(Encoding.NetlinkMessageWriter writer, ushort type, NlWire wire, ulong bits)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (wire)
        {
            case NlWire.U8 or NlWire.S8:
                writer.WriteU8(type, unchecked((byte)bits));
                break;
            case NlWire.U16 or NlWire.S16:
                writer.WriteU16(type, unchecked((ushort)bits));
                break;
            case NlWire.U32 or NlWire.S32:
                writer.WriteU32(type, unchecked((uint)bits));
                break;
            case NlWire.U64 or NlWire.S64:
                writer.WriteU64(type, bits);
                break;
            case NlWire.U16BigEndian or NlWire.S16BigEndian:
                writer.WriteU16BigEndian(type, unchecked((ushort)bits));
                break;
            case NlWire.U32BigEndian or NlWire.S32BigEndian:
                writer.WriteU32BigEndian(type, unchecked((uint)bits));
                break;
            case NlWire.U64BigEndian or NlWire.S64BigEndian:
                writer.WriteU64BigEndian(type, bits);
                break;
            case NlWire.UInt:
                writer.WriteUInt(type, bits);
                break;
            case NlWire.SInt:
                writer.WriteSInt(type, unchecked((long)bits));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(wire), wire, "not a wire type");
        }
    }

    /// <summary>Decodes a selector attribute's payload (u8, u16, u32 or u64 by length) for sub-message dispatch; -1 for other lengths.</summary>
    public static long SelectorValue(ReadOnlySpan<byte> payload) => payload.Length switch
    {
        1 => payload[0],
        2 => MemoryMarshal.Read<ushort>(payload),
        4 => MemoryMarshal.Read<uint>(payload),
        8 => MemoryMarshal.Read<long>(payload),
        _ => -1,
    };

    /// <summary>Appends a binary attribute holding <paramref name="values"/> as a C array of <paramref name="wire"/> integers.</summary>
    public static void WriteArray<T>(Encoding.NetlinkMessageWriter writer, ushort type, NlWire wire, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(writer);
        int size = SizeOf(wire);
        Span<byte> payload = writer.BeginAttribute(type, checked(values.Length * size));
        bool signed = IsSigned(wire);
        for (int i = 0; i < values.Length; i++)
        {
            Encode(payload.Slice(i * size, size), wire, NlValues.Bits(values[i], signed));
        }
    }

    private static void Encode(Span<byte> destination, NlWire wire, ulong bits)
    {
        switch (wire)
        {
            case NlWire.U8 or NlWire.S8:
                destination[0] = unchecked((byte)bits);
                break;
            case NlWire.U16 or NlWire.S16:
                MemoryMarshal.Write(destination, unchecked((ushort)bits));
                break;
            case NlWire.U32 or NlWire.S32:
                MemoryMarshal.Write(destination, unchecked((uint)bits));
                break;
            case NlWire.U16BigEndian or NlWire.S16BigEndian:
                BinaryPrimitives.WriteUInt16BigEndian(destination, unchecked((ushort)bits));
                break;
            case NlWire.U32BigEndian or NlWire.S32BigEndian:
                BinaryPrimitives.WriteUInt32BigEndian(destination, unchecked((uint)bits));
                break;
            case NlWire.U64BigEndian or NlWire.S64BigEndian:
                BinaryPrimitives.WriteUInt64BigEndian(destination, bits);
                break;
            default:
                MemoryMarshal.Write(destination, bits);
                break;
        }
    }
}
