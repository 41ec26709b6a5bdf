using System.Net;
using System.Net.Sockets;

namespace Netlink.Route.Iproute2;

/// <summary>
/// Addresses and prefixes in the forms <c>ip</c> accepts, parsed the way it parses them:
/// <list type="bullet">
/// <item>IPv4 is one to four dot-separated parts, each a number of 0-255 (decimal, <c>0x</c> hex or
/// <c>0</c> octal); missing parts are zero, so <c>1.2.3/24</c> is 1.2.3.0/24 and <c>10/8</c> is 10.0.0.0/8.
/// A bare number above 255 (<c>167772161</c>) is refused, not read as a 32-bit address.</item>
/// <item>IPv6 is the usual text form. A zone id (<c>fe80::1%eth0</c>) is refused: netlink
/// addresses carry no zone, and dropping it silently would act on something else.</item>
/// <item><c>default</c>, <c>any</c> and <c>all</c> stand for the zero prefix of the family.</item>
/// <item>A prefix length is a number in the same forms as above, at most 32 or 128.</item>
/// </list>
/// Host bits beyond the length are kept (an address with its subnet, <c>10.0.0.1/24</c>).
/// </summary>
public static class IpAddressText
{
    /// <summary>Parses an address of <paramref name="family"/> (Unspecified: either).</summary>
    /// <exception cref="ArgumentException">Not an address of that family; the message names the text.</exception>
    public static IPAddress ParseAddress(string text, AddressFamily family = AddressFamily.Unspecified, string parameterName = "address") =>
        TryParseAddress(text, family, out IPAddress? address, out string? error)
            ? address
            : throw new ArgumentException(error, parameterName);

    /// <summary>Parses an address; false with the reason in <paramref name="error"/>.</summary>
    public static bool TryParseAddress(string? text, AddressFamily family, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address, out string? error)
    {
        address = null;
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "an address is expected, got nothing";
            return false;
        }

        if (text.Contains('%', StringComparison.Ordinal))
        {
            error = $"\"{text}\" has a zone id (%...), which netlink addresses do not carry; give the device with \"dev\" instead";
            return false;
        }

        bool parsed = text.Contains(':', StringComparison.Ordinal) ? TryParseIPv6(text, out address) : TryParseIPv4(text, out address);
        if (!parsed || address is null)
        {
            error = $"{Expected(family)} is expected rather than \"{text}\"";
            address = null;
            return false;
        }

        if (family != AddressFamily.Unspecified && address.AddressFamily != family)
        {
            error = $"{Expected(family)} is expected rather than \"{text}\"";
            address = null;
            return false;
        }

        return true;
    }

    /// <summary>Parses <c>ADDRESS[/LENGTH]</c> or <c>default</c>/<c>any</c>/<c>all</c>; without a length the prefix is a host prefix (32 or 128).</summary>
    /// <param name="text">The text.</param>
    /// <param name="family">The expected family; Unspecified takes the family of the text (and IPv4 for <c>default</c>).</param>
    /// <param name="parameterName">Named in the exception.</param>
    /// <exception cref="ArgumentException">Not a prefix of that family; the message names the text.</exception>
    public static (IPAddress Address, int PrefixLength) ParsePrefix(string text, AddressFamily family = AddressFamily.Unspecified, string parameterName = "prefix") =>
        TryParsePrefix(text, family, out IPAddress? address, out int length, out string? error)
            ? (address, length)
            : throw new ArgumentException(error, parameterName);

    /// <summary>Parses a prefix; false with the reason in <paramref name="error"/>.</summary>
    public static bool TryParsePrefix(
        string? text,
        AddressFamily family,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address,
        out int prefixLength,
        out string? error)
    {
        prefixLength = 0;
        if (text is "default" or "any" or "all")
        {
            address = family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
            error = null;
            return true;
        }

        int slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        string? addressText = slash < 0 ? text : text![..slash];
        if (!TryParseAddress(addressText, family, out address, out error))
        {
            if (error is not null && !error.Contains("zone id", StringComparison.Ordinal))
            {
                error = $"any valid prefix is expected rather than \"{text}\"";
            }

            return false;
        }

        int max = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        uint length = (uint)max;
        if (slash >= 0 && (!Iproute2Number.TryParseUInt32(text!.AsSpan(slash + 1), out length) || length > max))
        {
            error = $"any valid prefix is expected rather than \"{text}\"";
            address = null;
            return false;
        }

        prefixLength = (int)length;
        return true;
    }

    /// <summary>The network an address and prefix length denote, host bits cleared (<c>10.1.2.3/16</c> is 10.1.0.0/16), as selectors read a prefix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The length is outside 0-32 (IPv4) or 0-128 (IPv6).</exception>
    public static IPNetwork ToNetwork(IPAddress address, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        byte[] bytes = address.GetAddressBytes();
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, bytes.Length * 8);
        for (int bit = prefixLength; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPNetwork(new IPAddress(bytes), prefixLength);
    }

    private static string Expected(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => "an inet address",
        AddressFamily.InterNetworkV6 => "an inet6 address",
        _ => "an inet or inet6 address",
    };

    private static bool TryParseIPv4(string text, out IPAddress? address)
    {
        address = null;
        Span<byte> bytes = stackalloc byte[4];
        bytes.Clear();
        int part = 0;
        foreach (Range range in text.AsSpan().Split('.'))
        {
            if (part == 4 || !Iproute2Number.TryParseUInt32(text.AsSpan()[range], out uint value) || value > byte.MaxValue)
            {
                return false;
            }

            bytes[part++] = (byte)value;
        }

        address = new IPAddress(bytes);
        return true;
    }

    private static bool TryParseIPv6(string text, out IPAddress? address) =>
        IPAddress.TryParse(text, out address) && address.AddressFamily == AddressFamily.InterNetworkV6;
}
