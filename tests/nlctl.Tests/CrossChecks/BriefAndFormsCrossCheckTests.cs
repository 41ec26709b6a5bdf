namespace Nlctl.Tests.CrossChecks;

/// <summary>
/// The global options that change the form of the output (-br, -4, -6, -o, -s, -p, -c) and the
/// plain listings, byte for byte against ip in a populated namespace.
/// </summary>
public sealed class BriefAndFormsCrossCheckTests(PopulatedNamespace ns) : IClassFixture<PopulatedNamespace>
{
    public static TheoryData<string> Listings => new()
    {
        "-br link", "-br addr", "-br -4 addr", "-br -6 addr", "-br -j link", "-br -j addr",
        "-4 -j addr", "-6 -j addr", "-4 addr", "-6 addr", "-6 addr show dev va", "-j addr show dev va",
        "-o addr", "-o link",
        // Counters of lo only: the veths' move while the tests run (IPv6 neighbour discovery).
        "-s link show lo", "-s -s link show lo", "-j -s link show lo", "-j -s -s link show lo", "-s addr show dev lo",
        "-j -p link", "-j -p addr", "-j -p neigh", "-j -p rule",
        "link", "l", "link show va", "link show dev vc", "-j link show type veth", "addr", "a", "a s lo", "addr show scope link",
        "-c=always -br addr", "-c=always addr show dev va", "-c=always neigh",
    };

    [RootTheory]
    [MemberData(nameof(Listings))]
    public void Output_equals_ip_output(string selection)
    {
        string[] words = selection.Split(' ');
        Assert.Equal(Run.Ip(["-n", ns.Name, .. words]), Run.NlctlChecked(["-n", ns.Name, .. words]));
    }

    [RootFact]
    public void Show_is_ip_addr_plus_ip_route_plus_ip_6_route()
    {
        string json = Run.NlctlChecked("-n", ns.Name, "-j", "show");
        string expected = $"{{\"links\":{Run.Ip("-n", ns.Name, "-j", "addr").TrimEnd()},\"routes\":{Run.Ip("-n", ns.Name, "-j", "route").TrimEnd()},\"routes6\":{Run.Ip("-n", ns.Name, "-j", "-6", "route").TrimEnd()}}}\n";
        Assert.Equal(expected, json);

        string text = Run.NlctlChecked("-n", ns.Name, "show");
        Assert.Equal($"{Run.Ip("-n", ns.Name, "addr")}\nIPv4 routes:\n{Run.Ip("-n", ns.Name, "route")}\nIPv6 routes:\n{Run.Ip("-n", ns.Name, "-6", "route")}", text);
    }
}
