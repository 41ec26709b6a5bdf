using System.Globalization;
using System.Net.NetworkInformation;
using Netlink.Packet;
using Nlctl.Cli;

namespace Nlctl.Objects.Packet;

/// <summary>The values the packet verbs read and print: EtherTypes, hardware addresses, hex payloads, packet types.</summary>
internal static class PacketWords
{
    public static ushort EtherType(string text)
    {
        string digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        NumberStyles style = digits.Length != text.Length ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        if (!ushort.TryParse(digits, style, CultureInfo.InvariantCulture, out ushort value))
        {
            throw UsageException.Invalid(text, "not an EtherType (use hex like 0x88b5 or a decimal number up to 65535)");
        }

        return value >= EtherTypes.Minimum
            ? value
            : throw UsageException.Invalid(text, $"EtherType 0x{value:x4} is below 0x{EtherTypes.Minimum:x4}: smaller values are 802.3 frame lengths");
    }

    public static PhysicalAddress HardwareAddress(string text) =>
        PhysicalAddress.TryParse(text, out PhysicalAddress? address) && address.GetAddressBytes().Length > 0
            ? address
            : throw UsageException.Invalid(text, "not a hardware address (use 02:00:00:00:00:0b)");

    public static byte[] Hex(string text)
    {
        string digits = string.Concat(text.Where(c => c is not (':' or '-' or ' ')));
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            throw UsageException.Invalid(text, "not hex bytes (use e.g. 48656c6c6f or 48:65:6c:6c:6f)");
        }
    }

    public static string Mac(PhysicalAddress? address) =>
        address is null ? "-" : string.Join(':', address.GetAddressBytes().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    public static string PacketTypeName(PacketType type) => type switch
    {
        PacketType.Host => "host",
        PacketType.Broadcast => "broadcast",
        PacketType.Multicast => "multicast",
        PacketType.OtherHost => "otherhost",
        PacketType.Outgoing => "outgoing",
        PacketType.Loopback => "loopback",
        _ => ((byte)type).ToString(CultureInfo.InvariantCulture),
    };
}
