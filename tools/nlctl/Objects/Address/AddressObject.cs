using Nlctl.Cli;

namespace Nlctl.Objects.Address;

/// <summary><c>nlctl address</c> (<c>addr</c>, <c>a</c>): IPv4 and IPv6 addresses, as <c>ip address</c>.</summary>
internal static class AddressObject
{
    private const string Usage = """
        Usage: nlctl address { add | change | replace } IFADDR dev DEVICE [ LIFETIME ] [ CONFFLAG-LIST ]
               nlctl address del IFADDR dev DEVICE
               nlctl address { show | flush } [ [dev] DEVICE ] [ up ] [ scope SCOPE ] [ label PATTERN ]
        IFADDR := PREFIX [ peer PREFIX ] [ broadcast ADDR | brd { ADDR | + | - } ] [ label LABEL ]
                  [ scope { global | site | link | host | NUMBER } ] [ metric N ]
        PREFIX := ADDR[/LEN] (ip's forms: 10.1/16 is 10.1.0.0/16; no zone ids)
        LIFETIME := [ valid_lft { SECONDS | forever } ] [ preferred_lft { SECONDS | forever } ]
        CONFFLAG-LIST := [ nodad | noprefixroute | mngtmpaddr | autojoin | home | optimistic ]...
        Global options that apply: -4 -6 -j -p -br -s -d -o -c -n NETNS

        """;

    /// <summary>ip address's verbs, in ip's order (<c>a</c> add, <c>s</c> show, <c>d</c> delete, <c>f</c> flush).</summary>
    public static VerbTable Verbs { get; } = new(
        "address",
        Usage,
        new Verb(["add"], AddressModify.AddAsync) { Keywords = Modifiers },
        new Verb(["change", "chg"], AddressModify.ReplaceAsync) { Keywords = Modifiers },
        new Verb(["replace"], AddressModify.ReplaceAsync) { Keywords = Modifiers },
        new Verb(["delete"], AddressModify.DeleteAsync) { Keywords = Modifiers },
        new Verb(["list", "show", "lst"], AddressShow.RunAsync) { Keywords = Selectors, TakesDevice = true },
        new Verb(["flush"], AddressFlush.RunAsync) { Keywords = Selectors, TakesDevice = true });

    public static CliObject Definition { get; } = new()
    {
        Names = ["address"],
        Summary = "IPv4 and IPv6 addresses (ip address)",
        Usage = Usage,
        Run = Verbs.RunAsync,
        Grammar = new Completion.Grammar(Verbs),
    };

    private static string[] Modifiers =>
        ["dev", "peer", "broadcast", "brd", "label", "scope", "valid_lft", "preferred_lft", "metric", "nodad", "noprefixroute", "mngtmpaddr", "autojoin", "home", "optimistic"];

    private static string[] Selectors => ["dev", "up", "scope", "label"];
}
