using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Netlink.Route.Internal;

/// <summary>
/// Parses "ADDRESS[/LEN]" the way iproute2 accepts prefixes: host bits may be set ("10.0.0.1/24"),
/// which <see cref="IPNetwork"/> refuses. Without "/LEN" the prefix is the full length (32 or 128).
/// </summary>
internal static class IPPrefixText
{
    /// <summary>Parses <paramref name="text"/>; false with a reason when it is not an IPv4/IPv6 prefix.</summary>
    public static bool TryParse(string? text, out IPAddress address, out int prefixLength, out string? error)
    {
        address = IPAddress.None;
        prefixLength = 0;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty prefix";
            return false;
        }

        int slash = text.IndexOf('/');
        string addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out IPAddress? parsed) || parsed.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            || (parsed.AddressFamily == AddressFamily.InterNetworkV6 && parsed.ScopeId != 0 && addressText.Contains('%')))
        {
            error = $"\"{addressText}\" is not an IPv4 or IPv6 address";
            return false;
        }

        int max = MaxPrefixLength(parsed.AddressFamily);
        if (slash < 0)
        {
            prefixLength = max;
        }
        else if (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefixLength) || prefixLength > max)
        {
            error = $"\"{text[(slash + 1)..]}\" is not a prefix length for {(max == 32 ? "IPv4" : "IPv6")} (0-{max})";
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>32 for IPv4, 128 for IPv6.</summary>
    public static int MaxPrefixLength(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? 128 : 32;

    /// <summary>The network containing <paramref name="address"/> (host bits cleared).</summary>
    public static IPNetwork NetworkOf(IPAddress address, int prefixLength)
    {
        byte[] bytes = address.GetAddressBytes();
        for (int bit = prefixLength; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPNetwork(new IPAddress(bytes), prefixLength);
    }

    /// <summary>The IPv4 broadcast address of the prefix (all host bits set).</summary>
    public static IPAddress BroadcastOf(IPAddress address, int prefixLength)
    {
        byte[] bytes = address.GetAddressBytes();
        for (int bit = prefixLength; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }
}
