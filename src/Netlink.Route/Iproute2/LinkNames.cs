namespace Netlink.Route.Iproute2;

/// <summary>Names of link enums as iproute2 prints them.</summary>
public static class LinkNames
{
    private static readonly (LinkFlags Flag, string Name)[] FlagNames =
    [
        (LinkFlags.Loopback, "LOOPBACK"),
        (LinkFlags.Broadcast, "BROADCAST"),
        (LinkFlags.PointToPoint, "POINTOPOINT"),
        (LinkFlags.Multicast, "MULTICAST"),
        (LinkFlags.NoArp, "NOARP"),
        (LinkFlags.AllMulticast, "ALLMULTI"),
        (LinkFlags.Promiscuous, "PROMISC"),
        (LinkFlags.NoTrailers, "NOTRAILERS"),
        (LinkFlags.Debug, "DEBUG"),
        (LinkFlags.Dynamic, "DYNAMIC"),
        (LinkFlags.AutoMedia, "AUTOMEDIA"),
        (LinkFlags.PortSelect, "PORTSEL"),
        (LinkFlags.Master, "MASTER"),
        (LinkFlags.Slave, "SLAVE"),
        (LinkFlags.Up, "UP"),
        (LinkFlags.LowerUp, "LOWER_UP"),
        (LinkFlags.Dormant, "DORMANT"),
        (LinkFlags.Echo, "ECHO"),
    ];

    /// <summary>
    /// The flag words in iproute2's order: NO-CARRIER first when up but not running, then each
    /// set flag (RUNNING is implied and not listed), then the hex rest of unknown bits if any.
    /// </summary>
    public static IReadOnlyList<string> ToIprouteFlagNames(LinkFlags flags)
    {
        var names = new List<string>();
        if ((flags & LinkFlags.Up) != 0 && (flags & LinkFlags.Running) == 0)
        {
            names.Add("NO-CARRIER");
        }

        uint rest = (uint)(flags & ~LinkFlags.Running);
        foreach ((LinkFlags flag, string name) in FlagNames)
        {
            if ((rest & (uint)flag) != 0)
            {
                names.Add(name);
                rest &= ~(uint)flag;
            }
        }

        if (rest != 0)
        {
            names.Add("0x" + rest.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        }

        return names;
    }

    /// <summary>The state as iproute2 prints it: UNKNOWN, NOTPRESENT, DOWN, LOWERLAYERDOWN, TESTING, DORMANT, UP.</summary>
    public static string ToIprouteName(this LinkOperationalState state) => state switch
    {
        LinkOperationalState.Unknown => "UNKNOWN",
        LinkOperationalState.NotPresent => "NOTPRESENT",
        LinkOperationalState.Down => "DOWN",
        LinkOperationalState.LowerLayerDown => "LOWERLAYERDOWN",
        LinkOperationalState.Testing => "TESTING",
        LinkOperationalState.Dormant => "DORMANT",
        LinkOperationalState.Up => "UP",
        _ => ((byte)state).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The mode as iproute2 prints it: DEFAULT, DORMANT, TESTING.</summary>
    public static string ToIprouteName(this LinkMode mode) => mode switch
    {
        LinkMode.Default => "DEFAULT",
        LinkMode.Dormant => "DORMANT",
        LinkMode.Testing => "TESTING",
        _ => ((byte)mode).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
