namespace Netlink.Route.Iproute2;

/// <summary>Route scope names as <c>ip</c> prints and parses them (global, site, link, host, nowhere and rt_scopes).</summary>
public static class RouteScopeNames
{
    private static readonly NameTable Table = new([(0, "global"), (200, "site"), (253, "link"), (254, "host"), (255, "nowhere")], "rt_scopes", byte.MaxValue);

    /// <summary>"global", "link", "host", "site", "nowhere", a name from rt_scopes, or the number.</summary>
    public static string Format(RouteScope scope) => Table.Format((byte)scope);

    /// <summary>Parses a scope name (also <c>universe</c>) or number (0-255).</summary>
    public static bool TryParse(string text, out RouteScope scope)
    {
        bool ok = Table.TryParse(text == "universe" ? "global" : text, out uint value);
        scope = (RouteScope)(byte)value;
        return ok;
    }

    /// <summary>Every scope name (for completion).</summary>
    public static IReadOnlyList<string> Names => Table.Names;
}
