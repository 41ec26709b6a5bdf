using System.Diagnostics.CodeAnalysis;
using System.Net;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>Decodes RTM_NEWROUTE / RTM_DELROUTE messages (dump replies, lookups, events) into <see cref="Route"/>.</summary>
internal static class RouteDecoder
{
    /// <summary>USER_HZ: the unit of rta_expires in RTA_CACHEINFO.</summary>
    private const double ClockTicksPerSecond = 100;

    /// <summary>Decodes an IPv4 or IPv6 route message; false for other types and families or a short header.</summary>
    internal static bool TryDecode(NetlinkMessage message, [MaybeNullWhen(false)] out Route route)
    {
        route = null;
        if (message.Type is not (RtRoute.Messages.NewrouteNtf or RtRoute.Messages.DelrouteNtf)
            || !(message.Type == RtRoute.Messages.DelrouteNtf
                ? RtRoute.TryReadDelrouteNtf(message.Bytes, out RtRoute.Rtmsg header, out RtRoute.RouteAttrsReader attributes)
                : RtRoute.TryReadNewrouteNtf(message.Bytes, out header, out attributes)))
        {
            return false;
        }

        return TryDecode(in header, in attributes, out route);
    }

    /// <summary>Decodes an already parsed route message (the visitor path hands these out).</summary>
    internal static bool TryDecode(in RtRoute.Rtmsg header, in RtRoute.RouteAttrsReader attributes, [MaybeNullWhen(false)] out Route route)
    {
        route = null;
        byte family = header.RtmFamily;
        if (family is not (InetAddress.Inet or InetAddress.Inet6))
        {
            return false;
        }

        IPNetwork destination = attributes.TryGetDstBytes(out ReadOnlySpan<byte> dst)
            ? IPPrefix.Create(dst, family, header.RtmDstLen)
            : IPPrefix.Create(default, family, 0);
        IPNetwork? source = attributes.TryGetSrcBytes(out ReadOnlySpan<byte> src) ? IPPrefix.Create(src, family, header.RtmSrcLen) : null;

        IPAddress? gateway = null;
        if (attributes.TryGetGatewayBytes(out ReadOnlySpan<byte> gw))
        {
            gateway = InetAddress.Read(gw);
        }
        else if (attributes.TryGetViaBytes(out ReadOnlySpan<byte> via))
        {
            gateway = RouteMultipath.ReadVia(via);
        }

        TimeSpan? expires = null;
        if (attributes.TryGetCacheinfo(out RtRoute.RtaCacheinfo cache) && cache.RtaExpires != 0)
        {
            expires = TimeSpan.FromSeconds(cache.RtaExpires / ClockTicksPerSecond);
        }

        route = new Route
        {
            Destination = destination,
            Source = source,
            Gateway = gateway,
            OutputInterfaceIndex = attributes.TryGetOif(out uint oif) ? (int)oif : 0,
            InputInterfaceIndex = attributes.TryGetIif(out uint iif) ? (int)iif : 0,
            PreferredSource = attributes.TryGetPrefsrcBytes(out ReadOnlySpan<byte> prefsrc) ? InetAddress.Read(prefsrc) : null,
            Table = attributes.TryGetTable(out uint table) ? table : header.RtmTable,
            Priority = attributes.TryGetPriority(out uint priority) ? priority : 0,
            Protocol = (RouteProtocol)header.RtmProtocol,
            Scope = (RouteScope)header.RtmScope,
            Type = (RouteType)header.RtmType,
            Flags = (RouteFlags)header.RtmFlags,
            Tos = header.RtmTos,
            Metrics = attributes.TryGetMetrics(out RtRoute.MetricsAttrsReader metrics) ? ReadMetrics(in metrics) : null,
            NextHops = attributes.TryGetMultipathBytes(out ReadOnlySpan<byte> multipath) ? RouteMultipath.Read(multipath) : [],
            Preference = attributes.TryGetPref(out RtRoute.RtPref pref) ? (RoutePreference)pref : null,
            Expires = expires,
            NextHopId = attributes.TryGetNhId(out uint nhId) ? nhId : 0,
            Mark = attributes.TryGetMark(out uint mark) ? mark : 0,
            Uid = attributes.TryGetUid(out uint uid) ? uid : null,
        };
        return true;
    }

    private static RouteMetrics? ReadMetrics(in RtRoute.MetricsAttrsReader m)
    {
        if (m.Data.IsEmpty)
        {
            return null;
        }

        return new RouteMetrics
        {
            Lock = m.TryGetLock(out uint v) ? v : null,
            Mtu = m.TryGetMtu(out v) ? v : null,
            Window = m.TryGetWindow(out v) ? v : null,
            Rtt = m.TryGetRtt(out v) ? v : null,
            RttVariance = m.TryGetRttvar(out v) ? v : null,
            SlowStartThreshold = m.TryGetSsthresh(out v) ? v : null,
            CongestionWindow = m.TryGetCwnd(out v) ? v : null,
            AdvertisedMss = m.TryGetAdvmss(out v) ? v : null,
            Reordering = m.TryGetReordering(out v) ? v : null,
            HopLimit = m.TryGetHoplimit(out v) ? v : null,
            InitialCongestionWindow = m.TryGetInitcwnd(out v) ? v : null,
            Features = m.TryGetFeatures(out RtRoute.RtaxFeatures features) ? (uint)features : null,
            RtoMin = m.TryGetRtoMin(out v) ? v : null,
            InitialReceiveWindow = m.TryGetInitrwnd(out v) ? v : null,
            QuickAck = m.TryGetQuickack(out v) ? v : null,
            CongestionControl = m.TryGetCcAlgo(out string? cc) ? cc : null,
            FastOpenNoCookie = m.TryGetFastopenNoCookie(out v) ? v : null,
        };
    }
}
