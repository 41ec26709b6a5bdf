namespace Netlink.Route;

/// <summary>Route type (<c>rtm_type</c>, RTN_*).</summary>
public enum RouteType : byte
{
    /// <summary>Not set: unicast when adding, any type when deleting.</summary>
    Unspecified = 0,

    /// <summary>A gateway or direct route (RTN_UNICAST).</summary>
    Unicast = 1,

    /// <summary>A local interface route (RTN_LOCAL).</summary>
    Local = 2,

    /// <summary>A broadcast route, sent as broadcast (RTN_BROADCAST).</summary>
    Broadcast = 3,

    /// <summary>A local broadcast route, sent as unicast (RTN_ANYCAST).</summary>
    Anycast = 4,

    /// <summary>A multicast route (RTN_MULTICAST).</summary>
    Multicast = 5,

    /// <summary>Packets are dropped silently (RTN_BLACKHOLE).</summary>
    Blackhole = 6,

    /// <summary>Packets are dropped with "host unreachable" (RTN_UNREACHABLE).</summary>
    Unreachable = 7,

    /// <summary>Packets are dropped with "administratively prohibited" (RTN_PROHIBIT).</summary>
    Prohibit = 8,

    /// <summary>Lookup continues in the next table (RTN_THROW).</summary>
    Throw = 9,

    /// <summary>A network address translation rule (RTN_NAT).</summary>
    Nat = 10,

    /// <summary>An external resolver (RTN_XRESOLVE).</summary>
    ExternalResolve = 11,
}

/// <summary>Route scope (<c>rtm_scope</c>, RT_SCOPE_*): how far the destination is.</summary>
public enum RouteScope : byte
{
    /// <summary>Everywhere (RT_SCOPE_UNIVERSE): routes via a gateway.</summary>
    Universe = 0,

    /// <summary>Interior routes in the local autonomous system (RT_SCOPE_SITE).</summary>
    Site = 200,

    /// <summary>On the attached link (RT_SCOPE_LINK): direct routes.</summary>
    Link = 253,

    /// <summary>On this host (RT_SCOPE_HOST): local addresses.</summary>
    Host = 254,

    /// <summary>No destination (RT_SCOPE_NOWHERE); in a delete request: any scope.</summary>
    Nowhere = 255,
}

/// <summary>Who installed a route (<c>rtm_protocol</c>, RTPROT_*). Other byte values are allowed.</summary>
public enum RouteProtocol : byte
{
    /// <summary>Not set: "boot" when adding (as <c>ip route add</c>), any protocol when deleting or filtering.</summary>
    Unspecified = 0,

    /// <summary>ICMP redirect (RTPROT_REDIRECT).</summary>
    Redirect = 1,

    /// <summary>The kernel, e.g. for an address's prefix route (RTPROT_KERNEL).</summary>
    Kernel = 2,

    /// <summary>Installed during boot, the default of <c>ip route add</c> (RTPROT_BOOT).</summary>
    Boot = 3,

    /// <summary>Installed by an administrator (RTPROT_STATIC).</summary>
    Static = 4,

    /// <summary>GateD.</summary>
    Gated = 8,

    /// <summary>IPv6 router advertisement.</summary>
    RouterAdvertisement = 9,

    /// <summary>Merit MRT.</summary>
    Mrt = 10,

    /// <summary>Zebra / FRR.</summary>
    Zebra = 11,

    /// <summary>BIRD.</summary>
    Bird = 12,

    /// <summary>DECnet routing daemon.</summary>
    Dnrouted = 13,

    /// <summary>XORP.</summary>
    Xorp = 14,

    /// <summary>Netsukuku.</summary>
    Ntk = 15,

    /// <summary>A DHCP client.</summary>
    Dhcp = 16,

    /// <summary>Multicast routing daemon.</summary>
    Mrouted = 17,

    /// <summary>Keepalived.</summary>
    Keepalived = 18,

    /// <summary>Babel.</summary>
    Babel = 42,

    /// <summary>Open/R.</summary>
    OpenR = 99,

    /// <summary>BGP.</summary>
    Bgp = 186,

    /// <summary>IS-IS.</summary>
    Isis = 187,

    /// <summary>OSPF.</summary>
    Ospf = 188,

    /// <summary>RIP.</summary>
    Rip = 189,

    /// <summary>EIGRP.</summary>
    Eigrp = 192,
}

/// <summary>
/// Route and next-hop flags: the RTNH_F_* bits (low byte, also in <c>rtm_flags</c> of single-path
/// routes) and the RTM_F_* bits of <c>rtm_flags</c>.
/// </summary>
[Flags]
public enum RouteFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>The next hop is dead (RTNH_F_DEAD).</summary>
    Dead = 0x1,

    /// <summary>Pervasive next hop (RTNH_F_PERVASIVE).</summary>
    Pervasive = 0x2,

    /// <summary>The gateway is on the link even if no prefix says so (RTNH_F_ONLINK).</summary>
    OnLink = 0x4,

    /// <summary>Offloaded to hardware (RTNH_F_OFFLOAD).</summary>
    Offload = 0x8,

    /// <summary>The carrier of the device is down (RTNH_F_LINKDOWN).</summary>
    LinkDown = 0x10,

    /// <summary>The gateway is not resolved (RTNH_F_UNRESOLVED).</summary>
    Unresolved = 0x20,

    /// <summary>Trapping in hardware (RTNH_F_TRAP).</summary>
    Trap = 0x40,

    /// <summary>Notify the user of changes (RTM_F_NOTIFY).</summary>
    Notify = 0x100,

    /// <summary>A cloned (cache / exception) route (RTM_F_CLONED).</summary>
    Cloned = 0x200,

    /// <summary>Multipath equalizer (RTM_F_EQUALIZE).</summary>
    Equalize = 0x400,

    /// <summary>A prefix route of an address (RTM_F_PREFIX).</summary>
    Prefix = 0x800,

    /// <summary>Lookup result carries the table the route was found in (RTM_F_LOOKUP_TABLE).</summary>
    LookupTable = 0x1000,

    /// <summary>Lookup returns the matching FIB entry (RTM_F_FIB_MATCH).</summary>
    FibMatch = 0x2000,

    /// <summary>The route is offloaded (RTM_F_OFFLOAD).</summary>
    RouteOffload = 0x4000,

    /// <summary>The route traps (RTM_F_TRAP).</summary>
    RouteTrap = 0x8000,

    /// <summary>Offload failed (RTM_F_OFFLOAD_FAILED).</summary>
    RouteOffloadFailed = 0x20000000,
}

/// <summary>IPv6 router preference (RTA_PREF, ICMPV6_ROUTER_PREF_*).</summary>
public enum RoutePreference : byte
{
    /// <summary>Medium (the default).</summary>
    Medium = 0,

    /// <summary>High.</summary>
    High = 1,

    /// <summary>Invalid.</summary>
    Invalid = 2,

    /// <summary>Low.</summary>
    Low = 3,
}

/// <summary>Well-known routing table ids (RT_TABLE_*).</summary>
public static class RouteTables
{
    /// <summary>No table (RT_TABLE_UNSPEC); in a list filter: every table.</summary>
    public const uint All = 0;

    /// <summary>The compat table (RT_TABLE_COMPAT).</summary>
    public const uint Compat = 252;

    /// <summary>The default table (RT_TABLE_DEFAULT).</summary>
    public const uint Default = 253;

    /// <summary>The main table (RT_TABLE_MAIN), where routes go unless told otherwise.</summary>
    public const uint Main = 254;

    /// <summary>The local table (RT_TABLE_LOCAL): local and broadcast addresses.</summary>
    public const uint Local = 255;
}
