using System.Net;
using System.Net.Sockets;

namespace Netlink.Encoding;

/// <summary>
/// Conversions between .NET IP types and the raw forms netlink uses: Linux address family
/// numbers (AF_INET = 2, AF_INET6 = 10) and 4- or 16-byte network-order address payloads.
/// </summary>
public static class InetAddress
{
    /// <summary>AF_UNSPEC.</summary>
    public const byte Unspecified = 0;

    /// <summary>AF_INET.</summary>
    public const byte Inet = 2;

    /// <summary>AF_BRIDGE.</summary>
    public const byte Bridge = 7;

    /// <summary>AF_INET6.</summary>
    public const byte Inet6 = 10;

    /// <summary>AF_PACKET.</summary>
    public const byte Packet = 17;

    /// <summary>The Linux family number of an address (AF_INET or AF_INET6).</summary>
    /// <exception cref="ArgumentException">The address is neither IPv4 nor IPv6.</exception>
    public static byte FamilyOf(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => Inet,
            AddressFamily.InterNetworkV6 => Inet6,
            _ => throw new ArgumentException($"{address} is not an IPv4 or IPv6 address", nameof(address)),
        };
    }

    /// <summary>The Linux family number of a .NET address family (InterNetwork, InterNetworkV6, Unspecified).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Another family.</exception>
    public static byte ToLinux(AddressFamily family) => family switch
    {
        AddressFamily.Unspecified => Unspecified,
        AddressFamily.InterNetwork => Inet,
        AddressFamily.InterNetworkV6 => Inet6,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "only Unspecified, InterNetwork and InterNetworkV6 are supported"),
    };

    /// <summary>The .NET family of a Linux family number (Unknown for others than AF_UNSPEC/AF_INET/AF_INET6).</summary>
    public static AddressFamily FromLinux(byte family) => family switch
    {
        Unspecified => AddressFamily.Unspecified,
        Inet => AddressFamily.InterNetwork,
        Inet6 => AddressFamily.InterNetworkV6,
        _ => AddressFamily.Unknown,
    };

    /// <summary>Size in bytes of an address of a Linux family: 4, 16, or 0 if unknown.</summary>
    public static int SizeOf(byte family) => family switch
    {
        Inet => 4,
        Inet6 => 16,
        _ => 0,
    };

    /// <summary>Reads a 4- or 16-byte address payload; null for any other length.</summary>
    public static IPAddress? Read(ReadOnlySpan<byte> payload) => payload.Length is 4 or 16 ? new IPAddress(payload) : null;

    /// <summary>Reads the first 4 (AF_INET) or 16 (AF_INET6) bytes of a fixed-size field; null for other families or short fields.</summary>
    public static IPAddress? Read(ReadOnlySpan<byte> field, byte family)
    {
        int size = SizeOf(family);
        return size != 0 && field.Length >= size ? new IPAddress(field[..size]) : null;
    }

    /// <summary>Writes the address in network order without allocating; returns the bytes written (4 or 16).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public static int Write(IPAddress address, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.TryWriteBytes(destination, out int written))
        {
            throw new ArgumentException($"{destination.Length} bytes cannot hold {address}", nameof(destination));
        }

        return written;
    }

    /// <summary>The first byte of the address in network order (no copy of the address bytes).</summary>
    public static byte FirstByte(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        return address.TryWriteBytes(bytes, out int written) && written > 0
            ? bytes[0]
            : throw new ArgumentException($"{address} has no address bytes", nameof(address));
    }
}
