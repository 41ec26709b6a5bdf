using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Netlink.Encoding;

namespace Netlink.Route;

/// <summary>
/// Prefix helpers for routes and rules. Parsing is strict: an address with bits set beyond the
/// prefix length (<c>10.0.0.1/24</c>) is rejected rather than silently normalised, because the
/// kernel rejects such a route destination too ("Invalid prefix for given prefix length").
/// </summary>
public static class IPPrefix
{
    /// <summary>
    /// Parses <c>ADDRESS/LENGTH</c>, a bare address (a host prefix), or <c>default</c>/<c>all</c>
    /// (the zero prefix of <paramref name="defaultFamily"/>).
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="defaultFamily">The family of <c>default</c> (InterNetwork or InterNetworkV6).</param>
    /// <param name="parameterName">Named in the exception.</param>
    /// <exception cref="ArgumentException">Not a prefix, a length out of range, or host bits beyond the prefix.</exception>
    public static IPNetwork Parse(string text, AddressFamily defaultFamily = AddressFamily.InterNetwork, string parameterName = "prefix")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text is "default" or "all" or "any")
        {
            return new IPNetwork(defaultFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        }

        int slash = text.IndexOf('/', StringComparison.Ordinal);
        string addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out IPAddress? address) || addressText.Contains('%', StringComparison.Ordinal))
        {
            throw new ArgumentException($"\"{text}\" is not an IP prefix", parameterName);
        }

        int maxLength = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        int length = maxLength;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > maxLength))
        {
            throw new ArgumentException($"\"{text}\": prefix length must be 0-{maxLength}", parameterName);
        }

        if (HasHostBits(address, length))
        {
            throw new ArgumentException($"\"{text}\": the address has bits set beyond the /{length} prefix (did you mean {Create(address.GetAddressBytes(), InetAddress.FamilyOf(address), length)}?)", parameterName);
        }

        return new IPNetwork(address, length);
    }

    /// <summary>True if <paramref name="address"/> has any bit set beyond the first <paramref name="prefixLength"/> bits.</summary>
    public static bool HasHostBits(IPAddress address, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        int size = InetAddress.Write(address, bytes);
        for (int bit = Math.Max(prefixLength, 0); bit < size * 8; bit++)
        {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Formats like iproute2: <c>10.0.0.0/24</c>, a host prefix without its length (<c>10.0.0.1</c>), <c>default</c> for /0.</summary>
    public static string Format(IPNetwork network) =>
        network.PrefixLength == 0
            ? "default"
            : IsHostPrefix(network)
                ? network.BaseAddress.ToString()
                : network.ToString();

    /// <summary>
    /// Writes <see cref="Format(IPNetwork)"/>'s text as UTF-8 into <paramref name="utf8Destination"/>
    /// without allocating (the text is ASCII; 50 bytes always suffice), for printers of large tables.
    /// </summary>
    /// <returns>False if <paramref name="utf8Destination"/> is too short.</returns>
    public static bool TryFormat(IPNetwork network, Span<byte> utf8Destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (network.PrefixLength == 0)
        {
            if (!"default"u8.TryCopyTo(utf8Destination))
            {
                return false;
            }

            bytesWritten = 7;
            return true;
        }

        if (!network.BaseAddress.TryFormat(utf8Destination, out int written))
        {
            return false;
        }

        if (!IsHostPrefix(network))
        {
            if (written >= utf8Destination.Length
                || !network.PrefixLength.TryFormat(utf8Destination[(written + 1)..], out int digits, provider: CultureInfo.InvariantCulture))
            {
                return false;
            }

            utf8Destination[written] = (byte)'/';
            written += 1 + digits;
        }

        bytesWritten = written;
        return true;
    }

    /// <summary>True for a /32 (IPv4) or /128 (IPv6): iproute2 prints those as a bare address.</summary>
    private static bool IsHostPrefix(IPNetwork network) =>
        network.PrefixLength == (network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);

    /// <summary>Builds a prefix from raw address bytes, clearing bits beyond the length (never throws on odd input).</summary>
    internal static IPNetwork Create(ReadOnlySpan<byte> address, byte family, int prefixLength)
    {
        int size = InetAddress.SizeOf(family);
        prefixLength = Math.Clamp(prefixLength, 0, size * 8);
        if (prefixLength == 0)
        {
            return new IPNetwork(size == 16 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        }

        Span<byte> bytes = stackalloc byte[16];
        bytes = bytes[..size];
        bytes.Clear();
        address[..Math.Min(address.Length, size)].CopyTo(bytes);
        for (int bit = prefixLength; bit < size * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPNetwork(new IPAddress(bytes), prefixLength);
    }
}
