using System.Net;
using System.Net.Sockets;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>
/// Builds route requests into a writer without sending them (sequence 0), so tests can render the
/// exact bytes. Arguments are validated first: nothing is written for a bad route.
/// </summary>
internal static class RouteRequests
{
    /// <summary>NLM_F_CREATE | NLM_F_EXCL: <c>ip route add</c>.</summary>
    internal const NlMsgFlags AddFlags = NlMsgFlags.Request | NlMsgFlags.Ack | NlMsgFlags.Create | NlMsgFlags.Excl;

    /// <summary>NLM_F_CREATE | NLM_F_REPLACE: <c>ip route replace</c>.</summary>
    internal const NlMsgFlags ReplaceFlags = NlMsgFlags.Request | NlMsgFlags.Ack | NlMsgFlags.Create | NlMsgFlags.Replace;

    /// <summary>RTM_DELROUTE's flags: a request with an ACK.</summary>
    internal const NlMsgFlags DeleteFlags = NlMsgFlags.Request | NlMsgFlags.Ack;

    /// <summary>NLM_F_CREATE | NLM_F_APPEND: <c>ip route append</c>.</summary>
    internal const NlMsgFlags AppendFlags = NlMsgFlags.Request | NlMsgFlags.Ack | NlMsgFlags.Create | NlMsgFlags.Append;

    /// <summary>Writes RTM_NEWROUTE with <paramref name="flags"/> (one of the constants above).</summary>
    /// <exception cref="ArgumentException">The route is invalid; the message names the member.</exception>
    internal static void WriteNew(NetlinkMessageWriter writer, Route route, NlMsgFlags flags)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Validate(route, forDelete: false);
        RouteType type = route.Type == RouteType.Unspecified ? RouteType.Unicast : route.Type;
        var header = Header(route, type, route.Scope ?? DefaultScope(route, type), route.Protocol == RouteProtocol.Unspecified ? RouteProtocol.Boot : route.Protocol);
        RtRoute.RouteAttrsWriter attributes = RtRoute.BeginNewrouteRequest(writer, in header, flags);
        WriteCommon(attributes, route);
        WriteMetrics(attributes, route.Metrics);
        if (route.Preference is { } preference)
        {
            attributes.WritePref((RtRoute.RtPref)preference);
        }

        attributes.End();
    }

    /// <summary>Writes RTM_DELROUTE: what is set in <paramref name="route"/> must match; protocol, type and scope left unset match any.</summary>
    /// <exception cref="ArgumentException">The route is invalid.</exception>
    internal static void WriteDelete(NetlinkMessageWriter writer, Route route, NlMsgFlags flags = DeleteFlags)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Validate(route, forDelete: true);
        var header = Header(route, route.Type, route.Scope ?? RouteScope.Nowhere, route.Protocol);
        RtRoute.RouteAttrsWriter attributes = RtRoute.BeginDelrouteRequest(writer, in header, flags);
        WriteCommon(attributes, route);
        attributes.End();
    }

    /// <summary>Writes a filtered RTM_GETROUTE dump request.</summary>
    internal static void WriteDump(NetlinkMessageWriter writer, RouteFilter filter)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Family is not (AddressFamily.Unspecified or AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentException($"family {filter.Family} is not Unspecified, InterNetwork or InterNetworkV6", nameof(filter));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(filter.OutputInterfaceIndex, nameof(filter));
        var header = new RtRoute.Rtmsg
        {
            RtmFamily = InetAddress.ToLinux(filter.Family),
            RtmTable = TableField(filter.Table),
            RtmProtocol = (byte)filter.Protocol,
            RtmType = (byte)filter.Type,
        };
        RtRoute.RouteAttrsWriter attributes = RtRoute.BeginGetrouteDumpRequest(writer, in header);
        if (filter.Table != RouteTables.All)
        {
            attributes.WriteTable(filter.Table);
        }

        if (filter.OutputInterfaceIndex != 0)
        {
            attributes.WriteOif((uint)filter.OutputInterfaceIndex);
        }

        attributes.End();
    }

    /// <summary>Writes an RTM_GETROUTE lookup (<c>ip route get</c>): RTA_DST and the optional selectors.</summary>
    internal static void WriteLookup(NetlinkMessageWriter writer, IPAddress destination, RouteLookup options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        byte family = InetAddress.FamilyOf(destination);
        byte fullLength = (byte)(InetAddress.SizeOf(family) * 8);
        if (options.Source is { } source && InetAddress.FamilyOf(source) != family)
        {
            throw new ArgumentException($"source {source} is not of the destination's family", nameof(options));
        }

        if (options.InputInterfaceIndex < 0 || options.OutputInterfaceIndex < 0)
        {
            throw new ArgumentException("interface indexes cannot be negative", nameof(options));
        }

        var header = new RtRoute.Rtmsg
        {
            RtmFamily = family,
            RtmDstLen = fullLength,
            RtmSrcLen = options.Source is null ? (byte)0 : fullLength,
            // RTM_F_LOOKUP_TABLE makes IPv4 report the table the route was found in; IPv6 rejects it in strict mode.
            RtmFlags = (uint)((family == InetAddress.Inet ? RouteFlags.LookupTable : RouteFlags.None) | (options.FibMatch ? RouteFlags.FibMatch : RouteFlags.None)),
        };
        RtRoute.RouteAttrsWriter attributes = RtRoute.BeginGetrouteRequest(writer, in header, NlMsgFlags.Request);
        attributes.WriteDst(destination);
        if (options.Source is not null)
        {
            attributes.WriteSrc(options.Source);
        }

        if (options.InputInterfaceIndex != 0)
        {
            attributes.WriteIif((uint)options.InputInterfaceIndex);
        }

        if (options.OutputInterfaceIndex != 0)
        {
            attributes.WriteOif((uint)options.OutputInterfaceIndex);
        }

        if (options.Mark != 0)
        {
            attributes.WriteMark(options.Mark);
        }

        attributes.End();
    }

    /// <summary>Checks a route before anything is written.</summary>
    /// <exception cref="ArgumentException">Names the bad member in the message; parameter name "route".</exception>
    internal static void Validate(Route route, bool forDelete)
    {
        const string Parameter = "route";
        ArgumentNullException.ThrowIfNull(route, Parameter);
        AddressFamily family = route.Family;
        if (family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentException($"destination {route.Destination} is neither IPv4 nor IPv6", Parameter);
        }

        if (route.Table == 0)
        {
            throw new ArgumentException("table 0 (RT_TABLE_UNSPEC) is not a table; use RouteTables.Main for the main table", Parameter);
        }

        CheckFamily(route.Gateway, family, "gateway");
        CheckFamily(route.PreferredSource, family, "preferred source");
        if (route.Source is { } source && source.BaseAddress.AddressFamily != family)
        {
            throw new ArgumentException($"source prefix {source} is not of the destination's family ({route.Destination})", Parameter);
        }

        if (route.OutputInterfaceIndex < 0 || route.InputInterfaceIndex < 0)
        {
            throw new ArgumentException("interface indexes cannot be negative", Parameter);
        }

        if (route.NextHops.Count > 0)
        {
            if (route.Gateway is not null)
            {
                throw new ArgumentException("give the gateway either in Gateway or in NextHops, not both", Parameter);
            }

            for (int i = 0; i < route.NextHops.Count; i++)
            {
                RouteNextHop hop = route.NextHops[i] ?? throw new ArgumentException($"next hop {i} is null", Parameter);
                if (hop.Weight is < 1 or > 256)
                {
                    throw new ArgumentException($"next hop {i}: weight {hop.Weight} is outside 1-256", Parameter);
                }

                if (hop.Gateway is { } hopGateway && hopGateway.AddressFamily != family)
                {
                    throw new ArgumentException($"next hop {i} gateway {hopGateway} is not of the destination's family ({route.Destination})", Parameter);
                }

                if (hop.InterfaceIndex < 0)
                {
                    throw new ArgumentException($"next hop {i}: interface index cannot be negative", Parameter);
                }

                if (hop.Gateway is null && hop.InterfaceIndex == 0)
                {
                    throw new ArgumentException($"next hop {i} has neither gateway nor device", Parameter);
                }
            }
        }

        if (!forDelete
            && route.Type is RouteType.Unspecified or RouteType.Unicast
            && route.Gateway is null && route.OutputInterfaceIndex == 0 && route.NextHops.Count == 0 && route.NextHopId == 0)
        {
            throw new ArgumentException($"unicast route {route.Destination} needs a gateway, a device or next hops", Parameter);
        }

        void CheckFamily(IPAddress? address, AddressFamily expected, string what)
        {
            if (address is not null && address.AddressFamily != expected)
            {
                throw new ArgumentException($"{what} {address} is not of the destination's family ({route.Destination})", Parameter);
            }
        }
    }

    /// <summary>iproute2's default scope: host for local/nat, link for broadcast/multicast/anycast and direct unicast, universe otherwise.</summary>
    internal static RouteScope DefaultScope(Route route, RouteType type) => type switch
    {
        RouteType.Local or RouteType.Nat => RouteScope.Host,
        RouteType.Broadcast or RouteType.Multicast or RouteType.Anycast => RouteScope.Link,
        RouteType.Unicast when route.Gateway is null && route.NextHops.Count == 0 && route.NextHopId == 0 => RouteScope.Link,
        _ => RouteScope.Universe,
    };

    /// <summary>rtm_table for a table id: the id if it fits a byte, else RT_TABLE_UNSPEC (RTA_TABLE carries it).</summary>
    internal static byte TableField(uint table) => table < 256 ? (byte)table : (byte)0;

    private static RtRoute.Rtmsg Header(Route route, RouteType type, RouteScope scope, RouteProtocol protocol) => new()
    {
        RtmFamily = InetAddress.ToLinux(route.Family),
        RtmDstLen = (byte)route.Destination.PrefixLength,
        RtmSrcLen = (byte)(route.Source?.PrefixLength ?? 0),
        RtmTos = route.Tos,
        RtmTable = TableField(route.Table),
        RtmProtocol = (byte)protocol,
        RtmScope = (byte)scope,
        RtmType = (byte)type,
        RtmFlags = (uint)route.Flags,
    };

    private static void WriteCommon(RtRoute.RouteAttrsWriter attributes, Route route)
    {
        if (route.Destination.PrefixLength != 0)
        {
            attributes.WriteDst(route.Destination.BaseAddress);
        }

        if (route.Source is { PrefixLength: > 0 } source)
        {
            attributes.WriteSrc(source.BaseAddress);
        }

        if (route.Priority != 0)
        {
            attributes.WritePriority(route.Priority);
        }

        if (route.PreferredSource is not null)
        {
            attributes.WritePrefsrc(route.PreferredSource);
        }

        if (route.Gateway is not null)
        {
            attributes.WriteGateway(route.Gateway);
        }

        if (route.OutputInterfaceIndex != 0)
        {
            attributes.WriteOif((uint)route.OutputInterfaceIndex);
        }

        if (route.InputInterfaceIndex != 0)
        {
            attributes.WriteIif((uint)route.InputInterfaceIndex);
        }

        attributes.WriteTable(route.Table);
        if (route.NextHopId != 0)
        {
            attributes.WriteNhId(route.NextHopId);
        }

        if (route.NextHops.Count > 0)
        {
            RouteMultipath.Write(attributes.Writer, route.NextHops);
        }
    }

    private static void WriteMetrics(RtRoute.RouteAttrsWriter attributes, RouteMetrics? metrics)
    {
        if (metrics is null || metrics.IsEmpty)
        {
            return;
        }

        RtRoute.MetricsAttrsWriter m = attributes.BeginMetrics();
        if (metrics.Lock is { } lockMask)
        {
            m.WriteLock(lockMask);
        }

        if (metrics.Mtu is { } mtu)
        {
            m.WriteMtu(mtu);
        }

        if (metrics.Window is { } window)
        {
            m.WriteWindow(window);
        }

        if (metrics.Rtt is { } rtt)
        {
            m.WriteRtt(rtt);
        }

        if (metrics.RttVariance is { } rttVariance)
        {
            m.WriteRttvar(rttVariance);
        }

        if (metrics.SlowStartThreshold is { } slowStartThreshold)
        {
            m.WriteSsthresh(slowStartThreshold);
        }

        if (metrics.CongestionWindow is { } congestionWindow)
        {
            m.WriteCwnd(congestionWindow);
        }

        if (metrics.AdvertisedMss is { } advertisedMss)
        {
            m.WriteAdvmss(advertisedMss);
        }

        if (metrics.Reordering is { } reordering)
        {
            m.WriteReordering(reordering);
        }

        if (metrics.HopLimit is { } hopLimit)
        {
            m.WriteHoplimit(hopLimit);
        }

        if (metrics.InitialCongestionWindow is { } initialCongestionWindow)
        {
            m.WriteInitcwnd(initialCongestionWindow);
        }

        if (metrics.Features is { } features)
        {
            m.WriteFeatures((RtRoute.RtaxFeatures)features);
        }

        if (metrics.RtoMin is { } rtoMin)
        {
            m.WriteRtoMin(rtoMin);
        }

        if (metrics.InitialReceiveWindow is { } initialReceiveWindow)
        {
            m.WriteInitrwnd(initialReceiveWindow);
        }

        if (metrics.QuickAck is { } quickAck)
        {
            m.WriteQuickack(quickAck);
        }

        if (metrics.CongestionControl is { } algorithm)
        {
            m.WriteCcAlgo(algorithm);
        }

        if (metrics.FastOpenNoCookie is { } fastOpenNoCookie)
        {
            m.WriteFastopenNoCookie(fastOpenNoCookie);
        }

        m.End();
    }
}
