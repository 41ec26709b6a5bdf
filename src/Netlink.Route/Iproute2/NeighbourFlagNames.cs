namespace Netlink.Route.Iproute2;

/// <summary>Neighbour flag words as <c>ip neigh</c> prints them (router, proxy, extern_learn, offload).</summary>
public static class NeighbourFlagNames
{
    private static readonly (NeighbourFlags Flag, string Name)[] Words =
    [
        (NeighbourFlags.Router, "router"), (NeighbourFlags.Proxy, "proxy"), (NeighbourFlags.ExternallyLearned, "extern_learn"),
        (NeighbourFlags.Offloaded, "offload"),
    ];

    /// <summary>The words of the set flags, in ip's order.</summary>
    public static IEnumerable<string> Format(NeighbourFlags flags)
    {
        foreach ((NeighbourFlags flag, string name) in Words)
        {
            if ((flags & flag) != 0)
            {
                yield return name;
            }
        }
    }
}
