using Netlink.Route.Iproute2;
using Xunit;

namespace Netlink.Route.Tests.Iproute2;

/// <summary>The one home of iproute2's words: each parses back to the value it names.</summary>
public sealed class Iproute2NamesTests
{
    [Theory]
    [InlineData("main", 254u)]
    [InlineData("local", 255u)]
    [InlineData("default", 253u)]
    [InlineData("all", 0u)]
    [InlineData("100", 100u)]
    [InlineData("0x64", 100u)]
    public void Tables_parse_and_format(string text, uint table)
    {
        Assert.True(RouteNames.TryParseTable(text, out uint parsed));
        Assert.Equal(table, parsed);
        if (table != 0)
        {
            Assert.True(RouteNames.TryParseTable(RouteNames.FormatTable(table), out uint back));
            Assert.Equal(table, back);
        }
    }

    [Fact]
    public void Every_name_round_trips()
    {
        foreach (string name in RouteNames.ProtocolNames)
        {
            Assert.True(RouteNames.TryParseProtocol(name, out RouteProtocol protocol));
            Assert.Equal(name, RouteNames.FormatProtocol(protocol));
        }

        foreach (string name in RouteNames.ScopeNames)
        {
            Assert.True(RouteNames.TryParseScope(name, out RouteScope scope));
            Assert.Equal(name, RouteNames.FormatScope(scope));
        }

        foreach (string name in RouteNames.TypeWords)
        {
            Assert.True(RouteNames.TryParseType(name, out RouteType type));
            Assert.Equal(name, RouteNames.FormatType(type));
        }

        foreach (string word in NeighbourNames.StateWords)
        {
            Assert.True(NeighbourNames.TryParseState(word, out NeighbourState state));
            Assert.Equal(word.ToUpperInvariant(), Assert.Single(NeighbourNames.FormatState(state)));
        }
    }

    [Fact]
    public void Values_without_a_name_print_as_numbers_and_out_of_range_ones_are_refused()
    {
        Assert.Equal("77", RouteNames.FormatProtocol((RouteProtocol)77));
        Assert.Equal("12345", RouteNames.FormatTable(12345));
        Assert.False(RouteNames.TryParseProtocol("256", out _));
        Assert.False(RouteNames.TryParseScope("nope", out _));
        Assert.False(RouteNames.TryParseType("none", out _));
        Assert.Equal(["STALE", "PERMANENT"], NeighbourNames.FormatState(NeighbourState.Stale | NeighbourState.Permanent));
        Assert.Equal(["router", "proxy"], NeighbourNames.FormatFlags(NeighbourFlags.Router | NeighbourFlags.Proxy));
    }

    [Fact]
    public void Ip_protocols_and_rule_actions_have_their_names()
    {
        Assert.Equal("tcp", RuleNames.FormatIpProtocol(6));
        Assert.Equal("udp", RuleNames.FormatIpProtocol(17));
        Assert.True(RuleNames.TryParseIpProtocol("tcp", out byte tcp));
        Assert.Equal(6, tcp);
        Assert.True(RuleNames.TryParseIpProtocol("47", out byte gre));
        Assert.Equal(47, gre);
        Assert.Equal("prohibit", RuleNames.FormatAction(RuleAction.Prohibit));
        Assert.True(RuleNames.TryParseAction("blackhole", out RuleAction action));
        Assert.Equal(RuleAction.Blackhole, action);
    }

    [Fact]
    public void Route_metrics_come_in_ips_units_with_their_locks()
    {
        var metrics = new RouteMetrics { Mtu = 1300, Rtt = 80, RttVariance = 20, RtoMin = 200, Lock = 1u << 2 };
        RouteMetricValue[] values = [.. RouteNames.FormatMetrics(metrics)];
        Assert.Equal(
            [new RouteMetricValue("mtu", 1300, true, false), new RouteMetricValue("rtt", 10, false, true), new RouteMetricValue("rttvar", 5, false, true), new RouteMetricValue("rto_min", 200, false, true)],
            values);
    }
}
