using System.Globalization;

namespace Netlink.Route.Iproute2;

/// <summary>
/// Route words as iproute2 prints and parses them: tables (<c>rt_tables</c>), protocols
/// (<c>rt_protos</c>), scopes (<c>rt_scopes</c>), route types, flags, preferences and metrics.
/// Names from iproute2's configuration files under /etc/iproute2 are honoured, as <c>ip</c> does.
/// </summary>
public static class RouteNames
{
    private static readonly NameTable Tables = new([(RouteTables.Default, "default"), (RouteTables.Main, "main"), (RouteTables.Local, "local")], "rt_tables");

    private static readonly NameTable Protocols = new(
        [
            (0, "unspec"), (1, "redirect"), (2, "kernel"), (3, "boot"), (4, "static"), (8, "gated"), (9, "ra"), (10, "mrt"),
            (11, "zebra"), (12, "bird"), (13, "dnrouted"), (14, "xorp"), (15, "ntk"), (16, "dhcp"), (18, "keepalived"),
            (42, "babel"), (99, "openr"), (186, "bgp"), (187, "isis"), (188, "ospf"), (189, "rip"), (192, "eigrp"),
        ],
        "rt_protos",
        byte.MaxValue);

    private static readonly NameTable Scopes = new([(0, "global"), (200, "site"), (253, "link"), (254, "host"), (255, "nowhere")], "rt_scopes", byte.MaxValue);

    private static readonly string[] TypeNames =
        ["none", "unicast", "local", "broadcast", "anycast", "multicast", "blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve"];

    private static readonly (RouteFlags Flag, string Name)[] FlagNames =
    [
        (RouteFlags.Dead, "dead"), (RouteFlags.OnLink, "onlink"), (RouteFlags.Pervasive, "pervasive"), (RouteFlags.Offload, "offload"),
        (RouteFlags.Trap, "trap"), (RouteFlags.Notify, "notify"), (RouteFlags.LinkDown, "linkdown"), (RouteFlags.Unresolved, "unresolved"),
        (RouteFlags.RouteOffload, "rt_offload"), (RouteFlags.RouteTrap, "rt_trap"), (RouteFlags.RouteOffloadFailed, "rt_offload_failed"),
    ];

    /// <summary>"main", "local", "default", a name from rt_tables, or the number.</summary>
    public static string FormatTable(uint table) => Tables.Format(table);

    /// <summary>
    /// Parses a table name or number; <c>all</c> is <see cref="RouteTables.All"/> (0), which only
    /// selections accept.
    /// </summary>
    public static bool TryParseTable(string text, out uint table)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "all")
        {
            table = RouteTables.All;
            return true;
        }

        return Tables.TryParse(text, out table);
    }

    /// <summary>Every table name iproute2 knows here (for completion).</summary>
    public static IReadOnlyList<string> TableNames => Tables.Names;

    /// <summary>"kernel", "static", "boot", a name from rt_protos, or the number.</summary>
    public static string FormatProtocol(RouteProtocol protocol) => Protocols.Format((byte)protocol);

    /// <summary>Parses a protocol name or number (0-255).</summary>
    public static bool TryParseProtocol(string text, out RouteProtocol protocol)
    {
        bool ok = Protocols.TryParse(text, out uint value);
        protocol = (RouteProtocol)(byte)value;
        return ok;
    }

    /// <summary>Every protocol name (for completion).</summary>
    public static IReadOnlyList<string> ProtocolNames => Protocols.Names;

    /// <summary>"global", "link", "host", "site", "nowhere", a name from rt_scopes, or the number.</summary>
    public static string FormatScope(RouteScope scope) => Scopes.Format((byte)scope);

    /// <summary>Parses a scope name (also <c>universe</c>) or number (0-255).</summary>
    public static bool TryParseScope(string text, out RouteScope scope)
    {
        bool ok = Scopes.TryParse(text == "universe" ? "global" : text, out uint value);
        scope = (RouteScope)(byte)value;
        return ok;
    }

    /// <summary>Every scope name (for completion).</summary>
    public static IReadOnlyList<string> ScopeNames => Scopes.Names;

    /// <summary>"unicast", "local", "blackhole"…, or the number.</summary>
    public static string FormatType(RouteType type) =>
        (byte)type < TypeNames.Length ? TypeNames[(byte)type] : ((byte)type).ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a route type word (not "none"): <c>unicast</c>, <c>blackhole</c>, <c>local</c>…</summary>
    public static bool TryParseType(string text, out RouteType type)
    {
        int index = Array.IndexOf(TypeNames, text);
        type = index > 0 ? (RouteType)index : RouteType.Unspecified;
        return index > 0;
    }

    /// <summary>The route type words (for completion).</summary>
    public static IReadOnlyList<string> TypeWords => TypeNames[1..];

    /// <summary>The flag words of <paramref name="flags"/> in iproute2's order (<c>onlink</c>, <c>linkdown</c>…).</summary>
    public static IEnumerable<string> FormatFlags(RouteFlags flags)
    {
        foreach ((RouteFlags flag, string name) in FlagNames)
        {
            if ((flags & flag) != 0)
            {
                yield return name;
            }
        }
    }

    /// <summary>"medium", "high", "low", or the number (IPv6 router preference).</summary>
    public static string FormatPreference(RoutePreference preference) => preference switch
    {
        RoutePreference.Medium => "medium",
        RoutePreference.High => "high",
        RoutePreference.Low => "low",
        _ => ((byte)preference).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The numeric metrics that are set, in iproute2's order (RTAX_*), with its names and units:
    /// <c>rtt</c> and <c>rttvar</c> in milliseconds (the kernel keeps them scaled by 8 and 4),
    /// <c>rto_min</c> in milliseconds, and whether RTAX_LOCK locks each. The congestion control
    /// algorithm is not a number: see <see cref="RouteMetrics.CongestionControl"/> (<c>congctl</c>).
    /// </summary>
    public static IEnumerable<RouteMetricValue> FormatMetrics(RouteMetrics? metrics)
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
}

/// <summary>One route metric as iproute2 shows it.</summary>
/// <param name="Name">iproute2's name (<c>mtu</c>, <c>rtt</c>, <c>initcwnd</c>…).</param>
/// <param name="Value">The value in iproute2's unit (milliseconds for times).</param>
/// <param name="Locked">True when RTAX_LOCK locks it (<c>mtu lock 1300</c>).</param>
/// <param name="IsTime">True for times (<c>rtt</c>, <c>rttvar</c>, <c>rto_min</c>), printed with ms or s.</param>
public readonly record struct RouteMetricValue(string Name, uint Value, bool Locked, bool IsTime);
