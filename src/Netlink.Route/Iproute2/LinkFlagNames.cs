namespace Netlink.Route.Iproute2;

/// <summary>Link flag words as <c>ip link</c> prints them between &lt; and &gt; (UP, LOWER_UP, NO-CARRIER…).</summary>
public static class LinkFlagNames
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
    public static IReadOnlyList<string> Format(LinkFlags flags)
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
}
