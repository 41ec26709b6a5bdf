using System.Net;
using System.Net.Sockets;

namespace Netlink.Route;

/// <summary>
/// A route: what <see cref="RouteClient.ListRoutesAsync"/> returns and what
/// <see cref="RouteClient.AddRouteAsync"/> and friends take. For requests only
/// <see cref="Destination"/> is required; unset members take the defaults of <c>ip route add</c>
/// (table main, protocol boot, unicast, scope derived).
/// </summary>
/// <example>
/// <code>
/// await client.AddRouteAsync(new Route
/// {
///     Destination = IPNetwork.Parse("192.0.2.0/24"),
///     Gateway = IPAddress.Parse("10.0.0.2"),
///     OutputInterfaceIndex = 3,
///     Priority = 100,
/// });
/// </code>
/// </example>
public sealed record Route
{
    /// <summary>The destination prefix; 0.0.0.0/0 or ::/0 for a default route.</summary>
    public required IPNetwork Destination { get; init; }

    /// <summary>InterNetwork or InterNetworkV6, from <see cref="Destination"/>.</summary>
    public AddressFamily Family => Destination.BaseAddress.AddressFamily;

    /// <summary>True for 0.0.0.0/0 and ::/0.</summary>
    public bool IsDefault => Destination.PrefixLength == 0;

    /// <summary>The source prefix (RTA_SRC, IPv6 source routing), or null.</summary>
    public IPNetwork? Source { get; init; }

    /// <summary>The gateway (RTA_GATEWAY, or RTA_VIA for an IPv4 route via IPv6), or null.</summary>
    public IPAddress? Gateway { get; init; }

    /// <summary>The output interface index (RTA_OIF), or 0.</summary>
    public int OutputInterfaceIndex { get; init; }

    /// <summary>The input interface index (RTA_IIF, lookups with an input interface), or 0.</summary>
    public int InputInterfaceIndex { get; init; }

    /// <summary>The preferred source address (RTA_PREFSRC), or null.</summary>
    public IPAddress? PreferredSource { get; init; }

    /// <summary>The routing table (RTA_TABLE; see <see cref="RouteTables"/>). Default main (254). 0 is rejected in requests.</summary>
    public uint Table { get; init; } = RouteTables.Main;

    /// <summary>The metric (RTA_PRIORITY). 0 in a request sends none (the kernel's default; IPv6 uses 1024).</summary>
    public uint Priority { get; init; }

    /// <summary>Who installed the route. <see cref="RouteProtocol.Unspecified"/> in a request: boot when adding, any when deleting.</summary>
    public RouteProtocol Protocol { get; init; }

    /// <summary>
    /// The scope. Null in a request: derived as <c>ip route add</c> does (host for local routes, link for
    /// unicast routes without gateway, universe otherwise); any scope when deleting.
    /// </summary>
    public RouteScope? Scope { get; init; }

    /// <summary>The route type. <see cref="RouteType.Unspecified"/> in a request: unicast when adding, any when deleting.</summary>
    public RouteType Type { get; init; }

    /// <summary>Route flags (rtm_flags; includes the next-hop flags of a single-path route).</summary>
    public RouteFlags Flags { get; init; }

    /// <summary>The type of service byte (rtm_tos).</summary>
    public byte Tos { get; init; }

    /// <summary>Metrics (RTA_METRICS), or null if none.</summary>
    public RouteMetrics? Metrics { get; init; }

    /// <summary>The next hops of a multipath route (RTA_MULTIPATH); empty for single-path routes.</summary>
    public IReadOnlyList<RouteNextHop> NextHops { get; init; } = [];

    /// <summary>IPv6 router preference (RTA_PREF), or null.</summary>
    public RoutePreference? Preference { get; init; }

    /// <summary>Time left before the route expires (IPv6 RA / PMTU routes), or null.</summary>
    public TimeSpan? Expires { get; init; }

    /// <summary>The nexthop object id (RTA_NH_ID), or 0.</summary>
    public uint NextHopId { get; init; }

    /// <summary>Firewall mark (RTA_MARK; lookups only), or 0.</summary>
    public uint Mark { get; init; }

    /// <summary>The user id a lookup was made for (RTA_UID; <c>ip route get</c> replies only), or null.</summary>
    public uint? Uid { get; init; }

    /// <inheritdoc/>
    public bool Equals(Route? other) =>
        other is not null
        && Destination.Equals(other.Destination)
        && Nullable.Equals(Source, other.Source)
        && Equals(Gateway, other.Gateway)
        && OutputInterfaceIndex == other.OutputInterfaceIndex
        && InputInterfaceIndex == other.InputInterfaceIndex
        && Equals(PreferredSource, other.PreferredSource)
        && Table == other.Table
        && Priority == other.Priority
        && Protocol == other.Protocol
        && Scope == other.Scope
        && Type == other.Type
        && Flags == other.Flags
        && Tos == other.Tos
        && Equals(Metrics, other.Metrics)
        && NextHops.SequenceEqual(other.NextHops)
        && Preference == other.Preference
        && Expires == other.Expires
        && NextHopId == other.NextHopId
        && Mark == other.Mark
        && Uid == other.Uid;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Destination, Gateway, OutputInterfaceIndex, Table, Priority, Type, NextHops.Count);
}

/// <summary>One next hop of a multipath route (struct rtnexthop and its attributes).</summary>
/// <param name="Gateway">The gateway (RTA_GATEWAY or RTA_VIA), or null for a device-only hop.</param>
/// <param name="InterfaceIndex">The output interface (rtnh_ifindex), or 0.</param>
/// <param name="Weight">The weight, 1-256 (sent as rtnh_hops = weight - 1).</param>
/// <param name="Flags">Next-hop flags (RTNH_F_*).</param>
public sealed record RouteNextHop(IPAddress? Gateway, int InterfaceIndex, int Weight = 1, RouteFlags Flags = RouteFlags.None);

/// <summary>Route metrics (the RTA_METRICS nest, RTAX_*). Null members are not set.</summary>
public sealed record RouteMetrics
{
    /// <summary>Bit mask of locked metrics (RTAX_LOCK, bit n = RTAX n).</summary>
    public uint? Lock { get; init; }

    /// <summary>Path MTU (RTAX_MTU).</summary>
    public uint? Mtu { get; init; }

    /// <summary>Largest TCP window to advertise (RTAX_WINDOW).</summary>
    public uint? Window { get; init; }

    /// <summary>Round-trip time estimate (RTAX_RTT, kernel units).</summary>
    public uint? Rtt { get; init; }

    /// <summary>Round-trip time variance (RTAX_RTTVAR, kernel units).</summary>
    public uint? RttVariance { get; init; }

    /// <summary>Slow-start threshold (RTAX_SSTHRESH).</summary>
    public uint? SlowStartThreshold { get; init; }

    /// <summary>Congestion window clamp (RTAX_CWND).</summary>
    public uint? CongestionWindow { get; init; }

    /// <summary>Advertised MSS (RTAX_ADVMSS).</summary>
    public uint? AdvertisedMss { get; init; }

    /// <summary>Reordering (RTAX_REORDERING).</summary>
    public uint? Reordering { get; init; }

    /// <summary>Hop limit / TTL (RTAX_HOPLIMIT).</summary>
    public uint? HopLimit { get; init; }

    /// <summary>Initial congestion window (RTAX_INITCWND).</summary>
    public uint? InitialCongestionWindow { get; init; }

    /// <summary>Feature bits (RTAX_FEATURES).</summary>
    public uint? Features { get; init; }

    /// <summary>Minimum retransmission timeout (RTAX_RTO_MIN, ms).</summary>
    public uint? RtoMin { get; init; }

    /// <summary>Initial receive window (RTAX_INITRWND).</summary>
    public uint? InitialReceiveWindow { get; init; }

    /// <summary>Quick ACK (RTAX_QUICKACK).</summary>
    public uint? QuickAck { get; init; }

    /// <summary>Congestion control algorithm (RTAX_CC_ALGO).</summary>
    public string? CongestionControl { get; init; }

    /// <summary>TCP Fast Open without cookie (RTAX_FASTOPEN_NO_COOKIE).</summary>
    public uint? FastOpenNoCookie { get; init; }

    /// <summary>True if no metric is set.</summary>
    public bool IsEmpty => this == Empty;

    private static RouteMetrics Empty { get; } = new();
}
