using System.Globalization;

namespace Netlink.Route.Iproute2;

/// <summary>Names of <see cref="ArpHardwareType"/> values as iproute2 prints them (<c>link/ether</c>, <c>link_type</c>).</summary>
public static class ArpHardwareTypeNames
{
    /// <summary>"ether", "loopback", "none"…; "[N]" for a number iproute2 would not name either.</summary>
    public static string Format(ArpHardwareType type) => type switch
    {
        ArpHardwareType.NetRom => "netrom",
        ArpHardwareType.Ether => "ether",
        ArpHardwareType.Ieee802 => "ieee802",
        ArpHardwareType.Infiniband => "infiniband",
        ArpHardwareType.Can => "can",
        ArpHardwareType.Ppp => "ppp",
        ArpHardwareType.Tunnel => "ipip",
        ArpHardwareType.Tunnel6 => "tunnel6",
        ArpHardwareType.Loopback => "loopback",
        ArpHardwareType.Sit => "sit",
        ArpHardwareType.IpGre => "gre",
        ArpHardwareType.Ieee80211 => "ieee802.11",
        ArpHardwareType.Ieee80211Radiotap => "ieee802.11/radiotap",
        ArpHardwareType.Ip6Gre => "gre6",
        ArpHardwareType.Netlink => "netlink",
        ArpHardwareType.SixLowpan => "6lowpan",
        ArpHardwareType.None => "none",
        ArpHardwareType.Void => "void",
        _ => "[" + ((ushort)type).ToString(CultureInfo.InvariantCulture) + "]",
    };
}
