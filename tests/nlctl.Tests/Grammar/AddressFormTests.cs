namespace Nlctl.Tests.Grammar;

/// <summary>Addresses and prefixes typed on nlctl's command line mean what they mean to ip (issue 21, item 9).</summary>
public sealed class AddressFormTests
{
    [RootFact]
    public void Short_ipv4_prefixes_fill_with_zeros_as_ip_does()
    {
        using var ns = new TestNamespace();
        Run.Ip("-n", ns.Name, "link", "add", "va", "type", "veth", "peer", "name", "vb");
        Run.Ip("-n", ns.Name, "link", "set", "va", "up");
        Run.NlctlChecked("-n", ns.Name, "route", "add", "1.2.3/24", "dev", "va");
        Run.NlctlChecked("-n", ns.Name, "route", "add", "10/8", "dev", "va");
        Run.NlctlChecked("-n", ns.Name, "route", "add", "012.0x10/16", "dev", "va");
        Run.NlctlChecked("-n", ns.Name, "addr", "add", "172.16.5/24", "dev", "va");
        string routes = Run.Ip("-n", ns.Name, "route", "show");
        Assert.Contains("1.2.3.0/24 dev va scope link", routes, StringComparison.Ordinal);
        Assert.Contains("10.0.0.0/8 dev va scope link", routes, StringComparison.Ordinal);
        Assert.Contains("10.16.0.0/16 dev va scope link", routes, StringComparison.Ordinal);
        Assert.Contains("inet 172.16.5.0/24 scope global va", Run.Ip("-n", ns.Name, "addr", "show", "va"), StringComparison.Ordinal);
    }

    [RootTheory]
    [InlineData("route add 167772161/24 dev va", "Error: any valid prefix is expected rather than \"167772161/24\".")]
    [InlineData("route add 1.2.3.4.5/32 dev va", "Error: any valid prefix is expected rather than \"1.2.3.4.5/32\".")]
    [InlineData("route add 256.1/16 dev va", "Error: any valid prefix is expected rather than \"256.1/16\".")]
    [InlineData("route add 1..2/16 dev va", "Error: any valid prefix is expected rather than \"1..2/16\".")]
    [InlineData("route add 13.0.0.0/08 dev va", "Error: any valid prefix is expected rather than \"13.0.0.0/08\".")]
    [InlineData("route add fe80::/64 via fe80::1%va dev va", "Error: \"fe80::1%va\" has a zone id (%...), which netlink addresses do not carry; give the device with \"dev\" instead.")]
    [InlineData("addr add fe80::5%va/64 dev va", "Error: \"fe80::5%va\" has a zone id (%...), which netlink addresses do not carry; give the device with \"dev\" instead.")]
    [InlineData("neigh add fe80::7%va lladdr 02:00:00:00:00:07 dev va", "Error: \"fe80::7%va\" has a zone id (%...), which netlink addresses do not carry; give the device with \"dev\" instead.")]
    public void Forms_ip_refuses_are_refused_before_anything_is_sent(string command, string message)
    {
        using var ns = new TestNamespace();
        Run.Ip("-n", ns.Name, "link", "add", "va", "type", "veth", "peer", "name", "vb");
        string before = Run.Ip("-n", ns.Name, "-j", "route", "show", "table", "all") + Run.Ip("-n", ns.Name, "-j", "addr");
        Expect.OneErrorLine(Run.Nlctl(["-n", ns.Name, .. command.Split(' ')]), 1, message);
        Assert.Equal(before, Run.Ip("-n", ns.Name, "-j", "route", "show", "table", "all") + Run.Ip("-n", ns.Name, "-j", "addr"));

        // ip refuses the same forms.
        Assert.NotEqual(0, Run.Process("ip", ["-n", ns.Name, .. command.Split(' ')]).ExitCode);
    }
}
