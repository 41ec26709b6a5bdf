using Nlctl.Cli;

namespace Nlctl.Objects.Monitor;

/// <summary><c>nlctl monitor</c> (<c>m</c>): changes as they happen, as <c>ip monitor</c>.</summary>
internal static class MonitorObject
{
    private const string Usage = """
        Usage: nlctl monitor [ all | OBJECT... ] [ label ] [ count N ]
        OBJECT := { link | address | route | neigh | rule }
        Prints one event per line (a link or address takes two, as ip's do), "Deleted " before
        removals; with -j one JSON object per line: the fields show -j prints for the object, plus
        "event" (new, deleted, overrun) and "object". -t adds timestamps, -4/-6 narrow routes and
        addresses. "nlctl: monitoring" on stderr says the groups are joined. Ends on Ctrl-C, SIGTERM
        or after count N events.

        """;

    public static CliObject Definition { get; } = new()
    {
        Names = ["monitor"],
        Summary = "link, address, route, neighbour and rule changes as they happen (ip monitor)",
        Usage = Usage,
        Run = MonitorCommand.RunAsync,
        Grammar = new Completion.Grammar(null) { Words = ["all", "link", "address", "route", "neigh", "rule", "label", "count", "help"] },
    };
}
