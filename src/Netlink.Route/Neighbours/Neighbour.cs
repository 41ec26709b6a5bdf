using System.Net;
using System.Net.NetworkInformation;

namespace Netlink.Route;

/// <summary>The family of a neighbour entry (ndm_family).</summary>
public enum NeighbourFamily : byte
{
    /// <summary>Any (dump filters only).</summary>
    Unspecified = 0,

    /// <summary>IPv4 ARP entries (AF_INET).</summary>
    Inet = 2,

    /// <summary>Bridge forwarding database entries (AF_BRIDGE).</summary>
    Bridge = 7,

    /// <summary>IPv6 neighbour discovery entries (AF_INET6).</summary>
    Inet6 = 10,
}

/// <summary>Neighbour unreachability detection state (ndm_state, NUD_*).</summary>
[Flags]
public enum NeighbourState : ushort
{
    /// <summary>No state (NUD_NONE).</summary>
    None = 0,

    /// <summary>Resolution in progress (NUD_INCOMPLETE).</summary>
    Incomplete = 0x01,

    /// <summary>Confirmed reachable (NUD_REACHABLE).</summary>
    Reachable = 0x02,

    /// <summary>Valid but not confirmed recently (NUD_STALE).</summary>
    Stale = 0x04,

    /// <summary>Waiting before probing (NUD_DELAY).</summary>
    Delay = 0x08,

    /// <summary>Probing (NUD_PROBE).</summary>
    Probe = 0x10,

    /// <summary>Resolution failed (NUD_FAILED).</summary>
    Failed = 0x20,

    /// <summary>Valid, no resolution needed (NUD_NOARP).</summary>
    NoArp = 0x40,

    /// <summary>Static, never expires (NUD_PERMANENT).</summary>
    Permanent = 0x80,
}

/// <summary>Neighbour flags (ndm_flags, NTF_*).</summary>
[Flags]
public enum NeighbourFlags : byte
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>NTF_USE.</summary>
    Use = 0x01,

    /// <summary>The entry belongs to the device itself (NTF_SELF; FDB).</summary>
    Self = 0x02,

    /// <summary>The entry belongs to the master bridge (NTF_MASTER; FDB).</summary>
    Master = 0x04,

    /// <summary>A proxy entry (NTF_PROXY).</summary>
    Proxy = 0x08,

    /// <summary>Learned externally (NTF_EXT_LEARNED).</summary>
    ExternallyLearned = 0x10,

    /// <summary>Offloaded (NTF_OFFLOADED).</summary>
    Offloaded = 0x20,

    /// <summary>Sticky FDB entry (NTF_STICKY).</summary>
    Sticky = 0x40,

    /// <summary>The neighbour is a router (NTF_ROUTER).</summary>
    Router = 0x80,
}

/// <summary>
/// A neighbour entry: an ARP (IPv4) or NDP (IPv6) cache entry, or a bridge FDB entry
/// (<see cref="NeighbourFamily.Bridge"/>). Listed by <see cref="RouteClient.ListNeighboursAsync"/>;
/// taken by <see cref="RouteClient.AddNeighbourAsync"/> and friends, where unset members take the
/// defaults of <c>ip neigh add</c> (state permanent) and <c>bridge fdb add</c> (flag self).
/// </summary>
public sealed record Neighbour
{
    /// <summary>The family; for requests, taken from <see cref="Destination"/> when unspecified.</summary>
    public NeighbourFamily Family { get; init; }

    /// <summary>The interface (ndm_ifindex); required in requests.</summary>
    public int InterfaceIndex { get; init; }

    /// <summary>The neighbour's IP address (NDA_DST); null for plain FDB entries.</summary>
    public IPAddress? Destination { get; init; }

    /// <summary>The link-layer address (NDA_LLADDR), or null (e.g. incomplete/failed entries).</summary>
    public PhysicalAddress? LinkLayerAddress { get; init; }

    /// <summary>The state. Default in requests: permanent.</summary>
    public NeighbourState State { get; init; } = NeighbourState.Permanent;

    /// <summary>Flags (NTF_*). FDB requests without Self or Master get Self, as <c>bridge fdb add</c> does.</summary>
    public NeighbourFlags Flags { get; init; }

    /// <summary>The ndm_type byte (a route type, normally 0 or unicast).</summary>
    public byte Type { get; init; }

    /// <summary>The master device (NDA_MASTER), or 0.</summary>
    public int MasterIndex { get; init; }

    /// <summary>The VLAN of an FDB entry (NDA_VLAN), or null.</summary>
    public ushort? Vlan { get; init; }

    /// <summary>The VXLAN network id of an FDB entry (NDA_VNI), or null.</summary>
    public uint? Vni { get; init; }

    /// <summary>Number of probes sent (NDA_PROBES), or null.</summary>
    public uint? Probes { get; init; }

    /// <summary>Who installed the entry (NDA_PROTOCOL), or null.</summary>
    public byte? Protocol { get; init; }
}
