using System.Net;
using System.Net.Sockets;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>
/// Which routes <see cref="RouteClient.ListRoutesAsync"/> and <see cref="RouteClient.VisitRoutesAsync"/>
/// return. The kernel filters (strict checking: rtmsg table/protocol/type + RTA_TABLE/RTA_OIF in
/// the dump request); the client filters again, so the result is right without strict checking too.
/// The default is the main table of both families (<c>ip route show</c> plus <c>ip -6 route show</c>).
/// </summary>
public sealed record RouteFilter
{
    /// <summary>The default filter: main table, both families.</summary>
    public static RouteFilter Default { get; } = new();

    /// <summary>InterNetwork, InterNetworkV6, or Unspecified for both.</summary>
    public AddressFamily Family { get; init; } = AddressFamily.Unspecified;

    /// <summary>The table; <see cref="RouteTables.All"/> (0) for every table. Default main.</summary>
    public uint Table { get; init; } = RouteTables.Main;

    /// <summary>Only routes of this protocol; Unspecified for any.</summary>
    public RouteProtocol Protocol { get; init; }

    /// <summary>Only routes of this type; Unspecified for any.</summary>
    public RouteType Type { get; init; }

    /// <summary>Only routes through this interface (also as a multipath hop); 0 for any.</summary>
    public int OutputInterfaceIndex { get; init; }

    /// <summary>True if a route with this header passes the header-level part of the filter.</summary>
    internal bool MatchesHeader(in RtRoute.Rtmsg header, uint table) =>
        (Family == AddressFamily.Unspecified || header.RtmFamily == Encoding.InetAddress.ToLinux(Family))
        && (Table == RouteTables.All || table == Table)
        && (Protocol == RouteProtocol.Unspecified || header.RtmProtocol == (byte)Protocol)
        && (Type == RouteType.Unspecified || header.RtmType == (byte)Type);

    /// <summary>True if the route passes the whole filter.</summary>
    internal bool Matches(in RtRoute.Rtmsg header, in RtRoute.RouteAttrsReader attributes)
    {
        uint table = attributes.TryGetTable(out uint t) ? t : header.RtmTable;
        if (!MatchesHeader(in header, table))
        {
            return false;
        }

        if (OutputInterfaceIndex == 0)
        {
            return true;
        }

        if (attributes.TryGetOif(out uint oif) && oif == (uint)OutputInterfaceIndex)
        {
            return true;
        }

        return attributes.TryGetMultipathBytes(out ReadOnlySpan<byte> multipath) && RouteMultipath.UsesInterface(multipath, OutputInterfaceIndex);
    }
}

/// <summary>Options of a route lookup (<see cref="RouteClient.GetRouteAsync"/>, like <c>ip route get</c>).</summary>
public sealed record RouteLookup
{
    /// <summary>The source address (RTA_SRC), or null.</summary>
    public IPAddress? Source { get; init; }

    /// <summary>Pretend the packet arrived on this interface (RTA_IIF), or 0.</summary>
    public int InputInterfaceIndex { get; init; }

    /// <summary>Force this output interface (RTA_OIF), or 0.</summary>
    public int OutputInterfaceIndex { get; init; }

    /// <summary>The firewall mark (RTA_MARK), or 0.</summary>
    public uint Mark { get; init; }

    /// <summary>Return the matching FIB entry (prefix, next hops) instead of the resolved path (RTM_F_FIB_MATCH, <c>ip route get fibmatch</c>).</summary>
    public bool FibMatch { get; init; }
}

/// <summary>
/// Sees one route of a dump in place: the generated rtmsg header and attribute reader over the
/// receive buffer. Nothing is allocated per route; both are valid only during the call, which
/// runs on whichever thread reads the replies (keep it short, do not call back into the same client).
/// </summary>
/// <param name="header">The route's rtmsg.</param>
/// <param name="attributes">The route's attributes.</param>
public delegate void RouteVisitor(in RtRoute.Rtmsg header, in RtRoute.RouteAttrsReader attributes);
