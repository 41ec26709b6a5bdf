using Nlctl.Cli;

namespace Nlctl.Objects.Route;

/// <summary><c>nlctl route</c> (<c>r</c>): routing tables, as <c>ip route</c>.</summary>
internal static class RouteObject
{
    private const string Usage = """
        Usage: nlctl route { list | flush } [ table TABLE|all ] [ proto PROTO ] [ dev DEVICE ] [ type TYPE ]
               nlctl route get ADDRESS [ from ADDRESS ] [ iif DEVICE ] [ oif DEVICE ] [ mark MARK ] [ fibmatch ]
               nlctl route { add | del | change | append | replace } ROUTE
        ROUTE := [ TYPE ] PREFIX [ via ADDRESS ] [ dev DEVICE ] [ src ADDRESS ] [ table TABLE ]
                 [ metric N ] [ proto PROTO ] [ scope SCOPE ] [ onlink ] [ METRIC [ lock ] N ]...
                 [ nexthop [ via ADDRESS ] [ dev DEVICE ] [ weight N ] [ onlink ] ]...
        TYPE := { unicast | local | broadcast | multicast | throw | unreachable | prohibit | blackhole | nat }
        METRIC := { mtu | advmss | hoplimit | window | initcwnd | initrwnd | reordering | ssthresh | cwnd | quickack }
        PREFIX := ADDR[/LEN] | default (ip's forms: 10.1/16 is 10.1.0.0/16; no zone ids)
        IPv4 unless -6 is given (or the addresses are IPv6). Global options: -4 -6 -j -p -o -c -n NETNS

        """;

    /// <summary>ip route's verbs, in ip's order (<c>a</c> add, <c>d</c> del, <c>s</c> show, <c>g</c> get, <c>f</c> flush).</summary>
    public static VerbTable Verbs { get; } = new(
        "route",
        Usage,
        new Verb(["add"], RouteModify.AddAsync) { Keywords = Modifiers },
        new Verb(["change", "chg"], RouteModify.ReplaceAsync) { Keywords = Modifiers },
        new Verb(["replace"], RouteModify.ReplaceAsync) { Keywords = Modifiers },
        new Verb(["append"], RouteModify.AppendAsync) { Keywords = Modifiers },
        new Verb(["delete"], RouteModify.DeleteAsync) { Keywords = Modifiers },
        new Verb(["list", "show", "lst"], RouteShow.RunAsync) { Keywords = Selectors },
        new Verb(["get"], RouteGet.RunAsync) { Keywords = ["from", "iif", "oif", "mark", "fibmatch"] },
        new Verb(["flush"], RouteFlush.RunAsync) { Keywords = Selectors });

    public static CliObject Definition { get; } = new()
    {
        Names = ["route"],
        Summary = "routing tables (ip route)",
        Usage = Usage,
        Run = Verbs.RunAsync,
        Grammar = new Completion.Grammar(Verbs) { TypeValues = Completion.ValueKind.RouteType },
    };

    private static string[] Modifiers =>
        ["via", "dev", "src", "table", "metric", "proto", "scope", "type", "onlink", "mtu", "advmss", "hoplimit", "window", "initcwnd", "initrwnd", "nexthop", "weight"];

    private static string[] Selectors => ["table", "proto", "dev", "type"];
}
