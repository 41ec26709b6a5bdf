namespace Netlink.Route.Iproute2;

/// <summary>Routing table names as <c>ip</c> prints and parses them: main, local, default, and those of rt_tables.</summary>
public static class RouteTableNames
{
    private static readonly NameTable Table = new([(RouteTables.Default, "default"), (RouteTables.Main, "main"), (RouteTables.Local, "local")], "rt_tables");

    /// <summary>"main", "local", "default", a name from /etc/iproute2/rt_tables, or the number.</summary>
    public static string Format(uint table) => Table.Format(table);

    /// <summary>
    /// Parses a table name or number (decimal, 0x hex, 0 octal); <c>all</c> is
    /// <see cref="RouteTables.All"/> (0), which only selections accept.
    /// </summary>
    public static bool TryParse(string text, out uint table)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "all")
        {
            table = RouteTables.All;
            return true;
        }

        return Table.TryParse(text, out table);
    }

    /// <summary>Every table name known here (for completion).</summary>
    public static IReadOnlyList<string> Names => Table.Names;
}
