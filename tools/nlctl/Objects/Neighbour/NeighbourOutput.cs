using System.Text;
using System.Text.Json;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Cli;
using Nlctl.Objects.Link;
using Nlctl.Output;

namespace Nlctl.Objects.Neighbour;

/// <summary>A neighbour entry as <c>ip neigh</c> prints it and <c>ip -j neigh</c> writes it.</summary>
internal sealed class NeighbourOutput(LinkNameCache names, bool showDevice, Painter painter)
{
    /// <summary>"10.0.0.5 dev va lladdr 02:00:00:00:00:05 router STALE proto static " (every word followed by a space).</summary>
    public string Text(Netlink.Route.Neighbour neighbour)
    {
        var line = new StringBuilder();
        if (neighbour.Destination is { } destination)
        {
            line.Append(painter.Paint(Painter.Of(destination.AddressFamily), destination + " "));
        }

        if (showDevice)
        {
            line.Append("dev ").Append(painter.Paint(Color.InterfaceName, names.Name(neighbour.InterfaceIndex) + " "));
        }

        if (neighbour.LinkLayerAddress is { } lladdr)
        {
            line.Append("lladdr ").Append(painter.Paint(Color.Mac, LinkText.Mac(lladdr) + " "));
        }

        foreach (string flag in NeighbourFlagNames.Format(neighbour.Flags))
        {
            line.Append(flag).Append(' ');
        }

        if (neighbour.State != NeighbourState.None)
        {
            foreach (string state in NeighbourStateNames.Format(neighbour.State))
            {
                line.Append(state).Append(' ');
            }
        }

        if (neighbour.Protocol is { } protocol)
        {
            line.Append("proto ").Append(RouteProtocolNames.Format((RouteProtocol)protocol)).Append(' ');
        }

        return line.ToString();
    }

    /// <summary>One object of <c>ip -j neigh</c>: dst, dev, lladdr, flags as nulls, state, protocol (after <paramref name="leading"/>'s fields).</summary>
    public void WriteJson(Utf8JsonWriter json, Netlink.Route.Neighbour neighbour, Action<Utf8JsonWriter>? leading = null)
    {
        json.WriteStartObject();
        leading?.Invoke(json);
        if (neighbour.Destination is { } destination)
        {
            json.WriteString("dst", destination.ToString());
        }

        if (showDevice)
        {
            json.WriteString("dev", Printable.Name(names.Name(neighbour.InterfaceIndex)));
        }

        if (neighbour.LinkLayerAddress is { } lladdr)
        {
            json.WriteString("lladdr", LinkText.Mac(lladdr));
        }

        foreach (string flag in NeighbourFlagNames.Format(neighbour.Flags))
        {
            json.WriteNull(flag);
        }

        if (neighbour.State != NeighbourState.None)
        {
            json.WriteStartArray("state");
            foreach (string state in NeighbourStateNames.Format(neighbour.State))
            {
                json.WriteStringValue(state);
            }

            json.WriteEndArray();
        }

        if (neighbour.Protocol is { } protocol)
        {
            json.WriteString("protocol", RouteProtocolNames.Format((RouteProtocol)protocol));
        }

        json.WriteEndObject();
    }
}
