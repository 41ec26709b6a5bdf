using System.Globalization;
using System.Net.NetworkInformation;
using System.Text;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Output;

namespace Nlctl.Objects.Link;

/// <summary>A link as <c>ip link</c> and <c>ip addr</c> print it: the header line and the link-layer line.</summary>
internal static class LinkText
{
    /// <summary>A hardware address as ip prints it: lower-case hex pairs joined by ':'.</summary>
    public static string Mac(PhysicalAddress address) =>
        string.Join(':', address.GetAddressBytes().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    /// <summary>The name with its parent, as ip prints it: <c>va@vb</c>, <c>xout0@if5</c> for a parent in another namespace.</summary>
    public static string NameWithParent(Netlink.Route.Link link, LinkSet links)
    {
        if (link.ParentIndex is not { } parent || parent == 0)
        {
            return link.Name;
        }

        return link.LinkNetnsId is null && links.Find(parent) is { } lower ? $"{link.Name}@{lower.Name}" : $"{link.Name}@if{parent.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>iproute2's flag words, plus M-DOWN when the parent (in this namespace) is down.</summary>
    public static List<string> Flags(Netlink.Route.Link link, LinkSet links)
    {
        var flags = LinkFlagNames.Format(link.Flags).ToList();
        if (link.ParentIndex is { } parent && parent != 0 && link.LinkNetnsId is null && links.Find(parent) is { IsUp: false })
        {
            flags.Add("M-DOWN");
        }

        return flags;
    }

    /// <summary>The group as ip prints it: "default" for 0.</summary>
    public static string Group(uint group) => group == 0 ? "default" : group.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// "1: lo: &lt;LOOPBACK,UP,LOWER_UP&gt; mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000".
    /// <c>ip link</c> prints the mode, <c>ip addr</c> does not; listings print the queue length, monitor does not
    /// (and then the line ends with the space after the group, as ip's does).
    /// </summary>
    public static string HeaderLine(Netlink.Route.Link link, LinkSet links, bool includeLinkMode, bool includeQueueLength, Painter painter, bool includeGroup = true)
    {
        var line = new StringBuilder();
        line.Append(link.Index.ToString(CultureInfo.InvariantCulture)).Append(": ");
        line.Append(painter.Paint(Color.InterfaceName, NameWithParent(link, links) + ": "));
        line.Append('<').AppendJoin(',', Flags(link, links)).Append('>');
        if (link.Mtu is { } mtu)
        {
            line.Append(" mtu ").Append(mtu.ToString(CultureInfo.InvariantCulture));
        }

        if (link.Qdisc is { } qdisc)
        {
            line.Append(" qdisc ").Append(qdisc);
        }

        if (link.MasterIndex is { } master)
        {
            line.Append(" master ").Append(links.Find(master)?.Name ?? master.ToString(CultureInfo.InvariantCulture));
        }

        line.Append(" state ").Append(PaintState(painter, link.OperationalState, LinkStateNames.Format(link.OperationalState) + " "));
        if (includeLinkMode)
        {
            line.Append("mode ").Append(LinkModeNames.Format(link.Mode)).Append(' ');
        }

        if (includeGroup)
        {
            line.Append("group ").Append(Group(link.Group)).Append(' ');
        }

        if (includeQueueLength && link.TxQueueLength is { } qlen)
        {
            line.Append("qlen ").Append(qlen.ToString(CultureInfo.InvariantCulture));
        }

        return line.ToString();
    }

    /// <summary>"    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff".</summary>
    public static string LinkLayerLine(Netlink.Route.Link link, Painter painter)
    {
        var line = new StringBuilder("    link/").Append(ArpHardwareTypeNames.Format(link.LinkType));
        if (link.Address is { } address)
        {
            line.Append(' ').Append(painter.Paint(Color.Mac, Mac(address)));
        }

        if (link.Broadcast is { } broadcast)
        {
            line.Append((link.Flags & LinkFlags.PointToPoint) != 0 ? " peer " : " brd ").Append(painter.Paint(Color.Mac, Mac(broadcast)));
        }

        if (link.LinkNetnsId is { } nsid)
        {
            line.Append(" link-netnsid ").Append(nsid.ToString(CultureInfo.InvariantCulture));
        }

        return line.ToString();
    }

    /// <summary>An operational state's text, green for UP and red for DOWN as ip colours them.</summary>
    public static string PaintState(Painter painter, LinkOperationalState state, string text) => state switch
    {
        LinkOperationalState.Up => painter.Paint(Color.Up, text),
        LinkOperationalState.Down => painter.Paint(Color.Down, text),
        _ => text,
    };
}
