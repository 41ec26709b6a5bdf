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
        Assert.True(RouteTableNames.TryParse(text, out uint parsed));
        Assert.Equal(table, parsed);
        if (table != 0)
        {
            Assert.True(RouteTableNames.TryParse(RouteTableNames.Format(table), out uint back));
            Assert.Equal(table, back);
        }
    }

    [Fact]
    public void Every_name_round_trips()
    {
        foreach (string name in RouteProtocolNames.Names)
        {
            Assert.True(RouteProtocolNames.TryParse(name, out RouteProtocol protocol));
            Assert.Equal(name, RouteProtocolNames.Format(protocol));
        }

        foreach (string name in RouteScopeNames.Names)
        {
            Assert.True(RouteScopeNames.TryParse(name, out RouteScope scope));
            Assert.Equal(name, RouteScopeNames.Format(scope));
        }

        foreach (string name in RouteTypeNames.Names)
        {
            Assert.True(RouteTypeNames.TryParse(name, out RouteType type));
            Assert.Equal(name, RouteTypeNames.Format(type));
        }

        foreach (string word in NeighbourStateNames.Names)
        {
            Assert.True(NeighbourStateNames.TryParse(word, out NeighbourState state));
            Assert.Equal(word.ToUpperInvariant(), Assert.Single(NeighbourStateNames.Format(state)));
        }
    }

    [Fact]
    public void Values_without_a_name_print_as_numbers_and_out_of_range_ones_are_refused()
    {
        Assert.Equal("77", RouteProtocolNames.Format((RouteProtocol)77));
        Assert.Equal("12345", RouteTableNames.Format(12345));
        Assert.False(RouteProtocolNames.TryParse("256", out _));
        Assert.False(RouteScopeNames.TryParse("nope", out _));
        Assert.False(RouteTypeNames.TryParse("none", out _));
        Assert.Equal(["STALE", "PERMANENT"], NeighbourStateNames.Format(NeighbourState.Stale | NeighbourState.Permanent));
        Assert.Equal(["router", "proxy"], NeighbourFlagNames.Format(NeighbourFlags.Router | NeighbourFlags.Proxy));
    }

    [Fact]
    public void Ip_protocols_and_rule_actions_have_their_names()
    {
        Assert.Equal("tcp", IpProtocolNames.Format(6));
        Assert.Equal("udp", IpProtocolNames.Format(17));
        Assert.True(IpProtocolNames.TryParse("tcp", out byte tcp));
        Assert.Equal(6, tcp);
        Assert.True(IpProtocolNames.TryParse("47", out byte gre));
        Assert.Equal(47, gre);
        Assert.Equal("prohibit", RuleActionNames.Format(RuleAction.Prohibit));
        Assert.True(RuleActionNames.TryParse("blackhole", out RuleAction action));
        Assert.Equal(RuleAction.Blackhole, action);
    }

    [Fact]
    public void Link_and_address_words_are_ips()
    {
        Assert.Equal(["NO-CARRIER", "BROADCAST", "MULTICAST", "UP"], LinkFlagNames.Format(LinkFlags.Up | LinkFlags.Broadcast | LinkFlags.Multicast));
        Assert.Equal(["LOOPBACK", "UP", "LOWER_UP"], LinkFlagNames.Format(LinkFlags.Loopback | LinkFlags.Up | LinkFlags.LowerUp | LinkFlags.Running));
        Assert.Equal("LOWERLAYERDOWN", LinkStateNames.Format(LinkOperationalState.LowerLayerDown));
        Assert.Equal("DEFAULT", LinkModeNames.Format(LinkMode.Default));
        Assert.Equal("ether", ArpHardwareTypeNames.Format(ArpHardwareType.Ether));
        Assert.Equal(["temporary", "nodad", "dynamic", "noprefixroute"], AddressFlagNames.Format(AddressFlags.Secondary | AddressFlags.NoDad | AddressFlags.NoPrefixRoute, System.Net.Sockets.AddressFamily.InterNetworkV6));
        Assert.Equal(["secondary"], AddressFlagNames.Format(AddressFlags.Secondary | AddressFlags.Permanent, System.Net.Sockets.AddressFamily.InterNetwork));
        Assert.True(AddressFlagNames.TryParse("noprefixroute", out AddressFlags flag));
        Assert.Equal(AddressFlags.NoPrefixRoute, flag);
        Assert.True(AddressScopeNames.TryParse("link", out AddressScope scope));
        Assert.Equal("link", AddressScopeNames.Format(scope));
        Assert.Equal("medium", RoutePreferenceNames.Format(RoutePreference.Medium));
        Assert.Equal(["onlink", "linkdown"], RouteFlagNames.Format(RouteFlags.OnLink | RouteFlags.LinkDown));
        Assert.Equal(16, RouteMetricNames.IndexOf("congctl"));
    }

    [Fact]
    public void Route_metrics_come_in_ips_units_with_their_locks()
    {
        var metrics = new RouteMetrics { Mtu = 1300, Rtt = 80, RttVariance = 20, RtoMin = 200, Lock = 1u << 2 };
        RouteMetricValue[] values = [.. RouteMetricNames.Format(metrics)];
        Assert.Equal(
            [new RouteMetricValue("mtu", 1300, true, false), new RouteMetricValue("rtt", 10, false, true), new RouteMetricValue("rttvar", 5, false, true), new RouteMetricValue("rto_min", 200, false, true)],
            values);
    }
}
