namespace Netlink.Route;

/// <summary>Link-layer type of a link (ARPHRD_* in <c>ifinfomsg.ifi_type</c>). Values not listed still round-trip as numbers.</summary>
public enum ArpHardwareType : ushort
{
    /// <summary>ARPHRD_NETROM (0).</summary>
    NetRom = 0,

    /// <summary>ARPHRD_ETHER: Ethernet (veth, bridge, macvlan, vxlan…).</summary>
    Ether = 1,

    /// <summary>ARPHRD_IEEE802.</summary>
    Ieee802 = 6,

    /// <summary>ARPHRD_INFINIBAND.</summary>
    Infiniband = 32,

    /// <summary>ARPHRD_CAN.</summary>
    Can = 280,

    /// <summary>ARPHRD_PPP.</summary>
    Ppp = 512,

    /// <summary>ARPHRD_TUNNEL: IPIP.</summary>
    Tunnel = 768,

    /// <summary>ARPHRD_TUNNEL6: IP6IP6.</summary>
    Tunnel6 = 769,

    /// <summary>ARPHRD_LOOPBACK.</summary>
    Loopback = 772,

    /// <summary>ARPHRD_SIT: IPv6-in-IPv4.</summary>
    Sit = 776,

    /// <summary>ARPHRD_IPGRE.</summary>
    IpGre = 778,

    /// <summary>ARPHRD_IEEE80211.</summary>
    Ieee80211 = 801,

    /// <summary>ARPHRD_IEEE80211_RADIOTAP.</summary>
    Ieee80211Radiotap = 803,

    /// <summary>ARPHRD_IP6GRE.</summary>
    Ip6Gre = 823,

    /// <summary>ARPHRD_NETLINK.</summary>
    Netlink = 824,

    /// <summary>ARPHRD_6LOWPAN.</summary>
    SixLowpan = 825,

    /// <summary>ARPHRD_NONE: no link-layer header (tun, wireguard).</summary>
    None = 0xfffe,

    /// <summary>ARPHRD_VOID.</summary>
    Void = 0xffff,
}
