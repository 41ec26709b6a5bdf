using System.Globalization;
using System.Text;
using System.Text.Json;
using Netlink.Route;
using Nlctl.Output;

namespace Nlctl.Objects.Link;

/// <summary>
/// What <c>ip -d link</c> adds, as far as the SDK decodes it: promiscuity, allmulti, MTU limits,
/// the kind with its settings (bridge, macvlan, vxlan), the port kind, queue counts.
/// </summary>
internal static class LinkDetailsOutput
{
    /// <summary>Appended to the link-layer line: " promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535 ".</summary>
    public static string LinkLayerSuffix(Netlink.Route.Link link)
    {
        var text = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        text.Append(c, $" promiscuity {link.Promiscuity ?? 0} ");
        if (link.AllMulticast is { } allMulticast)
        {
            text.Append(c, $" allmulti {allMulticast} ");
        }

        if (link.MinMtu is { } min)
        {
            text.Append(c, $"minmtu {min} ");
        }

        if (link.MaxMtu is { } max)
        {
            text.Append(c, $"maxmtu {max} ");
        }

        return text.ToString();
    }

    /// <summary>The kind line: "    veth numtxqueues 1 numrxqueues 1 ".</summary>
    public static string? KindLine(Netlink.Route.Link link)
    {
        var text = new StringBuilder("    ");
        if (link.Kind is { } kind)
        {
            text.Append(kind).Append(' ');
            foreach ((string name, string value) in Settings(link.Details))
            {
                text.Append(name).Append(' ').Append(value).Append(' ');
            }
        }

        if (link.TxQueues is { } tx)
        {
            text.Append(CultureInfo.InvariantCulture, $"numtxqueues {tx} ");
        }

        if (link.RxQueues is { } rx)
        {
            text.Append(CultureInfo.InvariantCulture, $"numrxqueues {rx} ");
        }

        return text.Length > 4 ? text.ToString() : null;
    }

    /// <summary>The fields <c>ip -d -j link</c> adds.</summary>
    public static void WriteJson(Utf8JsonWriter json, Netlink.Route.Link link)
    {
        json.WriteNumber("promiscuity", link.Promiscuity ?? 0);
        if (link.AllMulticast is { } allMulticast)
        {
            json.WriteNumber("allmulti", allMulticast);
        }

        if (link.MinMtu is { } min)
        {
            json.WriteNumber("min_mtu", min);
        }

        if (link.MaxMtu is { } max)
        {
            json.WriteNumber("max_mtu", max);
        }

        if (link.Kind is { } kind)
        {
            json.WriteStartObject("linkinfo");
            json.WriteString("info_kind", Printable.Name(kind));
            (string Name, string Value)[] settings = [.. Settings(link.Details)];
            if (settings.Length > 0)
            {
                json.WriteStartObject("info_data");
                foreach ((string name, string value) in settings)
                {
                    if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number))
                    {
                        json.WriteNumber(name, number);
                    }
                    else
                    {
                        json.WriteString(name, value);
                    }
                }

                json.WriteEndObject();
            }

            if (link.PortKind is { } portKind)
            {
                json.WriteString("info_slave_kind", Printable.Name(portKind));
            }

            json.WriteEndObject();
        }

        if (link.TxQueues is { } tx)
        {
            json.WriteNumber("num_tx_queues", tx);
        }

        if (link.RxQueues is { } rx)
        {
            json.WriteNumber("num_rx_queues", rx);
        }
    }

    private static IEnumerable<(string Name, string Value)> Settings(LinkDetails? details)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        switch (details)
        {
            case VxlanDetails vxlan:
                if (vxlan.Id is { } id)
                {
                    yield return ("id", id.ToString(c));
                }

                if (vxlan.Remote is { } remote)
                {
                    yield return ("remote", remote.ToString());
                }

                if (vxlan.Port is { } port)
                {
                    yield return ("port", port.ToString(c));
                }

                break;
            case MacvlanDetails macvlan:
                if (macvlan.Mode is { } mode)
                {
                    yield return ("mode", mode.ToString().ToLowerInvariant());
                }

                break;
        }
    }
}
