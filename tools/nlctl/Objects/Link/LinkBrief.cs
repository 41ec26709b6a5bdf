using System.Text;
using System.Text.Json;
using Netlink.Route.Iproute2;
using Nlctl.Output;

namespace Nlctl.Objects.Link;

/// <summary>The start of a <c>-br</c> line (name and state columns) and the brief link line and object.</summary>
internal static class LinkBrief
{
    /// <summary>"NAME@PARENT      STATE          " (16 and 14 wide), as <c>ip -br</c> starts every line.</summary>
    public static string NameAndState(Netlink.Route.Link link, LinkSet links, Painter painter)
    {
        var line = new StringBuilder();
        line.Append(painter.Paint(Color.InterfaceName, LinkText.NameWithParent(link, links).PadRight(16) + " "));
        string state = LinkStateNames.Format(link.OperationalState);
        line.Append(LinkText.PaintState(painter, link.OperationalState, state.PadRight(14) + " "));
        return line.ToString();
    }

    /// <summary>"lo               UNKNOWN        00:00:00:00:00:00 &lt;LOOPBACK,UP,LOWER_UP&gt; ".</summary>
    public static string Text(Netlink.Route.Link link, LinkSet links, Painter painter)
    {
        var line = new StringBuilder(NameAndState(link, links, painter));
        if (link.Address is { } address)
        {
            line.Append(painter.Paint(Color.Mac, LinkText.Mac(address))).Append(' ');
        }

        line.Append('<').AppendJoin(',', LinkText.Flags(link, links)).Append("> ");
        return line.ToString();
    }

    /// <summary>The fields of one <c>ip -br -j link</c> object.</summary>
    public static void WriteJson(Utf8JsonWriter json, Netlink.Route.Link link, LinkSet links)
    {
        WriteNameAndState(json, link, links);
        if (link.Address is { } address)
        {
            json.WriteString("address", LinkText.Mac(address));
        }

        json.WriteStartArray("flags");
        foreach (string flag in LinkText.Flags(link, links))
        {
            json.WriteStringValue(flag);
        }

        json.WriteEndArray();
    }

    /// <summary>"link" (parent), "ifname", "operstate": the start of every brief object.</summary>
    public static void WriteNameAndState(Utf8JsonWriter json, Netlink.Route.Link link, LinkSet links)
    {
        LinkJson.WriteParent(json, link, links);
        json.WriteString("ifname", Printable.Name(link.Name));
        json.WriteString("operstate", LinkStateNames.Format(link.OperationalState));
    }
}
