using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Cli;
using Nlctl.Output;

namespace Nlctl.Objects.Route;

/// <summary>
/// Prints routes as <c>ip route</c> does, word by word: every word followed by a space (so most
/// lines end with one, as ip's do), <c>pref</c> last without; multipath hops on tab-indented lines.
/// </summary>
internal sealed class RouteText(LinkNameCache names, RouteColumns columns, Painter painter)
{
    /// <summary>One route's text (several lines for multipath and cached lookups).</summary>
    public string Format(Netlink.Route.Route route)
    {
        var text = new StringBuilder();
        if (route.Type != RouteType.Unicast)
        {
            text.Append(RouteTypeNames.Format(route.Type)).Append(' ');
        }

        // ip colours addresses, not the word "default".
        string destination = IPPrefix.Format(route.Destination) + " ";
        text.Append(route.Destination.PrefixLength == 0 ? destination : painter.Paint(Painter.Of(route.Family), destination));
        if (route.Source is { PrefixLength: > 0 } source)
        {
            text.Append("from ").Append(painter.Paint(Painter.Of(route.Family), IPPrefix.Format(source) + " "));
        }

        if (route.Tos != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"tos 0x{route.Tos:x2} ");
        }

        if (route.Gateway is not null)
        {
            text.Append("via ").Append(painter.Paint(Painter.Of(route.Gateway.AddressFamily), route.Gateway + " "));
        }

        if (route.OutputInterfaceIndex != 0 && columns.Device)
        {
            text.Append("dev ").Append(painter.Paint(Color.InterfaceName, names.Name(route.OutputInterfaceIndex) + " "));
        }

        if (columns.ShowsTable(route))
        {
            text.Append("table ").Append(RouteTableNames.Format(route.Table)).Append(' ');
        }

        if (columns.ShowsProtocol(route))
        {
            text.Append("proto ").Append(RouteProtocolNames.Format(route.Protocol)).Append(' ');
        }

        if (route.Scope is { } scope && scope != RouteScope.Universe)
        {
            text.Append("scope ").Append(RouteScopeNames.Format(scope)).Append(' ');
        }

        if (route.PreferredSource is not null)
        {
            text.Append("src ").Append(painter.Paint(Painter.Of(route.PreferredSource.AddressFamily), route.PreferredSource + " "));
        }

        if (RouteColumns.HasMetric(route))
        {
            text.Append("metric ").Append(route.Priority.ToString(CultureInfo.InvariantCulture)).Append(' ');
        }

        foreach (string flag in RouteFlagNames.Format(route.Flags))
        {
            text.Append(flag).Append(' ');
        }

        AppendMetrics(text, route.Metrics);
        if (route.Expires is { } expires)
        {
            text.Append(CultureInfo.InvariantCulture, $"expires {(int)expires.TotalSeconds}sec ");
        }

        if (route.Uid is { } uid)
        {
            text.Append("uid ").Append(uid.ToString(CultureInfo.InvariantCulture)).Append(' ');
        }

        if (route.Preference is { } preference)
        {
            text.Append("pref ").Append(RoutePreferenceNames.Format(preference));
        }

        if ((route.Flags & RouteFlags.Cloned) != 0)
        {
            text.Append("\n    cache ");
        }

        foreach (RouteNextHop hop in route.NextHops)
        {
            text.Append("\n\tnexthop ");
            if (hop.Gateway is not null)
            {
                text.Append("via ").Append(painter.Paint(Painter.Of(hop.Gateway.AddressFamily), hop.Gateway + " "));
            }

            if (hop.InterfaceIndex != 0)
            {
                // ip leaves a hop's device uncoloured.
                text.Append("dev ").Append(names.Name(hop.InterfaceIndex)).Append(' ');
            }

            text.Append("weight ").Append(hop.Weight.ToString(CultureInfo.InvariantCulture)).Append(' ');
            foreach (string flag in RouteFlagNames.Format(hop.Flags))
            {
                text.Append(flag).Append(' ');
            }
        }

        return text.ToString();
    }

    /// <summary>"mtu lock 1300 rtt 10ms features ecn congctl reno …", in RTAX order (congctl is RTAX 16, before fastopen_no_cookie).</summary>
    private static void AppendMetrics(StringBuilder text, RouteMetrics? metrics)
    {
        string? algorithm = metrics?.CongestionControl;
        foreach (RouteMetricValue metric in RouteMetricNames.Format(metrics))
        {
            if (algorithm is not null && metric.Name == "fastopen_no_cookie")
            {
                text.Append("congctl ").Append(algorithm).Append(' ');
                algorithm = null;
            }

            text.Append(metric.Name).Append(' ');
            if (metric.Locked)
            {
                text.Append("lock ");
            }

            text.Append(FormatValue(metric)).Append(' ');
        }

        if (algorithm is not null)
        {
            text.Append("congctl ").Append(algorithm).Append(' ');
        }
    }

    /// <summary>A metric's value as ip prints it: times in ms (s from 1000 ms), features by name.</summary>
    public static string FormatValue(RouteMetricValue metric)
    {
        if (metric.Name == "features")
        {
            // RTAX_FEATURE_ECN (1) is the one feature with a name.
            uint rest = metric.Value & ~1u;
            string ecn = (metric.Value & 1) != 0 ? "ecn" : string.Empty;
            return rest == 0 ? ecn : (ecn.Length > 0 ? ecn + " " : string.Empty) + "0x" + rest.ToString("x", CultureInfo.InvariantCulture);
        }

        if (!metric.IsTime)
        {
            return metric.Value.ToString(CultureInfo.InvariantCulture);
        }

        return metric.Value >= 1000
            ? (metric.Value / 1e3).ToString("G6", CultureInfo.InvariantCulture) + "s"
            : metric.Value.ToString(CultureInfo.InvariantCulture) + "ms";
    }
}
