using System.Net;
using System.Text.Json;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Cli;

namespace Nlctl.Objects.Route;

/// <summary>
/// Writes routes as <c>ip -j route</c> does. Addresses and prefixes are formatted straight into
/// UTF-8 and written raw (their text never needs escaping), and property names are encoded once:
/// a table has 100,000 routes.
/// </summary>
internal sealed class RouteJson(LinkNameCache names, RouteColumns columns)
{
    private static readonly JsonEncodedText Dst = JsonEncodedText.Encode("dst");
    private static readonly JsonEncodedText Gateway = JsonEncodedText.Encode("gateway");
    private static readonly JsonEncodedText Prefsrc = JsonEncodedText.Encode("prefsrc");
    private static readonly JsonEncodedText Dev = JsonEncodedText.Encode("dev");
    private static readonly JsonEncodedText Flags = JsonEncodedText.Encode("flags");

    /// <summary>One route object; <paramref name="leading"/> writes fields that come first (monitor's event kind).</summary>
    public void Write(Utf8JsonWriter json, Netlink.Route.Route route, Action<Utf8JsonWriter>? leading = null)
    {
        json.WriteStartObject();
        leading?.Invoke(json);
        if (route.Type != RouteType.Unicast)
        {
            json.WriteString("type", RouteTypeNames.Format(route.Type));
        }

        WritePrefix(json, Dst, route.Destination);
        if (route.Source is { PrefixLength: > 0 } source)
        {
            json.WriteString("from", IPPrefix.Format(source));
        }

        if (route.Tos != 0)
        {
            json.WriteString("tos", $"0x{route.Tos:x2}");
        }

        if (route.Gateway is not null)
        {
            WriteAddress(json, Gateway, route.Gateway);
        }

        if (route.OutputInterfaceIndex != 0 && columns.Device)
        {
            json.WriteString(Dev, names.EncodedName(route.OutputInterfaceIndex));
        }

        if (columns.ShowsTable(route))
        {
            json.WriteString("table", RouteTableNames.Format(route.Table));
        }

        if (columns.ShowsProtocol(route))
        {
            json.WriteString("protocol", RouteProtocolNames.Format(route.Protocol));
        }

        if (route.Scope is { } scope && scope != RouteScope.Universe)
        {
            json.WriteString("scope", RouteScopeNames.Format(scope));
        }

        if (route.PreferredSource is not null)
        {
            WriteAddress(json, Prefsrc, route.PreferredSource);
        }

        if (RouteColumns.HasMetric(route))
        {
            json.WriteNumber("metric", route.Priority);
        }

        WriteFlags(json, route.Flags);
        WriteMetrics(json, route.Metrics);
        if (route.Expires is { } expires)
        {
            json.WriteNumber("expires", (int)expires.TotalSeconds);
        }

        if (route.Preference is { } preference)
        {
            json.WriteString("pref", RoutePreferenceNames.Format(preference));
        }

        if (route.NextHops.Count > 0)
        {
            json.WriteStartArray("nexthops");
            foreach (RouteNextHop hop in route.NextHops)
            {
                json.WriteStartObject();
                if (hop.Gateway is not null)
                {
                    WriteAddress(json, Gateway, hop.Gateway);
                }

                if (hop.InterfaceIndex != 0)
                {
                    json.WriteString(Dev, names.EncodedName(hop.InterfaceIndex));
                }

                json.WriteNumber("weight", hop.Weight);
                WriteFlags(json, hop.Flags);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (route.Uid is { } uid)
        {
            json.WriteNumber("uid", uid);
        }

        if ((route.Flags & RouteFlags.Cloned) != 0)
        {
            json.WriteStartArray("cache");
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteMetrics(Utf8JsonWriter json, RouteMetrics? metrics)
    {
        if (metrics is null || metrics.IsEmpty)
        {
            return;
        }

        json.WriteStartArray("metrics");
        json.WriteStartObject();
        string? algorithm = metrics.CongestionControl;
        foreach (RouteMetricValue metric in RouteMetricNames.Format(metrics))
        {
            if (algorithm is not null && metric.Name == "fastopen_no_cookie")
            {
                json.WriteString("congestion", algorithm);
                algorithm = null;
            }

            if (metric.Name == "features")
            {
                if ((metric.Value & 1) != 0)
                {
                    json.WriteNull("ecn");
                }

                continue;
            }

            json.WriteNumber(metric.Name, metric.Value);
        }

        if (algorithm is not null)
        {
            json.WriteString("congestion", algorithm);
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteFlags(Utf8JsonWriter json, RouteFlags flags)
    {
        json.WriteStartArray(Flags);
        if (flags != RouteFlags.None)
        {
            foreach (string flag in RouteFlagNames.Format(flags))
            {
                json.WriteStringValue(flag);
            }
        }

        json.WriteEndArray();
    }

    /// <summary>Writes an address as a JSON string, formatted straight to UTF-8 between quotes and written raw.</summary>
    private static void WriteAddress(Utf8JsonWriter json, JsonEncodedText name, IPAddress address)
    {
        Span<byte> quoted = stackalloc byte[66];
        if (address.TryFormat(quoted[1..^1], out int written))
        {
            WriteQuotedRaw(json, name, quoted, written);
        }
        else
        {
            json.WriteString(name, address.ToString());
        }
    }

    /// <summary>Writes a prefix as ip does (<see cref="IPPrefix.Format"/>), raw as <see cref="WriteAddress"/>.</summary>
    private static void WritePrefix(Utf8JsonWriter json, JsonEncodedText name, IPNetwork prefix)
    {
        Span<byte> quoted = stackalloc byte[82];
        if (IPPrefix.TryFormat(prefix, quoted[1..^1], out int written))
        {
            WriteQuotedRaw(json, name, quoted, written);
        }
        else
        {
            json.WriteString(name, IPPrefix.Format(prefix));
        }
    }

    /// <summary>Writes <paramref name="written"/> ASCII bytes, already placed at quoted[1..], as a JSON string value.</summary>
    private static void WriteQuotedRaw(Utf8JsonWriter json, JsonEncodedText name, Span<byte> quoted, int written)
    {
        quoted[0] = (byte)'"';
        quoted[written + 1] = (byte)'"';
        json.WritePropertyName(name);
        json.WriteRawValue(quoted[..(written + 2)], skipInputValidation: true);
    }
}
