namespace Netlink.Route.Iproute2;

/// <summary>Route protocol names as <c>ip</c> prints and parses them (kernel, static, boot, bird… and rt_protos).</summary>
public static class RouteProtocolNames
{
    private static readonly NameTable Table = new(
        [
            (0, "unspec"), (1, "redirect"), (2, "kernel"), (3, "boot"), (4, "static"), (8, "gated"), (9, "ra"), (10, "mrt"),
            (11, "zebra"), (12, "bird"), (13, "dnrouted"), (14, "xorp"), (15, "ntk"), (16, "dhcp"), (18, "keepalived"),
            (42, "babel"), (99, "openr"), (186, "bgp"), (187, "isis"), (188, "ospf"), (189, "rip"), (192, "eigrp"),
        ],
        "rt_protos",
        byte.MaxValue);

    /// <summary>"kernel", "static", "boot", a name from /etc/iproute2/rt_protos, or the number.</summary>
    public static string Format(RouteProtocol protocol) => Table.Format((byte)protocol);

    /// <summary>Parses a protocol name or number (0-255).</summary>
    public static bool TryParse(string text, out RouteProtocol protocol)
    {
        bool ok = Table.TryParse(text, out uint value);
        protocol = (RouteProtocol)(byte)value;
        return ok;
    }

    /// <summary>Every protocol name (for completion).</summary>
    public static IReadOnlyList<string> Names => Table.Names;
}
