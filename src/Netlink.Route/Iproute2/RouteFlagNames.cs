namespace Netlink.Route.Iproute2;

/// <summary>Route and next-hop flag words as <c>ip route</c> prints them (onlink, linkdown, dead…).</summary>
public static class RouteFlagNames
{
    private static readonly (RouteFlags Flag, string Name)[] Words =
    [
        (RouteFlags.Dead, "dead"), (RouteFlags.OnLink, "onlink"), (RouteFlags.Pervasive, "pervasive"), (RouteFlags.Offload, "offload"),
        (RouteFlags.Trap, "trap"), (RouteFlags.Notify, "notify"), (RouteFlags.LinkDown, "linkdown"), (RouteFlags.Unresolved, "unresolved"),
        (RouteFlags.RouteOffload, "rt_offload"), (RouteFlags.RouteTrap, "rt_trap"), (RouteFlags.RouteOffloadFailed, "rt_offload_failed"),
    ];

    /// <summary>The words of the set flags, in ip's order.</summary>
    public static IEnumerable<string> Format(RouteFlags flags)
    {
        foreach ((RouteFlags flag, string name) in Words)
        {
            if ((flags & flag) != 0)
            {
                yield return name;
            }
        }
    }
}
