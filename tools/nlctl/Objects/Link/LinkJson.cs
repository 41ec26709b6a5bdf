using System.Globalization;
using System.Text.Json;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Output;

namespace Nlctl.Objects.Link;

/// <summary>A link's fields as <c>ip -j link</c> and <c>ip -j addr</c> write them.</summary>
internal static class LinkJson
{
    /// <summary>
    /// The fields of <c>ip -j link show</c> (and of <c>ip -j addr show</c>: without linkmode, and
    /// without the link layer when -4 or -6 is given).
    /// </summary>
    public static void WriteFields(Utf8JsonWriter json, Netlink.Route.Link link, LinkSet links, bool includeLinkMode, bool includeLinkLayer = true, bool includeGroup = true)
    {
        json.WriteNumber("ifindex", link.Index);
        WriteParent(json, link, links);
        json.WriteString("ifname", Printable.Name(link.Name));
        json.WriteStartArray("flags");
        foreach (string flag in LinkText.Flags(link, links))
        {
            json.WriteStringValue(flag);
        }

        json.WriteEndArray();
        if (link.Mtu is { } mtu)
        {
            json.WriteNumber("mtu", mtu);
        }

        if (link.Qdisc is { } qdisc)
        {
            json.WriteString("qdisc", Printable.Name(qdisc));
        }

        if (link.MasterIndex is { } master)
        {
            json.WriteString("master", Printable.NameOrNull(links.Find(master)?.Name) ?? master.ToString(CultureInfo.InvariantCulture));
        }

        json.WriteString("operstate", LinkStateNames.Format(link.OperationalState));
        if (includeLinkMode)
        {
            json.WriteString("linkmode", LinkModeNames.Format(link.Mode));
        }

        if (includeGroup)
        {
            json.WriteString("group", LinkText.Group(link.Group));
        }

        if (link.TxQueueLength is { } qlen)
        {
            json.WriteNumber("txqlen", qlen);
        }

        if (!includeLinkLayer)
        {
            return;
        }

        json.WriteString("link_type", ArpHardwareTypeNames.Format(link.LinkType));
        if (link.Address is { } address)
        {
            json.WriteString("address", LinkText.Mac(address));
        }

        if (link.Broadcast is { } broadcast)
        {
            json.WriteString((link.Flags & LinkFlags.PointToPoint) != 0 ? "link_pointtopoint" : "broadcast", LinkText.Mac(broadcast));
        }

        if (link.LinkNetnsId is { } nsid)
        {
            json.WriteNumber("link_netnsid", nsid);
        }
    }

    /// <summary>"link": the parent's name, or "link_index" when it is in another namespace or gone.</summary>
    public static void WriteParent(Utf8JsonWriter json, Netlink.Route.Link link, LinkSet links)
    {
        if (link.ParentIndex is { } parent && parent != 0)
        {
            if (link.LinkNetnsId is null && links.Find(parent) is { } lower)
            {
                json.WriteString("link", Printable.Name(lower.Name));
            }
            else
            {
                json.WriteNumber("link_index", parent);
            }
        }
    }
}
