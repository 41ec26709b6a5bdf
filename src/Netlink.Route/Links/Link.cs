using System.Net.NetworkInformation;

namespace Netlink.Route;

/// <summary>A network interface as the kernel reports it (RTM_NEWLINK).</summary>
public sealed record Link
{
    /// <summary>The interface index (ifi_index).</summary>
    public required int Index { get; init; }

    /// <summary>The interface name (IFLA_IFNAME).</summary>
    public required string Name { get; init; }

    /// <summary>Device flags (ifi_flags).</summary>
    public LinkFlags Flags { get; init; }

    /// <summary>True if administratively up (<see cref="LinkFlags.Up"/>).</summary>
    public bool IsUp => (Flags & LinkFlags.Up) != 0;

    /// <summary>Link-layer type (ifi_type).</summary>
    public ArpHardwareType LinkType { get; init; }

    /// <summary>The MTU (IFLA_MTU).</summary>
    public uint? Mtu { get; init; }

    /// <summary>Smallest and largest MTU the device accepts (IFLA_MIN_MTU, IFLA_MAX_MTU).</summary>
    public uint? MinMtu { get; init; }

    /// <summary>Largest MTU the device accepts (IFLA_MAX_MTU).</summary>
    public uint? MaxMtu { get; init; }

    /// <summary>RFC 2863 operational state (IFLA_OPERSTATE).</summary>
    public LinkOperationalState OperationalState { get; init; }

    /// <summary>Link mode (IFLA_LINKMODE).</summary>
    public LinkMode Mode { get; init; }

    /// <summary>Hardware address (IFLA_ADDRESS), absent for devices without one.</summary>
    public PhysicalAddress? Address { get; init; }

    /// <summary>Hardware broadcast address (IFLA_BROADCAST).</summary>
    public PhysicalAddress? Broadcast { get; init; }

    /// <summary>Permanent hardware address (IFLA_PERM_ADDRESS), when the driver has one.</summary>
    public PhysicalAddress? PermanentAddress { get; init; }

    /// <summary>Index of the master (bridge, bond…) this link is enslaved to (IFLA_MASTER), or null.</summary>
    public int? MasterIndex { get; init; }

    /// <summary>
    /// Index of the parent or peer link (IFLA_LINK): the veth peer, the macvlan's lower device.
    /// When <see cref="LinkNetnsId"/> is set, the index is in that other namespace.
    /// </summary>
    public int? ParentIndex { get; init; }

    /// <summary>The namespace id (as seen from this namespace) where <see cref="ParentIndex"/> lives (IFLA_LINK_NETNSID).</summary>
    public int? LinkNetnsId { get; init; }

    /// <summary>Transmit queue length (IFLA_TXQLEN).</summary>
    public uint? TxQueueLength { get; init; }

    /// <summary>The alias (IFLA_IFALIAS), or null.</summary>
    public string? Alias { get; init; }

    /// <summary>The queueing discipline (IFLA_QDISC), e.g. "noqueue".</summary>
    public string? Qdisc { get; init; }

    /// <summary>The device group (IFLA_GROUP); 0 is "default".</summary>
    public uint Group { get; init; }

    /// <summary>Promiscuity count (IFLA_PROMISCUITY).</summary>
    public uint? Promiscuity { get; init; }

    /// <summary>Number of transmit queues (IFLA_NUM_TX_QUEUES).</summary>
    public uint? TxQueues { get; init; }

    /// <summary>Number of receive queues (IFLA_NUM_RX_QUEUES).</summary>
    public uint? RxQueues { get; init; }

    /// <summary>Carrier state (IFLA_CARRIER).</summary>
    public bool? Carrier { get; init; }

    /// <summary>How often the carrier went up or down (IFLA_CARRIER_CHANGES; <c>ip -s -s link</c>'s transns).</summary>
    public uint? CarrierChanges { get; init; }

    /// <summary>All-multicast count (IFLA_ALLMULTI; <c>ip -d link</c>'s allmulti).</summary>
    public uint? AllMulticast { get; init; }

    /// <summary>The device kind (IFLA_LINKINFO/IFLA_INFO_KIND): "veth", "bridge", "macvlan", "vxlan"…; null for physical and loopback devices.</summary>
    public string? Kind { get; init; }

    /// <summary>Kind-specific settings decoded from IFLA_INFO_DATA, or null if the kind is not modelled or reports none.</summary>
    public LinkDetails? Details { get; init; }

    /// <summary>The kind of this link's master (IFLA_INFO_SLAVE_KIND), e.g. "bridge".</summary>
    public string? PortKind { get; init; }

    /// <summary>Settings of this link as a port of its master (IFLA_INFO_SLAVE_DATA), when modelled (bridge ports).</summary>
    public BridgePortDetails? PortDetails { get; init; }

    /// <summary>64-bit counters (IFLA_STATS64), unless the dump skipped statistics.</summary>
    public LinkStatistics? Statistics { get; init; }
}
