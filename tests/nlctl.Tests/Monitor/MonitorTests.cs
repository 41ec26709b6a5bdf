using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nlctl.Tests.Monitor;

/// <summary><c>nlctl monitor</c> while a namespace changes: ip monitor's lines, and with -j one JSON object per event.</summary>
public sealed class MonitorTests
{
    [RootFact]
    public async Task Json_monitor_prints_one_object_per_route_change_for_as_long_as_it_runs()
    {
        using var ns = new PopulatedNamespace();
        using RunningProcess monitor = RunningProcess.Nlctl("-n", ns.Name, "-j", "monitor");
        await monitor.WaitReadyAsync();

        // A few seconds of changes, as a routing daemon would make them.
        for (int i = 0; i < 5; i++)
        {
            Run.Ip("-n", ns.Name, "route", "add", $"10.60.{i}.0/24", "via", "10.0.0.2");
            await Task.Delay(200);
            Run.Ip("-n", ns.Name, "route", "replace", $"10.60.{i}.0/24", "via", "10.1.0.2");
            await Task.Delay(200);
            Run.Ip("-n", ns.Name, "route", "del", $"10.60.{i}.0/24");
            await Task.Delay(200);
        }

        Run.Ip("-n", ns.Name, "route", "add", "10.62.0.0/24", "via", "10.0.0.2", "proto", "static", "metric", "7");
        await monitor.WaitForAsync(lines => lines.Any(l => l.Contains("10.62.0.0/24", StringComparison.Ordinal)));
        ProcessResult result = await monitor.StopAsync();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("nlctl: monitoring\n", result.Stderr);

        JsonObject[] events = [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject())];
        Assert.All(events, e => Assert.True(e.ContainsKey("event") && e.ContainsKey("object"), e.ToJsonString()));
        JsonObject[] routes = [.. events.Where(e => (string?)e["object"] == "route" && ((string?)e["dst"])!.StartsWith("10.60.", StringComparison.Ordinal))];
        Assert.Equal(15, routes.Length);
        for (int i = 0; i < 5; i++)
        {
            JsonObject added = routes[3 * i];
            JsonObject replaced = routes[(3 * i) + 1];
            JsonObject deleted = routes[(3 * i) + 2];
            Assert.Equal(("new", $"10.60.{i}.0/24", "10.0.0.2", "va"), ((string?)added["event"], (string?)added["dst"], (string?)added["gateway"], (string?)added["dev"]));
            Assert.Equal(("new", "10.1.0.2", "vc"), ((string?)replaced["event"], (string?)replaced["gateway"], (string?)replaced["dev"]));
            Assert.Equal(("deleted", $"10.60.{i}.0/24"), ((string?)deleted["event"], (string?)deleted["dst"]));
        }

        // Apart from "event" and "object", an event is the object show -j prints for the route.
        JsonObject last = events.Single(e => (string?)e["dst"] == "10.62.0.0/24");
        last.Remove("event");
        last.Remove("object");
        Assert.Equal(Run.Ip("-n", ns.Name, "-j", "route", "show", "10.62.0.0/24").TrimEnd(), $"[{last.ToJsonString()}]");
    }

    [RootFact]
    public async Task Text_monitor_prints_what_ip_monitor_prints()
    {
        using var ns = new PopulatedNamespace();
        using RunningProcess ip = RunningProcess.Start("ip", "-n", ns.Name, "monitor", "route", "address", "neigh", "rule");
        using RunningProcess nlctl = RunningProcess.Nlctl("-n", ns.Name, "monitor", "route", "address", "neigh", "rule");
        await nlctl.WaitReadyAsync();
        await Task.Delay(1000); // ip monitor says nothing when it is ready

        Run.Ip("-n", ns.Name, "route", "add", "10.61.0.0/16", "via", "10.0.0.2", "proto", "static");
        Run.Ip("-n", ns.Name, "-6", "route", "add", "2001:db8:61::/64", "via", "2001:db8::2");
        Run.Ip("-n", ns.Name, "addr", "add", "10.0.3.1/24", "dev", "va");
        Run.Ip("-n", ns.Name, "neigh", "add", "10.0.0.61", "lladdr", "02:00:00:00:00:61", "dev", "va");
        Run.Ip("-n", ns.Name, "rule", "add", "from", "10.61.0.0/16", "table", "61", "pref", "610");
        Run.Ip("-n", ns.Name, "rule", "del", "pref", "610");
        Run.Ip("-n", ns.Name, "neigh", "del", "10.0.0.61", "dev", "va");
        Run.Ip("-n", ns.Name, "addr", "del", "10.0.3.1/24", "dev", "va");
        Run.Ip("-n", ns.Name, "route", "del", "10.61.0.0/16");

        await nlctl.WaitForAsync(lines => lines.Any(l => l.StartsWith("Deleted 10.61.0.0/16", StringComparison.Ordinal)));
        await ip.WaitForAsync(lines => lines.Any(l => l.StartsWith("Deleted 10.61.0.0/16", StringComparison.Ordinal)));
        ProcessResult fromIp = await ip.StopAsync();
        ProcessResult fromNlctl = await nlctl.StopAsync();
        Assert.Equal(fromIp.Stdout, fromNlctl.Stdout);
        Assert.Contains("Deleted 3: va    inet 10.0.3.1/24 scope global va", fromNlctl.Stdout, StringComparison.Ordinal);
        Assert.Contains("610:\tfrom 10.61.0.0/16 lookup 61", fromNlctl.Stdout, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Count_stops_after_that_many_events_of_the_chosen_objects()
    {
        using var ns = new TestNamespace();
        using RunningProcess monitor = RunningProcess.Nlctl("-n", ns.Name, "-j", "monitor", "link", "address", "count", "3");
        await monitor.WaitReadyAsync();
        Run.Ip("-n", ns.Name, "link", "add", "mon0", "type", "bridge");
        Run.Ip("-n", ns.Name, "addr", "add", "10.98.0.1/24", "dev", "mon0");
        Run.Ip("-n", ns.Name, "link", "del", "mon0");

        ProcessResult result = await monitor.WaitForExitAsync();
        Assert.Equal(0, result.ExitCode);
        JsonElement[] events = [.. result.Stdout.TrimEnd().Split('\n').Select(line => JsonDocument.Parse(line).RootElement)];
        Assert.Equal(3, events.Length);
        Assert.Equal(("new", "link", "mon0"), (events[0].GetProperty("event").GetString(), events[0].GetProperty("object").GetString(), events[0].GetProperty("ifname").GetString()));
        Assert.Equal(("new", "address", "mon0"), (events[1].GetProperty("event").GetString(), events[1].GetProperty("object").GetString(), events[1].GetProperty("ifname").GetString()));
        Assert.Equal("10.98.0.1", events[1].GetProperty("addr_info")[0].GetProperty("local").GetString());
        Assert.Equal("deleted", events[2].GetProperty("event").GetString());
    }
}
