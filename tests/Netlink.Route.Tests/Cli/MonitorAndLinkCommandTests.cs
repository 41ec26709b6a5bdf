using System.Diagnostics;
using System.Text.Json;
using Netlink.Testing;
using Xunit;

namespace Netlink.Route.Tests.Cli;

/// <summary><c>nlctl monitor</c>, and the changing <c>link</c>/<c>addr</c> verbs, against a fresh namespace.</summary>
public sealed class MonitorAndLinkCommandTests(TestNamespace netns) : IClassFixture<TestNamespace>
{
    [RootFact]
    public async Task Monitor_prints_one_json_object_per_event()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { ProcessRunner.NlctlDll, "-n", netns.Name, "-j", "monitor", "link", "addr", "count", "3" })
        {
            info.ArgumentList.Add(argument);
        }

        using Process monitor = Process.Start(info)!;
        try
        {
            // Joined once it says so on stderr.
            string? ready = await monitor.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("nlctl: monitoring", ready);

            ProcessRunner.Check("ip", "-n", netns.Name, "link", "add", "mon0", "type", "bridge");
            ProcessRunner.Check("ip", "-n", netns.Name, "addr", "add", "10.98.0.1/24", "dev", "mon0");
            ProcessRunner.Check("ip", "-n", netns.Name, "link", "del", "mon0");

            string output = await monitor.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await monitor.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(0, monitor.ExitCode);
            JsonElement[] events = output.TrimEnd().Split('\n').Select(line => JsonDocument.Parse(line).RootElement).ToArray();
            Assert.Equal(3, events.Length);
            Assert.Equal(("new", "link", "mon0"), (events[0].GetProperty("event").GetString(), events[0].GetProperty("object").GetString(), events[0].GetProperty("ifname").GetString()));
            Assert.Equal(("new", "addr"), (events[1].GetProperty("event").GetString(), events[1].GetProperty("object").GetString()));
            Assert.Equal("10.98.0.1", events[1].GetProperty("addr_info")[0].GetProperty("local").GetString());
            Assert.Equal("deleted", events[2].GetProperty("event").GetString());
        }
        finally
        {
            if (!monitor.HasExited)
            {
                monitor.Kill();
            }
        }
    }

    [RootFact]
    public void Link_and_addr_verbs_change_the_namespace_like_ip()
    {
        string ns = netns.Name;
        Assert.Equal(0, ProcessRunner.Nlctl("-n", ns, "link", "add", "cv0", "type", "veth", "peer", "name", "cv1").ExitCode);
        Assert.Equal(0, ProcessRunner.Nlctl("-n", ns, "link", "add", "cbr0", "type", "bridge", "forward_delay", "400").ExitCode);
        Assert.Equal(0, ProcessRunner.Nlctl("-n", ns, "link", "add", "cmv0", "link", "cv0", "type", "macvlan", "mode", "bridge").ExitCode);
        Assert.Equal(0, ProcessRunner.Nlctl("-n", ns, "link", "add", "cvx0", "type", "vxlan", "id", "5", "remote", "192.0.2.5", "dstport", "4789", "dev", "cv0", "nolearning").ExitCode);
        Assert.Equal(0, ProcessRunner.Nlctl("-n", ns, "link", "set", "cv1", "up", "mtu", "1400", "master", "cbr0", "alias", "port one").ExitCode);
        Assert.Equal(0, ProcessRunner.Nlctl("-n", ns, "addr", "add", "10.97.0.1/24", "dev", "cv0", "brd", "+", "label", "cv0:x").ExitCode);
        Assert.Equal(0, ProcessRunner.Nlctl("-n", ns, "addr", "add", "2001:db8:97::1/64", "dev", "cv0", "nodad", "noprefixroute").ExitCode);

        JsonElement cv1 = JsonDocument.Parse(ProcessRunner.Check("ip", "-n", ns, "-j", "link", "show", "cv1")).RootElement[0];
        Assert.Equal(1400, cv1.GetProperty("mtu").GetInt32());
        Assert.Equal("cbr0", cv1.GetProperty("master").GetString());
        Assert.Equal("port one", cv1.GetProperty("ifalias").GetString());
        JsonElement details = JsonDocument.Parse(ProcessRunner.Check("ip", "-n", ns, "-d", "-j", "link", "show", "cvx0")).RootElement[0].GetProperty("linkinfo").GetProperty("info_data");
        Assert.Equal(5, details.GetProperty("id").GetInt32());
        Assert.Equal("192.0.2.5", details.GetProperty("remote").GetString());
        Assert.Equal(4789, details.GetProperty("port").GetInt32());
        Assert.False(details.GetProperty("learning").GetBoolean());
        JsonElement macvlan = JsonDocument.Parse(ProcessRunner.Check("ip", "-n", ns, "-d", "-j", "link", "show", "cmv0")).RootElement[0];
        Assert.Equal("bridge", macvlan.GetProperty("linkinfo").GetProperty("info_data").GetProperty("mode").GetString());
        JsonElement addresses = JsonDocument.Parse(ProcessRunner.Check("ip", "-n", ns, "-j", "addr", "show", "cv0")).RootElement[0].GetProperty("addr_info");
        Assert.Contains(addresses.EnumerateArray(), a => a.GetProperty("local").GetString() == "10.97.0.1" && a.GetProperty("broadcast").GetString() == "10.97.0.255" && a.GetProperty("label").GetString() == "cv0:x");
        Assert.Contains(addresses.EnumerateArray(), a => a.GetProperty("local").GetString() == "2001:db8:97::1" && a.TryGetProperty("noprefixroute", out _));

        (int exit, _, string stderr) = ProcessRunner.Nlctl("-n", ns, "link", "add", "cbr0", "type", "bridge");
        Assert.Equal(2, exit);
        Assert.Contains("EEXIST", stderr, StringComparison.Ordinal);
        (exit, _, stderr) = ProcessRunner.Nlctl("-n", ns, "addr", "add", "10.97.0.9/33", "dev", "cv0");
        Assert.Equal(1, exit);
        Assert.Contains("prefix length", stderr, StringComparison.Ordinal);

        Assert.Equal(0, ProcessRunner.Nlctl("-n", ns, "addr", "del", "10.97.0.1/24", "dev", "cv0").ExitCode);
        Assert.Equal(0, ProcessRunner.Nlctl("-n", ns, "link", "set", "cv1", "nomaster").ExitCode);
        Assert.Equal(0, ProcessRunner.Nlctl("-n", ns, "link", "del", "cv0").ExitCode);
        Assert.Equal(0, ProcessRunner.Nlctl("-n", ns, "link", "del", "cbr0").ExitCode);
        Assert.DoesNotContain("cv0", ProcessRunner.Check("ip", "-n", ns, "link", "show"), StringComparison.Ordinal);
    }
}
