namespace Nlctl.Tests.CrossChecks;

/// <summary>
/// <c>nlctl neigh</c> and <c>nlctl rule</c> against <c>ip neigh</c> and <c>ip rule</c> in a populated
/// namespace: the same bytes, JSON and text, for every selection.
/// </summary>
public sealed class NeighbourRuleCrossCheckTests(PopulatedNamespace ns) : IClassFixture<PopulatedNamespace>
{
    public static TheoryData<string> Selections => new()
    {
        "neigh show", "neigh", "n", "neigh show nud all", "neigh show nud stale", "neigh show dev va", "neigh show proxy",
        "-4 neigh show", "-6 neigh show", "neigh show 10.0.0.0/24", "neighbour show to 10.0.0.5",
        "rule show", "rule", "ru", "-6 rule show", "-d rule show", "rule list",
    };

    [RootTheory]
    [MemberData(nameof(Selections))]
    public void Json_equals_ip_json(string selection)
    {
        string[] words = selection.Split(' ');
        string expected = Run.Ip(["-n", ns.Name, "-j", .. words]);
        Assert.NotEqual("[]\n", expected);
        Assert.Equal(expected, Run.NlctlChecked(["-n", ns.Name, "-j", .. words]));
    }

    [RootTheory]
    [MemberData(nameof(Selections))]
    public void Text_equals_ip_text(string selection)
    {
        string[] words = selection.Split(' ');
        Assert.Equal(Run.Ip(["-n", ns.Name, .. words]), Run.NlctlChecked(["-n", ns.Name, .. words]));
    }

    [RootFact]
    public void Neighbour_add_replace_delete_proxy_and_flush_act_like_ip()
    {
        string n = ns.Name;
        Run.NlctlChecked("-n", n, "neigh", "add", "10.1.0.40", "lladdr", "02:00:00:00:01:40", "dev", "vc", "nud", "reachable", "router");
        Run.NlctlChecked("-n", n, "neigh", "replace", "10.1.0.41", "lladdr", "02:00:00:00:01:41", "dev", "vc", "nud", "stale");
        Run.NlctlChecked("-n", n, "neigh", "add", "proxy", "10.1.0.42", "dev", "vc");
        string shown = Run.Ip("-n", n, "neigh", "show", "dev", "vc");
        Assert.Contains("10.1.0.40 lladdr 02:00:00:00:01:40 router REACHABLE", shown, StringComparison.Ordinal);
        Assert.Contains("10.1.0.41 lladdr 02:00:00:00:01:41 STALE", shown, StringComparison.Ordinal);
        Assert.Contains("10.1.0.42 dev vc proxy", Run.Ip("-n", n, "neigh", "show", "proxy"), StringComparison.Ordinal);

        Run.NlctlChecked("-n", n, "neigh", "del", "proxy", "10.1.0.42", "dev", "vc");
        Run.NlctlChecked("-n", n, "neigh", "flush", "dev", "vc");
        shown = Run.Ip("-n", n, "neigh", "show", "dev", "vc", "nud", "all");
        Assert.DoesNotContain("10.1.0.41", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("10.1.0.40", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("10.1.0.42", Run.Ip("-n", n, "neigh", "show", "proxy"), StringComparison.Ordinal);

        ProcessResult missing = Run.Nlctl("-n", n, "neigh", "del", "10.1.0.99", "dev", "vc");
        Assert.Equal((2, string.Empty), (missing.ExitCode, missing.Stdout));
        Assert.Equal(["RTNETLINK answers: No such file or directory"], missing.StderrLines);
    }

    [RootFact]
    public void Rule_add_delete_and_flush_act_like_ip()
    {
        using var scratch = new TestNamespace();
        string n = scratch.Name;
        Run.NlctlChecked("-n", n, "rule", "add", "from", "10.20.0.0/16", "table", "50", "pref", "500");
        Run.NlctlChecked("-n", n, "rule", "add", "not", "to", "10.21.0.0/16", "fwmark", "0x5/0xf", "blackhole", "pref", "501");
        Run.NlctlChecked("-n", n, "-6", "rule", "add", "from", "2001:db8:20::/48", "iif", "lo", "lookup", "51", "pref", "502");
        Assert.Equal(
            "0:\tfrom all lookup local\n500:\tfrom 10.20.0.0/16 lookup 50\n501:\tnot from all to 10.21.0.0/16 fwmark 0x5/0xf blackhole\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n",
            Run.Ip("-n", n, "rule", "show"));
        Assert.Contains("502:\tfrom 2001:db8:20::/48 iif lo lookup 51", Run.Ip("-n", n, "-6", "rule", "show"), StringComparison.Ordinal);

        Run.NlctlChecked("-n", n, "rule", "del", "pref", "500");
        Assert.DoesNotContain("500:", Run.Ip("-n", n, "rule", "show"), StringComparison.Ordinal);
        Run.NlctlChecked("-n", n, "rule", "flush");
        Assert.Equal("0:\tfrom all lookup local\n", Run.Ip("-n", n, "rule", "show"));
    }
}
