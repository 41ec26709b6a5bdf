using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Netlink.Codegen;

/// <summary>Conversions the generated typed layer needs between .NET values and wire values.</summary>
public static class NlValues
{
    /// <summary>The address a big-endian u32 with <c>display-hint: ipv4</c> holds (the decoded host-order value).</summary>
    public static IPAddress FromIPv4Value(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    /// <summary>The host-order value of an IPv4 address, to write as a big-endian u32.</summary>
    /// <exception cref="ArgumentException">The address is not IPv4.</exception>
    public static uint ToIPv4Value(IPAddress address, string attribute)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily != AddressFamily.InterNetwork || !address.TryWriteBytes(bytes, out int written) || written != 4)
        {
            throw new ArgumentException($"attribute '{attribute}' takes an IPv4 address; {address} is {address.AddressFamily}", nameof(address));
        }

        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    /// <summary>The bytes of an address, checked against the attribute's hint (4 for ipv4, 16 for ipv6, either for ipv4-or-v6).</summary>
    /// <exception cref="ArgumentException">The address is of the wrong family.</exception>
    public static byte[] AddressBytes(IPAddress address, DescribeHint hint, int exactLength, string attribute)
    {
        ArgumentNullException.ThrowIfNull(address);
        byte[] bytes = address.GetAddressBytes();
        if (hint != DescribeHint.Address || (exactLength > 0 && bytes.Length != exactLength) || bytes.Length is not (4 or 16))
        {
            string expected = exactLength == 4 ? "an IPv4 address" : exactLength == 16 ? "an IPv6 address" : "an IPv4 or IPv6 address";
            throw new ArgumentException($"attribute '{attribute}' takes {expected}; {address} is {address.AddressFamily}", nameof(address));
        }

        return bytes;
    }

    /// <summary>The address in a 4- or 16-byte payload; false for other lengths.</summary>
    public static bool TryAddress(ReadOnlySpan<byte> payload, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address)
    {
        address = Encoding.InetAddress.Read(payload);
        return address is not null;
    }

    /// <summary>A C array of scalars decoded as <typeparamref name="T"/> (a trailing partial element is left out).</summary>
    public static T[] ToArray<T>(ReadOnlySpan<byte> payload, NlWire wire)
        where T : unmanaged
    {
        int size = NlScalar.SizeOf(wire);
        var values = new T[payload.Length / size];
        for (int i = 0; i < values.Length; i++)
        {
            NlScalar.TryRead(payload.Slice(i * size, size), wire, out values[i]);
        }

        return values;
    }

    /// <summary>A list as an array, without copying when it already is one.</summary>
    public static T[] AsArray<T>(IReadOnlyList<T> values) => values as T[] ?? [.. values];

    /// <summary>Id <paramref name="index"/> of a nest-type-value entry, which must carry exactly <paramref name="count"/>.</summary>
    /// <exception cref="ArgumentException">The entry has another number of ids.</exception>
    public static ushort TypeValueId(IReadOnlyList<ushort> ids, int index, int count, string attribute)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count != count)
        {
            throw new ArgumentException($"entries of attribute '{attribute}' carry {count} id(s); one has {ids.Count}", nameof(ids));
        }

        return ids[index];
    }

    /// <summary>The bits of an integer or enum value, sign-extended for signed types, for <see cref="NlScalar.Write"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits<T>(T value, bool signed)
        where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() == 1)
        {
            byte b = Unsafe.BitCast<T, byte>(value);
            return signed ? unchecked((ulong)(sbyte)b) : b;
        }

        if (Unsafe.SizeOf<T>() == 2)
        {
            ushort s = Unsafe.BitCast<T, ushort>(value);
            return signed ? unchecked((ulong)(short)s) : s;
        }

        if (Unsafe.SizeOf<T>() == 4)
        {
            uint i = Unsafe.BitCast<T, uint>(value);
            return signed ? unchecked((ulong)(int)i) : i;
        }

        return Unsafe.BitCast<T, ulong>(value);
    }

    /// <summary>
    /// The selector to write for a sub-message: the one set explicitly, else the one the sub-message's
    /// format implies.
    /// </summary>
    /// <exception cref="ArgumentException">Both are given and differ.</exception>
    public static string? Selector(string? explicitValue, string? implied, string attribute)
    {
        if (explicitValue is not null && implied is not null && implied.Length > 0 && !string.Equals(explicitValue, implied, StringComparison.Ordinal))
        {
            throw new ArgumentException($"selector '{attribute}' is \"{explicitValue}\" but the sub-message written with it has the \"{implied}\" format", attribute);
        }

        return explicitValue ?? implied;
    }
}
