using Nlctl.Cli;

namespace Nlctl.Objects.Rule;

/// <summary><c>nlctl rule</c> (<c>ru</c>): routing policy rules, as <c>ip rule</c>.</summary>
internal static class RuleObject
{
    private const string Usage = """
        Usage: nlctl rule [ list [ pref N ] [ table TABLE ] ]
               nlctl rule { add | del } SELECTOR ACTION
               nlctl rule flush
        SELECTOR := [ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ] [ fwmark MARK[/MASK] ]
                    [ iif DEVICE ] [ oif DEVICE ] [ pref NUMBER ] [ uidrange A-B ]
                    [ ipproto PROTOCOL ] [ sport N[-M] ] [ dport N[-M] ]
        ACTION := [ table TABLE | goto NUMBER | nop | blackhole | unreachable | prohibit ]
                  [ suppress_prefixlength N ] [ suppress_ifgroup GROUP ] [ protocol PROTO ]
        IPv4 unless -6. Global options that apply: -4 -6 -j -p -d -n NETNS

        """;

    /// <summary>ip rule's verbs, in ip's order (<c>l</c>/<c>s</c> list, <c>a</c> add, <c>d</c> del, <c>f</c> flush).</summary>
    public static VerbTable Verbs { get; } = new(
        "rule",
        Usage,
        new Verb(["list", "show", "lst"], RuleShow.RunAsync) { Keywords = ["pref", "table"] },
        new Verb(["add"], RuleModify.AddAsync) { Keywords = Selectors },
        new Verb(["delete"], RuleModify.DeleteAsync) { Keywords = Selectors },
        new Verb(["flush"], RuleModify.FlushAsync));

    public static CliObject Definition { get; } = new()
    {
        Names = ["rule"],
        Summary = "routing policy rules (ip rule)",
        Usage = Usage,
        Run = Verbs.RunAsync,
        Grammar = new Completion.Grammar(Verbs),
    };

    private static string[] Selectors =>
        ["not", "from", "to", "tos", "fwmark", "iif", "oif", "pref", "uidrange", "ipproto", "sport", "dport", "table", "lookup", "goto", "nop", "blackhole", "unreachable", "prohibit", "suppress_prefixlength", "suppress_ifgroup", "protocol"];
}
