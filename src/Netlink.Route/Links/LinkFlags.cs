namespace Netlink.Route;

/// <summary>Device flags of a link (IFF_* in <c>ifinfomsg.ifi_flags</c>).</summary>
[Flags]
public enum LinkFlags : uint
{
    /// <summary>No flag set.</summary>
    None = 0,

    /// <summary>IFF_UP: administratively up.</summary>
    Up = 1 << 0,

    /// <summary>IFF_BROADCAST: broadcast address valid.</summary>
    Broadcast = 1 << 1,

    /// <summary>IFF_DEBUG.</summary>
    Debug = 1 << 2,

    /// <summary>IFF_LOOPBACK: a loopback device.</summary>
    Loopback = 1 << 3,

    /// <summary>IFF_POINTOPOINT: a point-to-point link.</summary>
    PointToPoint = 1 << 4,

    /// <summary>IFF_NOTRAILERS.</summary>
    NoTrailers = 1 << 5,

    /// <summary>IFF_RUNNING: operationally up (RFC 2863 up).</summary>
    Running = 1 << 6,

    /// <summary>IFF_NOARP: no ARP.</summary>
    NoArp = 1 << 7,

    /// <summary>IFF_PROMISC: receives all packets.</summary>
    Promiscuous = 1 << 8,

    /// <summary>IFF_ALLMULTI: receives all multicast packets.</summary>
    AllMulticast = 1 << 9,

    /// <summary>IFF_MASTER: master of a load balancer.</summary>
    Master = 1 << 10,

    /// <summary>IFF_SLAVE: slave of a load balancer.</summary>
    Slave = 1 << 11,

    /// <summary>IFF_MULTICAST: supports multicast.</summary>
    Multicast = 1 << 12,

    /// <summary>IFF_PORTSEL: can set media type.</summary>
    PortSelect = 1 << 13,

    /// <summary>IFF_AUTOMEDIA: auto media select active.</summary>
    AutoMedia = 1 << 14,

    /// <summary>IFF_DYNAMIC: dialup device with changing addresses.</summary>
    Dynamic = 1 << 15,

    /// <summary>IFF_LOWER_UP: the driver signals L1 up.</summary>
    LowerUp = 1 << 16,

    /// <summary>IFF_DORMANT: the driver signals dormant.</summary>
    Dormant = 1 << 17,

    /// <summary>IFF_ECHO: echoes sent packets.</summary>
    Echo = 1 << 18,
}

/// <summary>RFC 2863 operational state of a link (IF_OPER_*, IFLA_OPERSTATE).</summary>
public enum LinkOperationalState : byte
{
    /// <summary>IF_OPER_UNKNOWN.</summary>
    Unknown = 0,

    /// <summary>IF_OPER_NOTPRESENT.</summary>
    NotPresent = 1,

    /// <summary>IF_OPER_DOWN.</summary>
    Down = 2,

    /// <summary>IF_OPER_LOWERLAYERDOWN.</summary>
    LowerLayerDown = 3,

    /// <summary>IF_OPER_TESTING.</summary>
    Testing = 4,

    /// <summary>IF_OPER_DORMANT.</summary>
    Dormant = 5,

    /// <summary>IF_OPER_UP.</summary>
    Up = 6,
}

/// <summary>Link mode (IFLA_LINKMODE).</summary>
public enum LinkMode : byte
{
    /// <summary>IF_LINK_MODE_DEFAULT.</summary>
    Default = 0,

    /// <summary>IF_LINK_MODE_DORMANT: limit upward transition to dormant.</summary>
    Dormant = 1,

    /// <summary>IF_LINK_MODE_TESTING: limit upward transition to testing.</summary>
    Testing = 2,
}
