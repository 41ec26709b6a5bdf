using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Netlink.Encoding;
using Snapshooter.Xunit;
using Xunit;

namespace Netlink.Route.Tests.Routes;

/// <summary>The exact bytes of every typed route, neighbour and rule request, rendered by the generated describer (no kernel needed).</summary>
public sealed class RouteRequestSnapshotTests
{
    internal static string Render(Action<NetlinkMessageWriter> build)
    {
        using var writer = new NetlinkMessageWriter();
        build(writer);
        var text = new StringWriter { NewLine = "\n" };
        RouteMessageDescriber.Describe(writer.WrittenSpan, text);
        text.WriteLine("hex: " + Convert.ToHexString(writer.WrittenSpan).ToLowerInvariant());
        return text.ToString();
    }

    private static readonly Route Gateway = new()
    {
        Destination = IPNetwork.Parse("192.0.2.0/24"),
        Gateway = IPAddress.Parse("10.0.0.2"),
        OutputInterfaceIndex = 3,
        PreferredSource = IPAddress.Parse("10.0.0.1"),
        Priority = 100,
        Protocol = RouteProtocol.Static,
    };

    [Fact]
    public void Route_add_ipv4() => Snapshot.Match(Render(w => RouteRequests.WriteNew(w, Gateway, RouteRequests.AddFlags)));

    [Fact]
    public void Route_add_ipv6_in_a_large_table() => Snapshot.Match(Render(w => RouteRequests.WriteNew(w, new Route
    {
        Destination = IPNetwork.Parse("2001:db8:6::/64"),
        Gateway = IPAddress.Parse("2001:db8::2"),
        Table = 5000,
        Preference = RoutePreference.High,
    }, RouteRequests.AddFlags)));

    [Fact]
    public void Route_add_multipath_with_weights() => Snapshot.Match(Render(w => RouteRequests.WriteNew(w, new Route
    {
        Destination = IPNetwork.Parse("192.168.5.0/24"),
        NextHops = [new RouteNextHop(IPAddress.Parse("10.0.0.2"), 3, Weight: 2), new RouteNextHop(IPAddress.Parse("10.1.0.2"), 5), new RouteNextHop(null, 7, 256, RouteFlags.OnLink)],
    }, RouteRequests.AddFlags)));

    [Fact]
    public void Route_add_with_metrics() => Snapshot.Match(Render(w => RouteRequests.WriteNew(w, Gateway with
    {
        Metrics = new RouteMetrics { Mtu = 1400, AdvertisedMss = 1300, HopLimit = 12, Window = 65535, InitialCongestionWindow = 10, CongestionControl = "cubic" },
    }, RouteRequests.AddFlags)));

    [Fact]
    public void Route_add_blackhole_default_and_device_route() => Snapshot.Match(Render(w =>
    {
        RouteRequests.WriteNew(w, new Route { Destination = IPNetwork.Parse("192.168.7.0/24"), Type = RouteType.Blackhole }, RouteRequests.AddFlags);
        RouteRequests.WriteNew(w, new Route { Destination = IPNetwork.Parse("0.0.0.0/0"), Gateway = IPAddress.Parse("10.0.0.2") }, RouteRequests.AddFlags);
        RouteRequests.WriteNew(w, new Route { Destination = IPNetwork.Parse("10.9.0.0/16"), OutputInterfaceIndex = 4 }, RouteRequests.AddFlags);
        RouteRequests.WriteNew(w, new Route { Destination = IPNetwork.Parse("10.9.9.9/32"), OutputInterfaceIndex = 4, Type = RouteType.Local, Table = RouteTables.Local }, RouteRequests.AddFlags);
    }));

    [Fact]
    public void Route_replace_and_append() => Snapshot.Match(Render(w =>
    {
        RouteRequests.WriteNew(w, Gateway, RouteRequests.ReplaceFlags);
        RouteRequests.WriteNew(w, Gateway, RouteRequests.AppendFlags);
    }));

    [Fact]
    public void Route_delete() => Snapshot.Match(Render(w =>
    {
        RouteRequests.WriteDelete(w, new Route { Destination = IPNetwork.Parse("192.0.2.0/24") });
        RouteRequests.WriteDelete(w, Gateway);
    }));

    [Fact]
    public void Route_lookup() => Snapshot.Match(Render(w =>
    {
        RouteRequests.WriteLookup(w, IPAddress.Parse("192.0.2.7"), new RouteLookup());
        RouteRequests.WriteLookup(w, IPAddress.Parse("192.0.2.7"), new RouteLookup { Source = IPAddress.Parse("10.0.0.1"), InputInterfaceIndex = 2, Mark = 7, FibMatch = true });
        RouteRequests.WriteLookup(w, IPAddress.Parse("2001:db8::9"), new RouteLookup { OutputInterfaceIndex = 3 });
    }));

    [Fact]
    public void Route_dump_with_filters() => Snapshot.Match(Render(w =>
    {
        RouteRequests.WriteDump(w, RouteFilter.Default);
        RouteRequests.WriteDump(w, new RouteFilter { Table = RouteTables.All });
        RouteRequests.WriteDump(w, new RouteFilter { Family = AddressFamily.InterNetworkV6, Table = 5000, Protocol = RouteProtocol.Bgp, Type = RouteType.Unicast, OutputInterfaceIndex = 3 });
    }));

    [Fact]
    public void Neighbour_add_replace_delete() => Snapshot.Match(Render(w =>
    {
        var arp = new Neighbour { InterfaceIndex = 3, Destination = IPAddress.Parse("10.0.0.7"), LinkLayerAddress = PhysicalAddress.Parse("02-00-00-00-00-07") };
        NeighbourRequests.WriteNew(w, arp, NeighbourRequests.AddFlags);
        NeighbourRequests.WriteNew(w, new Neighbour { InterfaceIndex = 3, Destination = IPAddress.Parse("2001:db8::7"), LinkLayerAddress = PhysicalAddress.Parse("02-00-00-00-00-77"), State = NeighbourState.Reachable, Flags = NeighbourFlags.Router }, NeighbourRequests.ReplaceFlags);
        NeighbourRequests.WriteDelete(w, arp);
    }));

    [Fact]
    public void Neighbour_fdb_add_and_dump() => Snapshot.Match(Render(w =>
    {
        NeighbourRequests.WriteNew(w, new Neighbour { Family = NeighbourFamily.Bridge, InterfaceIndex = 5, LinkLayerAddress = PhysicalAddress.Parse("02-00-00-00-02-01") }, NeighbourRequests.AddFlags);
        NeighbourRequests.WriteNew(w, new Neighbour { Family = NeighbourFamily.Bridge, InterfaceIndex = 5, LinkLayerAddress = PhysicalAddress.Parse("02-00-00-00-02-02"), Flags = NeighbourFlags.Master, State = NeighbourState.NoArp, Vlan = 10, MasterIndex = 6 }, NeighbourRequests.AddFlags);
        NeighbourRequests.WriteDump(w, new NeighbourFilter { Family = NeighbourFamily.Bridge, MasterIndex = 6 });
        NeighbourRequests.WriteDump(w, new NeighbourFilter { Family = NeighbourFamily.Inet, InterfaceIndex = 3 });
    }));

    [Fact]
    public void Rule_add_delete_dump() => Snapshot.Match(Render(w =>
    {
        var rule = new Rule
        {
            Priority = 110,
            Source = IPNetwork.Parse("10.0.0.0/24"),
            Destination = IPNetwork.Parse("192.168.0.0/16"),
            FirewallMark = 0x10,
            FirewallMask = 0xff,
            InputInterface = "va",
            OutputInterface = "vc",
            IpProtocol = 6,
            SourcePorts = new PortRange(1000, 2000),
            DestinationPorts = new PortRange(80, 80),
            UidRange = new UidRange(1000, 2000),
            Table = 5000,
            Protocol = RouteProtocol.Static,
        };
        RuleRequests.WriteNew(w, rule);
        RuleRequests.WriteNew(w, new Rule { Priority = 120, Action = RuleAction.Blackhole, Invert = true, Source = IPNetwork.Parse("2001:db8::/64") });
        RuleRequests.WriteNew(w, new Rule { Priority = 150, Action = RuleAction.Goto, GotoPriority = 32766 });
        RuleRequests.WriteDelete(w, new Rule { Priority = 110 });
        RuleRequests.WriteDump(w, AddressFamily.InterNetwork);
    }));
}
