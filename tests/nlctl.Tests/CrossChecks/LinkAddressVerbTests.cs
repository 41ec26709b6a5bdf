using System.Text.Json;

namespace Nlctl.Tests.CrossChecks;

/// <summary>The changing verbs of <c>link</c> and <c>addr</c>, checked with ip in a fresh namespace.</summary>
public sealed class LinkAddressVerbTests(TestNamespace netns) : IClassFixture<TestNamespace>
{
    [RootFact]
    public void Link_and_addr_verbs_change_the_namespace_like_ip()
    {
        string ns = netns.Name;
        Assert.Equal(0, Run.Nlctl("-n", ns, "link", "add", "cv0", "type", "veth", "peer", "name", "cv1").ExitCode);
        Assert.Equal(0, Run.Nlctl("-n", ns, "link", "add", "cbr0", "type", "bridge", "forward_delay", "400").ExitCode);
        Assert.Equal(0, Run.Nlctl("-n", ns, "link", "add", "cmv0", "link", "cv0", "type", "macvlan", "mode", "bridge").ExitCode);
        Assert.Equal(0, Run.Nlctl("-n", ns, "link", "add", "cvx0", "type", "vxlan", "id", "5", "remote", "192.0.2.5", "dstport", "4789", "dev", "cv0", "nolearning").ExitCode);
        Assert.Equal(0, Run.Nlctl("-n", ns, "link", "set", "cv1", "up", "mtu", "1400", "master", "cbr0", "alias", "port one").ExitCode);
        Assert.Equal(0, Run.Nlctl("-n", ns, "addr", "add", "10.97.0.1/24", "dev", "cv0", "brd", "+", "label", "cv0:x").ExitCode);
        Assert.Equal(0, Run.Nlctl("-n", ns, "addr", "add", "2001:db8:97::1/64", "dev", "cv0", "nodad", "noprefixroute").ExitCode);

        JsonElement cv1 = JsonDocument.Parse(Run.Ip("-n", ns, "-j", "link", "show", "cv1")).RootElement[0];
        Assert.Equal(1400, cv1.GetProperty("mtu").GetInt32());
        Assert.Equal("cbr0", cv1.GetProperty("master").GetString());
        Assert.Equal("port one", cv1.GetProperty("ifalias").GetString());
        JsonElement details = JsonDocument.Parse(Run.Ip("-n", ns, "-d", "-j", "link", "show", "cvx0")).RootElement[0].GetProperty("linkinfo").GetProperty("info_data");
        Assert.Equal(5, details.GetProperty("id").GetInt32());
        Assert.Equal("192.0.2.5", details.GetProperty("remote").GetString());
        Assert.Equal(4789, details.GetProperty("port").GetInt32());
        Assert.False(details.GetProperty("learning").GetBoolean());
        JsonElement macvlan = JsonDocument.Parse(Run.Ip("-n", ns, "-d", "-j", "link", "show", "cmv0")).RootElement[0];
        Assert.Equal("bridge", macvlan.GetProperty("linkinfo").GetProperty("info_data").GetProperty("mode").GetString());
        JsonElement addresses = JsonDocument.Parse(Run.Ip("-n", ns, "-j", "addr", "show", "cv0")).RootElement[0].GetProperty("addr_info");
        Assert.Contains(addresses.EnumerateArray(), a => a.GetProperty("local").GetString() == "10.97.0.1" && a.GetProperty("broadcast").GetString() == "10.97.0.255" && a.GetProperty("label").GetString() == "cv0:x");
        Assert.Contains(addresses.EnumerateArray(), a => a.GetProperty("local").GetString() == "2001:db8:97::1" && a.TryGetProperty("noprefixroute", out _));

        (int exit, _, string stderr) = Run.Nlctl("-n", ns, "link", "add", "cbr0", "type", "bridge");
        Assert.Equal(2, exit);
        Assert.Equal("RTNETLINK answers: File exists\n", stderr);
        (exit, _, stderr) = Run.Nlctl("-n", ns, "addr", "add", "10.97.0.9/33", "dev", "cv0");
        Assert.Equal(1, exit);
        Assert.Equal("Error: any valid prefix is expected rather than \"10.97.0.9/33\".\n", stderr);

        Assert.Equal(0, Run.Nlctl("-n", ns, "addr", "del", "10.97.0.1/24", "dev", "cv0").ExitCode);
        Assert.Equal(0, Run.Nlctl("-n", ns, "link", "set", "cv1", "nomaster").ExitCode);
        Assert.Equal(0, Run.Nlctl("-n", ns, "link", "del", "cv0").ExitCode);
        Assert.Equal(0, Run.Nlctl("-n", ns, "link", "del", "cbr0").ExitCode);
        Assert.DoesNotContain("cv0", Run.Ip("-n", ns, "link", "show"), StringComparison.Ordinal);
    }
}
