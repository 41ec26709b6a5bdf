using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Netlink.Encoding;
using Netlink.Route.Tests.Routes;
using Netlink.Testing;
using Xunit;

namespace Netlink.Route.Tests.Rules;

/// <summary>Policy rules against the kernel, in a namespace of their own.</summary>
public sealed class RuleClientTests : IClassFixture<RouteNamespace>
{
    private readonly RouteNamespace _ns;

    public RuleClientTests(RouteNamespace ns) => _ns = ns;

    [RootFact]
    public async Task A_fresh_namespace_has_the_three_default_rules()
    {
        await using RouteClient client = _ns.OpenClient();
        IReadOnlyList<Rule> rules = await client.ListRulesAsync(AddressFamily.InterNetwork);
        Assert.Contains(rules, r => r.Priority == 0 && r.Table == RouteTables.Local && r.Action == RuleAction.ToTable && r.Source is null);
        Assert.Contains(rules, r => r.Priority == 32766 && r.Table == RouteTables.Main);
        Assert.Contains(rules, r => r.Priority == 32767 && r.Table == RouteTables.Default);
    }

    [RootFact]
    public async Task Every_selector_and_action_round_trips_and_matches_ip()
    {
        await using RouteClient client = _ns.OpenClient();
        Rule[] added =
        [
            new() { Priority = 100, Source = IPNetwork.Parse("10.0.0.0/24"), Destination = IPNetwork.Parse("192.168.0.0/16"), Table = 100 },
            new() { Priority = 110, FirewallMark = 0x10, FirewallMask = 0xff, InputInterface = "va", Table = 5000 },
            new() { Priority = 120, OutputInterface = "vc", Action = RuleAction.Blackhole },
            new() { Priority = 130, IpProtocol = 6, SourcePorts = new PortRange(1000, 2000), DestinationPorts = new PortRange(80, 80), Action = RuleAction.Unreachable },
            new() { Priority = 140, UidRange = new UidRange(1000, 2000), Action = RuleAction.Prohibit, Protocol = RouteProtocol.Static },
            new() { Priority = 150, Source = IPNetwork.Parse("10.9.0.0/16"), Action = RuleAction.Goto, GotoPriority = 32766 },
            new() { Priority = 160, Table = RouteTables.Main, SuppressPrefixLength = 0 },
            new() { Priority = 170, Source = IPNetwork.Parse("10.5.0.0/16"), Invert = true, Table = 300 },
            new() { Priority = 100, Source = IPNetwork.Parse("2001:db8::/64"), Table = 100 },
        ];
        foreach (Rule rule in added)
        {
            await client.AddRuleAsync(rule);
        }

        NetlinkException duplicate = await Assert.ThrowsAsync<NetlinkException>(() => client.AddRuleAsync(added[0]));
        Assert.Equal(17, duplicate.Errno);

        IReadOnlyList<Rule> v4 = await client.ListRulesAsync(AddressFamily.InterNetwork);
        Rule Find(uint priority) => Assert.Single(v4, r => r.Priority == priority);
        Assert.Equal((IPNetwork.Parse("10.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"), 100u), (Find(100).Source!.Value, Find(100).Destination!.Value, Find(100).Table!.Value));
        Assert.Equal((0x10u, 0xffu, "va", 5000u), (Find(110).FirewallMark!.Value, Find(110).FirewallMask!.Value, Find(110).InputInterface, Find(110).Table!.Value));
        Assert.Equal(("vc", RuleAction.Blackhole), (Find(120).OutputInterface, Find(120).Action));
        Assert.Equal(((byte)6, new PortRange(1000, 2000), new PortRange(80, 80), RuleAction.Unreachable), (Find(130).IpProtocol!.Value, Find(130).SourcePorts!.Value, Find(130).DestinationPorts!.Value, Find(130).Action));
        Assert.Equal((new UidRange(1000, 2000), RuleAction.Prohibit, RouteProtocol.Static), (Find(140).UidRange!.Value, Find(140).Action, Find(140).Protocol));
        Assert.Equal((RuleAction.Goto, 32766u), (Find(150).Action, Find(150).GotoPriority!.Value));
        Assert.Equal(0, Find(160).SuppressPrefixLength);
        Assert.True(Find(170).Invert);
        Assert.Null(Find(100).SuppressPrefixLength);
        Rule v6 = Assert.Single(await client.ListRulesAsync(AddressFamily.InterNetworkV6), r => r.Priority == 100);
        Assert.Equal(IPNetwork.Parse("2001:db8::/64"), v6.Source);

        // Cross-check with ip -j rule show.
        JsonElement ip = _ns.IpJson("rule show");
        Assert.Equal(ip.GetArrayLength(), v4.Count);
        int i = 0;
        foreach (JsonElement expected in ip.EnumerateArray())
        {
            Rule actual = v4[i++];
            Assert.Equal(expected.GetProperty("priority").GetUInt32(), actual.Priority);
            string src = expected.GetProperty("src").GetString()!;
            Assert.Equal(src == "all" ? null : $"{src}/{expected.GetProperty("srclen").GetInt32()}", actual.Source?.ToString());
            Assert.Equal(expected.TryGetProperty("not", out _), actual.Invert);
            Assert.Equal(expected.TryGetProperty("iif", out JsonElement iif) ? iif.GetString() : null, actual.InputInterface);
            Assert.Equal(expected.TryGetProperty("oif", out JsonElement oif) ? oif.GetString() : null, actual.OutputInterface);
            if (expected.TryGetProperty("table", out JsonElement table))
            {
                Assert.Equal(table.GetString() switch { "main" => RouteTables.Main, "local" => RouteTables.Local, "default" => RouteTables.Default, var n => uint.Parse(n!, System.Globalization.CultureInfo.InvariantCulture) }, actual.Table);
            }

            if (expected.TryGetProperty("action", out JsonElement action))
            {
                Assert.Equal(action.GetString(), actual.Action.ToString().ToLowerInvariant());
            }
        }

        foreach (Rule rule in added)
        {
            await client.DeleteRuleAsync(rule);
        }

        Assert.Equal(3, (await client.ListRulesAsync(AddressFamily.InterNetwork)).Count);
        NetlinkException missing = await Assert.ThrowsAsync<NetlinkException>(() => client.DeleteRuleAsync(added[0]));
        Assert.Equal(2, missing.Errno);
    }

    [RootFact]
    public async Task Invalid_rules_are_rejected_before_sending()
    {
        await using RouteClient client = _ns.OpenClient();
        Rule[] bad =
        [
            new() { Table = 0 },
            new() { Family = AddressFamily.InterNetworkV6, Source = IPNetwork.Parse("10.0.0.0/8") },
            new() { Action = RuleAction.Goto },
            new() { SourcePorts = new PortRange(20, 10) },
        ];
        foreach (Rule rule in bad)
        {
            ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => client.AddRuleAsync(rule));
            Assert.Equal("rule", error.ParamName);
            using var writer = new NetlinkMessageWriter();
            Assert.Throws<ArgumentException>(() => RuleRequests.WriteNew(writer, rule));
            Assert.Equal(0, writer.Length);
        }
    }
}
