using System.Net;
using System.Net.NetworkInformation;
using Netlink.Encoding;

namespace Netlink.Route;

/// <summary>
/// What to create with <see cref="RouteClient.AddLinkAsync"/>: the settings common to every kind
/// here, the kind-specific ones in derived records (<see cref="VethSpec"/>, <see cref="BridgeSpec"/>,
/// <see cref="MacvlanSpec"/>, <see cref="VxlanSpec"/>, <see cref="GenericLinkSpec"/>). To support
/// another kind, derive a record, return its name from <see cref="Kind"/> and override
/// <see cref="WriteLinkInfoData"/> (and <see cref="Validate"/>).
/// </summary>
public abstract record LinkSpec
{
    /// <summary>Creates a spec for a link named <paramref name="name"/>.</summary>
    protected LinkSpec(string name) => Name = name;

    /// <summary>The new link's name (at most 15 bytes, no '/', ':' or whitespace).</summary>
    public string Name { get; init; }

    /// <summary>The kind (IFLA_INFO_KIND): "veth", "bridge"…</summary>
    public abstract string Kind { get; }

    /// <summary>MTU, or null for the kind's default.</summary>
    public uint? Mtu { get; init; }

    /// <summary>Hardware address, or null for a random one.</summary>
    public PhysicalAddress? Address { get; init; }

    /// <summary>Transmit queue length, or null for the default.</summary>
    public uint? TxQueueLength { get; init; }

    /// <summary>Index of a master (bridge) to enslave the new link to, or null.</summary>
    public int? MasterIndex { get; init; }

    /// <summary>Bring the link up on creation (IFF_UP).</summary>
    public bool Up { get; init; }

    /// <summary>
    /// Index of the parent device (IFLA_LINK): required by macvlan, unused by veth and bridge.
    /// </summary>
    public int? ParentIndex { get; init; }

    /// <summary>
    /// Checks the settings before anything is sent; throws <see cref="ArgumentException"/> naming
    /// the bad property. Derived records call the base first.
    /// </summary>
    protected internal virtual void Validate()
    {
        InterfaceName.Validate(Name, nameof(Name));
        if (Mtu == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Mtu), Mtu, "an MTU of 0 is not valid");
        }

        if (MasterIndex is { } master)
        {
            InterfaceName.ValidateIndex(master, nameof(MasterIndex));
        }

        if (ParentIndex is { } parent)
        {
            InterfaceName.ValidateIndex(parent, nameof(ParentIndex));
        }

        if (Address is { } address && Netlink.Encoding.PhysicalAddressBytes.Get(address).IsEmpty)
        {
            throw new ArgumentException("the hardware address is empty", nameof(Address));
        }
    }

    /// <summary>
    /// Writes the kind-specific settings. Called inside IFLA_LINKINFO, after IFLA_INFO_KIND: write
    /// an IFLA_INFO_DATA nest (attribute type 2) if the kind has settings; the default writes nothing.
    /// </summary>
    protected internal virtual void WriteLinkInfoData(NetlinkMessageWriter writer)
    {
    }
}

/// <summary>Any kind without settings of its own (e.g. "dummy", "ifb"), or a kind this SDK does not model.</summary>
public sealed record GenericLinkSpec : LinkSpec
{
    /// <summary>Creates a spec for a link of <paramref name="kind"/>.</summary>
    public GenericLinkSpec(string name, string kind)
        : base(name) => Kind = kind;

    /// <inheritdoc/>
    public override string Kind { get; }

    /// <inheritdoc/>
    protected internal override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(Kind))
        {
            throw new ArgumentException("the kind must not be empty", nameof(Kind));
        }
    }
}

/// <summary>A veth pair: this end and its peer, optionally created directly in another namespace.</summary>
public sealed record VethSpec : LinkSpec
{
    /// <summary>Creates a veth pair <paramref name="name"/> — <paramref name="peerName"/>.</summary>
    public VethSpec(string name, string peerName)
        : base(name) => PeerName = peerName;

    /// <inheritdoc/>
    public override string Kind => "veth";

    /// <summary>The peer's name.</summary>
    public string PeerName { get; init; }

    /// <summary>Create the peer in this namespace (IFLA_NET_NS_FD in the peer's attributes); the caller keeps owning it.</summary>
    public NetworkNamespace? PeerNamespace { get; init; }

    /// <summary>Create the peer in the namespace of this process id (IFLA_NET_NS_PID).</summary>
    public int? PeerNamespacePid { get; init; }

    /// <summary>The peer's hardware address, or null for a random one.</summary>
    public PhysicalAddress? PeerAddress { get; init; }

    /// <summary>The peer's MTU, or null for the same default.</summary>
    public uint? PeerMtu { get; init; }

    /// <inheritdoc/>
    protected internal override void Validate()
    {
        base.Validate();
        InterfaceName.Validate(PeerName, nameof(PeerName));
        if (PeerNamespace is null && PeerNamespacePid is null && PeerName == Name)
        {
            throw new ArgumentException($"the peer cannot have the same name as the link (\"{Name}\") in the same namespace", nameof(PeerName));
        }

        if (PeerNamespace is not null && PeerNamespacePid is not null)
        {
            throw new ArgumentException("give the peer namespace either as a NetworkNamespace or as a pid, not both", nameof(PeerNamespacePid));
        }

        if (PeerNamespacePid is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PeerNamespacePid), PeerNamespacePid, "a process id is positive");
        }

        if (PeerMtu == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PeerMtu), PeerMtu, "an MTU of 0 is not valid");
        }
    }

    /// <inheritdoc/>
    protected internal override void WriteLinkInfoData(NetlinkMessageWriter writer) => LinkRequests.WriteVethData(writer, this);
}

/// <summary>A bridge.</summary>
public sealed record BridgeSpec : LinkSpec
{
    /// <summary>Creates a bridge spec.</summary>
    public BridgeSpec(string name)
        : base(name)
    {
    }

    /// <inheritdoc/>
    public override string Kind => "bridge";

    /// <summary>Run the kernel's STP.</summary>
    public bool? Stp { get; init; }

    /// <summary>STP forward delay (2-30 s).</summary>
    public TimeSpan? ForwardDelay { get; init; }

    /// <summary>STP hello time (1-10 s).</summary>
    public TimeSpan? HelloTime { get; init; }

    /// <summary>STP max age (6-40 s).</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>FDB ageing time.</summary>
    public TimeSpan? AgeingTime { get; init; }

    /// <summary>Bridge priority.</summary>
    public ushort? Priority { get; init; }

    /// <summary>VLAN filtering.</summary>
    public bool? VlanFiltering { get; init; }

    /// <summary>Default PVID (1-4094; 0 disables).</summary>
    public ushort? VlanDefaultPvid { get; init; }

    /// <inheritdoc/>
    protected internal override void Validate()
    {
        base.Validate();
        CheckTime(ForwardDelay, nameof(ForwardDelay));
        CheckTime(HelloTime, nameof(HelloTime));
        CheckTime(MaxAge, nameof(MaxAge));
        CheckTime(AgeingTime, nameof(AgeingTime));
        if (VlanDefaultPvid is > 4094)
        {
            throw new ArgumentOutOfRangeException(nameof(VlanDefaultPvid), VlanDefaultPvid, "a VLAN id is 0-4094");
        }
    }

    /// <inheritdoc/>
    protected internal override void WriteLinkInfoData(NetlinkMessageWriter writer) => LinkRequests.WriteBridgeData(writer, this);

    private static void CheckTime(TimeSpan? value, string name)
    {
        if (value is { } time && (time < TimeSpan.Zero || time.TotalSeconds * 100 > uint.MaxValue))
        {
            throw new ArgumentOutOfRangeException(name, value, "the time must be positive and fit in 32-bit centiseconds");
        }
    }
}

/// <summary>A macvlan on top of <see cref="LinkSpec.ParentIndex"/>.</summary>
public sealed record MacvlanSpec : LinkSpec
{
    /// <summary>Creates a macvlan spec over the link with index <paramref name="parentIndex"/>.</summary>
    public MacvlanSpec(string name, int parentIndex, MacvlanMode mode = MacvlanMode.Bridge)
        : base(name)
    {
        ParentIndex = parentIndex;
        Mode = mode;
    }

    /// <inheritdoc/>
    public override string Kind => "macvlan";

    /// <summary>The macvlan mode.</summary>
    public MacvlanMode Mode { get; init; }

    /// <inheritdoc/>
    protected internal override void Validate()
    {
        base.Validate();
        if (ParentIndex is null)
        {
            throw new ArgumentException("a macvlan needs a parent link", nameof(ParentIndex));
        }

        if (!Enum.IsDefined(Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "not a single macvlan mode");
        }
    }

    /// <inheritdoc/>
    protected internal override void WriteLinkInfoData(NetlinkMessageWriter writer) => LinkRequests.WriteMacvlanData(writer, this);
}

/// <summary>A VXLAN device.</summary>
public sealed record VxlanSpec : LinkSpec
{
    /// <summary>Creates a VXLAN spec with network identifier <paramref name="id"/> (0-16777215).</summary>
    public VxlanSpec(string name, uint id)
        : base(name) => Id = id;

    /// <inheritdoc/>
    public override string Kind => "vxlan";

    /// <summary>The VXLAN network identifier (24 bits).</summary>
    public uint Id { get; init; }

    /// <summary>Unicast remote endpoint (mutually exclusive with <see cref="Group"/>).</summary>
    public IPAddress? Remote { get; init; }

    /// <summary>Multicast group (needs <see cref="VxlanParentIndex"/> or a route to it).</summary>
    public IPAddress? Group { get; init; }

    /// <summary>Local source address.</summary>
    public IPAddress? Local { get; init; }

    /// <summary>UDP destination port (the kernel's default is 8472; IANA's is 4789).</summary>
    public ushort? Port { get; init; }

    /// <summary>Index of the underlying device (IFLA_VXLAN_LINK, iproute2's "dev").</summary>
    public int? VxlanParentIndex { get; init; }

    /// <summary>Learn remote addresses into the FDB.</summary>
    public bool? Learning { get; init; }

    /// <summary>TTL (0 = inherit).</summary>
    public byte? Ttl { get; init; }

    /// <summary>TOS.</summary>
    public byte? Tos { get; init; }

    /// <summary>FDB ageing.</summary>
    public TimeSpan? Ageing { get; init; }

    /// <summary>UDP source port range.</summary>
    public (ushort Low, ushort High)? PortRange { get; init; }

    /// <summary>UDP checksums on IPv4.</summary>
    public bool? UdpChecksum { get; init; }

    /// <inheritdoc/>
    protected internal override void Validate()
    {
        base.Validate();
        if (Id > 0xFFFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(Id), Id, "a VXLAN id has 24 bits (0-16777215)");
        }

        if (Remote is not null && Group is not null)
        {
            throw new ArgumentException("give either a remote or a group, not both", nameof(Group));
        }

        if (Remote is { } remote && IsMulticast(remote))
        {
            throw new ArgumentException($"remote {remote} is a multicast address; use Group", nameof(Remote));
        }

        if (Group is { } group && !IsMulticast(group))
        {
            throw new ArgumentException($"group {group} is not a multicast address; use Remote", nameof(Group));
        }

        IPAddress? peer = Remote ?? Group;
        if (peer is not null && Local is not null && peer.AddressFamily != Local.AddressFamily)
        {
            throw new ArgumentException($"local {Local} and remote/group {peer} are of different families", nameof(Local));
        }

        foreach ((IPAddress? address, string name) in new[] { (Remote, nameof(Remote)), (Group, nameof(Group)), (Local, nameof(Local)) })
        {
            if (address is not null)
            {
                if (address.AddressFamily is not (System.Net.Sockets.AddressFamily.InterNetwork or System.Net.Sockets.AddressFamily.InterNetworkV6))
                {
                    throw new ArgumentException($"{address} is not an IPv4 or IPv6 address", name);
                }
            }
        }

        if (VxlanParentIndex is { } parent)
        {
            InterfaceName.ValidateIndex(parent, nameof(VxlanParentIndex));
        }

        if (PortRange is { } range && range.Low > range.High)
        {
            throw new ArgumentException($"port range {range.Low}-{range.High} is reversed", nameof(PortRange));
        }

        if (Ageing is { } ageing && (ageing < TimeSpan.Zero || ageing.TotalSeconds > uint.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(Ageing), Ageing, "ageing must be positive and fit in 32-bit seconds");
        }
    }

    /// <inheritdoc/>
    protected internal override void WriteLinkInfoData(NetlinkMessageWriter writer) => LinkRequests.WriteVxlanData(writer, this);

    internal static bool IsMulticast(IPAddress address) => address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
        ? address.IsIPv6Multicast
        : (Netlink.Encoding.InetAddress.FirstByte(address) & 0xF0) == 0xE0;
}
