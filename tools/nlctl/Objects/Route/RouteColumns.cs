using System.Net.Sockets;
using Netlink.Route;

namespace Nlctl.Objects.Route;

/// <summary>
/// Which words ip leaves out of a listing because the selection already says them: the device
/// when listing one device's routes, the protocol when listing one protocol's, the table unless
/// every table (or a lookup) is shown.
/// </summary>
internal sealed record RouteColumns
{
    /// <summary>Print the device.</summary>
    public bool Device { get; init; } = true;

    /// <summary>Print the protocol.</summary>
    public bool Protocol { get; init; } = true;

    /// <summary>Print the table of routes outside main.</summary>
    public bool Table { get; init; }

    /// <summary>True when the route's table is printed.</summary>
    public bool ShowsTable(Netlink.Route.Route route) => Table && route.Table != RouteTables.Main;

    /// <summary>True when the route's protocol is printed (never boot's, which is every route added by hand).</summary>
    public bool ShowsProtocol(Netlink.Route.Route route) => Protocol && route.Protocol is not (RouteProtocol.Unspecified or RouteProtocol.Boot);

    /// <summary>The kernel sends RTA_PRIORITY for every IPv6 route but only non-zero metrics for IPv4.</summary>
    public static bool HasMetric(Netlink.Route.Route route) => route.Priority != 0 || route.Family == AddressFamily.InterNetworkV6;
}
