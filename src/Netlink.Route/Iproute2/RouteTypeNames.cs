using System.Globalization;

namespace Netlink.Route.Iproute2;

/// <summary>Route type words as <c>ip</c> prints and parses them (unicast, local, blackhole, unreachable…).</summary>
public static class RouteTypeNames
{
    private static readonly string[] Words =
        ["none", "unicast", "local", "broadcast", "anycast", "multicast", "blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve"];

    /// <summary>"unicast", "local", "blackhole"…, or the number.</summary>
    public static string Format(RouteType type) =>
        (byte)type < Words.Length ? Words[(byte)type] : ((byte)type).ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a route type word (not "none").</summary>
    public static bool TryParse(string text, out RouteType type)
    {
        int index = Array.IndexOf(Words, text);
        type = index > 0 ? (RouteType)index : RouteType.Unspecified;
        return index > 0;
    }

    /// <summary>The route type words (for completion).</summary>
    public static IReadOnlyList<string> Names => Words[1..];
}
