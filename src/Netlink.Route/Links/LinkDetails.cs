using System.Net;

namespace Netlink.Route;

/// <summary>
/// Kind-specific settings of a link, decoded from IFLA_LINKINFO/IFLA_INFO_DATA. One derived
/// record per modelled kind; <see cref="Link.Kind"/> names the kind even when no details are modelled.
/// </summary>
public abstract record LinkDetails
{
    /// <summary>The kind these details belong to ("veth", "bridge"…).</summary>
    public abstract string Kind { get; }
}

/// <summary>
/// A veth end. The kernel reports no veth attributes in dumps: the peer is
/// <see cref="Link.ParentIndex"/> (in <see cref="Link.LinkNetnsId"/> when it is in another namespace).
/// </summary>
public sealed record VethDetails : LinkDetails
{
    /// <inheritdoc/>
    public override string Kind => "veth";

    /// <summary>The peer's index (IFLA_LINK), if reported.</summary>
    public int? PeerIndex { get; init; }

    /// <summary>The peer's namespace id, when the peer lives in another namespace.</summary>
    public int? PeerNetnsId { get; init; }
}

/// <summary>Bridge settings (IFLA_BR_*).</summary>
public sealed record BridgeDetails : LinkDetails
{
    /// <inheritdoc/>
    public override string Kind => "bridge";

    /// <summary>STP forward delay (IFLA_BR_FORWARD_DELAY).</summary>
    public TimeSpan? ForwardDelay { get; init; }

    /// <summary>STP hello time (IFLA_BR_HELLO_TIME).</summary>
    public TimeSpan? HelloTime { get; init; }

    /// <summary>STP max message age (IFLA_BR_MAX_AGE).</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>FDB ageing time (IFLA_BR_AGEING_TIME).</summary>
    public TimeSpan? AgeingTime { get; init; }

    /// <summary>STP state: 0 off, 1 kernel STP, 2 user-space STP (IFLA_BR_STP_STATE).</summary>
    public uint? StpState { get; init; }

    /// <summary>True if STP runs (<see cref="StpState"/> not 0).</summary>
    public bool StpEnabled => StpState is > 0;

    /// <summary>Bridge priority (IFLA_BR_PRIORITY).</summary>
    public ushort? Priority { get; init; }

    /// <summary>VLAN filtering on (IFLA_BR_VLAN_FILTERING).</summary>
    public bool? VlanFiltering { get; init; }

    /// <summary>VLAN protocol (IFLA_BR_VLAN_PROTOCOL), e.g. 0x8100.</summary>
    public ushort? VlanProtocol { get; init; }

    /// <summary>Default PVID (IFLA_BR_VLAN_DEFAULT_PVID).</summary>
    public ushort? VlanDefaultPvid { get; init; }

    /// <summary>Multicast snooping on (IFLA_BR_MCAST_SNOOPING).</summary>
    public bool? MulticastSnooping { get; init; }
}

/// <summary>Settings of a bridge port (IFLA_BRPORT_* in IFLA_INFO_SLAVE_DATA).</summary>
public sealed record BridgePortDetails
{
    /// <summary>STP port state: 0 disabled, 1 listening, 2 learning, 3 forwarding, 4 blocking.</summary>
    public byte? State { get; init; }

    /// <summary>Port priority.</summary>
    public ushort? Priority { get; init; }

    /// <summary>Port path cost.</summary>
    public uint? Cost { get; init; }

    /// <summary>Learning on.</summary>
    public bool? Learning { get; init; }

    /// <summary>Unicast flooding on.</summary>
    public bool? UnicastFlood { get; init; }
}

/// <summary>macvlan/macvtap settings (IFLA_MACVLAN_*).</summary>
public sealed record MacvlanDetails : LinkDetails
{
    /// <summary>Creates details for "macvlan" (or "macvtap").</summary>
    public MacvlanDetails(string kind = "macvlan") => Kind = kind;

    /// <inheritdoc/>
    public override string Kind { get; }

    /// <summary>The mode (IFLA_MACVLAN_MODE).</summary>
    public MacvlanMode? Mode { get; init; }

    /// <summary>Flags (IFLA_MACVLAN_FLAGS), e.g. 1 = nopromisc.</summary>
    public uint? Flags { get; init; }
}

/// <summary>VXLAN settings (IFLA_VXLAN_*).</summary>
public sealed record VxlanDetails : LinkDetails
{
    /// <inheritdoc/>
    public override string Kind => "vxlan";

    /// <summary>VXLAN network identifier (IFLA_VXLAN_ID).</summary>
    public uint? Id { get; init; }

    /// <summary>Multicast group (IFLA_VXLAN_GROUP/GROUP6 holding a multicast address).</summary>
    public IPAddress? Group { get; init; }

    /// <summary>Unicast remote (IFLA_VXLAN_GROUP/GROUP6 holding a unicast address).</summary>
    public IPAddress? Remote { get; init; }

    /// <summary>Local source address (IFLA_VXLAN_LOCAL/LOCAL6).</summary>
    public IPAddress? Local { get; init; }

    /// <summary>UDP destination port (IFLA_VXLAN_PORT).</summary>
    public ushort? Port { get; init; }

    /// <summary>Index of the underlying device (IFLA_VXLAN_LINK).</summary>
    public int? ParentIndex { get; init; }

    /// <summary>Learning on (IFLA_VXLAN_LEARNING).</summary>
    public bool? Learning { get; init; }

    /// <summary>TTL; 0 = inherit from the inner packet (IFLA_VXLAN_TTL).</summary>
    public byte? Ttl { get; init; }

    /// <summary>TOS (IFLA_VXLAN_TOS).</summary>
    public byte? Tos { get; init; }

    /// <summary>FDB ageing (IFLA_VXLAN_AGEING).</summary>
    public TimeSpan? Ageing { get; init; }

    /// <summary>Maximum FDB entries, 0 = unlimited (IFLA_VXLAN_LIMIT).</summary>
    public uint? Limit { get; init; }

    /// <summary>Source port range (IFLA_VXLAN_PORT_RANGE).</summary>
    public (ushort Low, ushort High)? PortRange { get; init; }

    /// <summary>UDP checksums on IPv4 (IFLA_VXLAN_UDP_CSUM).</summary>
    public bool? UdpChecksum { get; init; }
}

/// <summary>macvlan modes (MACVLAN_MODE_*).</summary>
public enum MacvlanMode : uint
{
    /// <summary>MACVLAN_MODE_PRIVATE: no communication with other macvlans on the same parent.</summary>
    Private = 1,

    /// <summary>MACVLAN_MODE_VEPA: traffic goes through the external switch.</summary>
    Vepa = 2,

    /// <summary>MACVLAN_MODE_BRIDGE: macvlans on the same parent talk directly.</summary>
    Bridge = 4,

    /// <summary>MACVLAN_MODE_PASSTHRU: one macvlan takes over the parent.</summary>
    Passthru = 8,

    /// <summary>MACVLAN_MODE_SOURCE: accept by source MAC.</summary>
    Source = 16,
}
