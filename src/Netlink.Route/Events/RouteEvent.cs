namespace Netlink.Route;

/// <summary>What happened.</summary>
public enum RouteEventKind
{
    /// <summary>The object was added or changed (RTM_NEW*); in a list-then-follow stream, also a snapshot item.</summary>
    New,

    /// <summary>The object was deleted (RTM_DEL*).</summary>
    Deleted,

    /// <summary>
    /// The kernel dropped notifications here (ENOBUFS): cached state may be stale, re-list it.
    /// The stream goes on after this item.
    /// </summary>
    Overrun,

    /// <summary>In a list-then-follow stream: every snapshot item has been delivered; live events follow.</summary>
    Synchronized,
}

/// <summary>Which kind of object an event carries.</summary>
public enum RouteObjectKind
{
    /// <summary>No object (overrun and synchronized markers).</summary>
    None,

    /// <summary>A <see cref="Netlink.Route.Link"/>.</summary>
    Link,

    /// <summary>An <see cref="Netlink.Route.Address"/>.</summary>
    Address,

    /// <summary>A <see cref="Netlink.Route.Route"/>.</summary>
    Route,

    /// <summary>A <see cref="Netlink.Route.Neighbour"/>.</summary>
    Neighbour,

    /// <summary>A <see cref="Netlink.Route.Rule"/>.</summary>
    Rule,
}

/// <summary>The rtnetlink multicast groups to follow (each maps to one or two RTNLGRP_* groups).</summary>
[Flags]
public enum RouteEventGroups
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>RTNLGRP_LINK (1).</summary>
    Links = 1,

    /// <summary>RTNLGRP_IPV4_IFADDR (5) and RTNLGRP_IPV6_IFADDR (9).</summary>
    Addresses = 2,

    /// <summary>RTNLGRP_IPV4_ROUTE (7) and RTNLGRP_IPV6_ROUTE (11).</summary>
    Routes = 4,

    /// <summary>RTNLGRP_NEIGH (3).</summary>
    Neighbours = 8,

    /// <summary>RTNLGRP_IPV4_RULE (8) and RTNLGRP_IPV6_RULE (19).</summary>
    Rules = 16,

    /// <summary>Every group above.</summary>
    All = Links | Addresses | Routes | Neighbours | Rules,
}

/// <summary>
/// One item of a typed rtnetlink event stream: a change to a link, address, route, neighbour or
/// rule, or a marker (<see cref="RouteEventKind.Overrun"/>, <see cref="RouteEventKind.Synchronized"/>).
/// Exactly one of the object properties is set for <see cref="RouteEventKind.New"/> and
/// <see cref="RouteEventKind.Deleted"/>.
/// </summary>
public sealed record RouteEvent
{
    /// <summary>The shared overrun marker.</summary>
    public static RouteEvent Overrun { get; } = new() { Kind = RouteEventKind.Overrun };

    /// <summary>The shared end-of-snapshot marker.</summary>
    public static RouteEvent Synchronized { get; } = new() { Kind = RouteEventKind.Synchronized };

    /// <summary>What happened.</summary>
    public required RouteEventKind Kind { get; init; }

    /// <summary>True for the items of a list-then-follow snapshot (read by the dump, not notified).</summary>
    public bool IsSnapshot { get; init; }

    /// <summary>The link, for link events.</summary>
    public Link? Link { get; init; }

    /// <summary>The address, for address events.</summary>
    public Address? Address { get; init; }

    /// <summary>The route, for route events.</summary>
    public Route? Route { get; init; }

    /// <summary>The neighbour, for neighbour events.</summary>
    public Neighbour? Neighbour { get; init; }

    /// <summary>The rule, for rule events.</summary>
    public Rule? Rule { get; init; }

    /// <summary>Which object property is set.</summary>
    public RouteObjectKind ObjectKind =>
        Link is not null ? RouteObjectKind.Link
        : Address is not null ? RouteObjectKind.Address
        : Route is not null ? RouteObjectKind.Route
        : Neighbour is not null ? RouteObjectKind.Neighbour
        : Rule is not null ? RouteObjectKind.Rule
        : RouteObjectKind.None;

    /// <summary>The object carried, whatever its kind (null for markers).</summary>
    public object? Object => (object?)Link ?? (object?)Address ?? (object?)Route ?? (object?)Neighbour ?? Rule;
}

/// <summary>Settings of an event subscription.</summary>
public sealed record RouteEventOptions
{
    /// <summary>Receive buffer to ask for (bytes); null keeps the system default. Bigger buffers make overruns rarer.</summary>
    public int? ReceiveBufferSize { get; init; }

    /// <summary>Use SO_RCVBUFFORCE (needs CAP_NET_ADMIN) to go beyond net.core.rmem_max.</summary>
    public bool ForceReceiveBufferSize { get; init; }

    /// <summary>
    /// List-then-follow only (<see cref="RouteClient.ListAndFollowAsync"/>): how many live events may
    /// wait for a slow consumer before they are dropped for an <see cref="RouteEvent.Overrun"/> and a
    /// fresh list. Default 10,000.
    /// </summary>
    public int BufferCapacity { get; init; } = 10_000;

    /// <summary>Test hook: called with the buffered count after every event added to a list-then-follow buffer.</summary>
    internal Action<int>? BufferObserver { get; init; }
}
