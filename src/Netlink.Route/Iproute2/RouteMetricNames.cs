namespace Netlink.Route.Iproute2;

/// <summary>Route metrics (RTA_METRICS) as <c>ip route</c> names them, in its units and order.</summary>
public static class RouteMetricNames
{
    /// <summary>
    /// The numeric metrics that are set, in iproute2's order (RTAX_*), with its names and units:
    /// <c>rtt</c> and <c>rttvar</c> in milliseconds (the kernel keeps them scaled by 8 and 4),
    /// <c>rto_min</c> in milliseconds, and whether RTAX_LOCK locks each. The congestion control
    /// algorithm is not a number: see <see cref="RouteMetrics.CongestionControl"/> (<c>congctl</c>).
    /// </summary>
    public static IEnumerable<RouteMetricValue> Format(RouteMetrics? metrics)
    {
        if (metrics is null)
        {
            yield break;
        }

        uint locked = metrics.Lock ?? 0;
        (int Index, string Name, uint? Value)[] all =
        [
            (2, "mtu", metrics.Mtu), (3, "window", metrics.Window), (4, "rtt", metrics.Rtt / 8), (5, "rttvar", metrics.RttVariance / 4),
            (6, "ssthresh", metrics.SlowStartThreshold), (7, "cwnd", metrics.CongestionWindow), (8, "advmss", metrics.AdvertisedMss),
            (9, "reordering", metrics.Reordering), (10, "hoplimit", metrics.HopLimit), (11, "initcwnd", metrics.InitialCongestionWindow),
            (12, "features", metrics.Features), (13, "rto_min", metrics.RtoMin), (14, "initrwnd", metrics.InitialReceiveWindow),
            (15, "quickack", metrics.QuickAck), (17, "fastopen_no_cookie", metrics.FastOpenNoCookie),
        ];
        foreach ((int index, string name, uint? value) in all)
        {
            if (value is { } v)
            {
                yield return new RouteMetricValue(name, v, (locked & (1u << index)) != 0, index is 4 or 5 or 13);
            }
        }
    }

    /// <summary>The RTAX index of a metric name ip takes on the command line (<c>mtu</c> is 2), or 0.</summary>
    public static int IndexOf(string name) => name switch
    {
        "mtu" => 2,
        "window" => 3,
        "rtt" => 4,
        "rttvar" => 5,
        "ssthresh" => 6,
        "cwnd" => 7,
        "advmss" => 8,
        "reordering" => 9,
        "hoplimit" => 10,
        "initcwnd" => 11,
        "features" => 12,
        "rto_min" => 13,
        "initrwnd" => 14,
        "quickack" => 15,
        "congctl" => 16,
        "fastopen_no_cookie" => 17,
        _ => 0,
    };
}

/// <summary>One route metric as iproute2 shows it.</summary>
/// <param name="Name">iproute2's name (<c>mtu</c>, <c>rtt</c>, <c>initcwnd</c>…).</param>
/// <param name="Value">The value in iproute2's unit (milliseconds for times).</param>
/// <param name="Locked">True when RTAX_LOCK locks it (<c>mtu lock 1300</c>).</param>
/// <param name="IsTime">True for times (<c>rtt</c>, <c>rttvar</c>, <c>rto_min</c>), printed with ms or s.</param>
public readonly record struct RouteMetricValue(string Name, uint Value, bool Locked, bool IsTime);
