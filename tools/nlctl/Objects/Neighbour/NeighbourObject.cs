using Nlctl.Cli;

namespace Nlctl.Objects.Neighbour;

/// <summary><c>nlctl neighbour</c> (<c>neigh</c>, <c>n</c>): ARP and NDP entries, as <c>ip neigh</c>.</summary>
internal static class NeighbourObject
{
    private const string Usage = """
        Usage: nlctl neigh { add | del | change | replace } { ADDR [ lladdr LLADDR ] [ nud STATE ] | proxy ADDR }
                           [ router ] [ extern_learn ] [ proto PROTO ] dev DEV
               nlctl neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ]
        STATE := { permanent | noarp | stale | reachable | none | incomplete | delay | probe | failed | all }
        Global options that apply: -4 -6 -j -p -c -n NETNS

        """;

    /// <summary>ip neigh's verbs, in ip's order.</summary>
    public static VerbTable Verbs { get; } = new(
        "neigh",
        Usage,
        new Verb(["add"], NeighbourModify.AddAsync) { Keywords = Modifiers },
        new Verb(["change", "chg"], NeighbourModify.ReplaceAsync) { Keywords = Modifiers },
        new Verb(["replace"], NeighbourModify.ReplaceAsync) { Keywords = Modifiers },
        new Verb(["delete"], NeighbourModify.DeleteAsync) { Keywords = Modifiers },
        new Verb(["list", "show", "lst"], NeighbourShow.RunAsync) { Keywords = Selectors },
        new Verb(["flush"], NeighbourFlush.RunAsync) { Keywords = Selectors });

    public static CliObject Definition { get; } = new()
    {
        Names = ["neighbor", "neighbour"],
        Summary = "ARP and NDP cache entries, proxy entries (ip neigh)",
        Usage = Usage,
        Run = Verbs.RunAsync,
        Grammar = new Completion.Grammar(Verbs),
    };

    private static string[] Modifiers => ["lladdr", "nud", "proxy", "router", "extern_learn", "proto", "dev"];

    private static string[] Selectors => ["proxy", "to", "dev", "nud"];
}
