using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Netlink.Encoding;
using Netlink.Route;

namespace Netlink.Benchmarks;

/// <summary>
/// Every typed request the client sends, encoded by the same builders into a reused writer:
/// each must allocate 0 bytes (the request objects themselves are built once, in setup).
/// </summary>
[MemoryDiagnoser]
public class TypedRequestBenchmarks
{
    private readonly NetlinkMessageWriter _writer = new();
    private readonly VethSpec _veth = new("veth0", "veth1") { Mtu = 9000, TxQueueLength = 1000 };
    private readonly VxlanSpec _vxlan = new("vx0", 42) { Remote = IPAddress.Parse("192.0.2.9"), Port = 4789 };
    private readonly LinkChanges _changes = new() { Up = true, Mtu = 1400, Alias = "uplink", Address = PhysicalAddress.Parse("02-00-00-00-00-07") };
    private readonly AddressSpec _address = new(IPAddress.Parse("10.0.0.1"), 24, 3) { Broadcast = IPAddress.Parse("10.0.0.255"), Label = "eth0:1" };
    private readonly Netlink.Route.Route _route = new()
    {
        Destination = IPNetwork.Parse("198.18.0.0/24"),
        Gateway = IPAddress.Parse("10.0.0.2"),
        OutputInterfaceIndex = 3,
        PreferredSource = IPAddress.Parse("10.0.0.1"),
        Priority = 100,
        Metrics = new RouteMetrics { Mtu = 1400, AdvertisedMss = 1360 },
    };

    private readonly Netlink.Route.Route _multipath = new()
    {
        Destination = IPNetwork.Parse("2001:db8:1::/48"),
        NextHops =
        [
            new RouteNextHop(IPAddress.Parse("fe80::1"), 3, Weight: 1),
            new RouteNextHop(IPAddress.Parse("fe80::2"), 4, Weight: 2),
        ],
    };

    private readonly Neighbour _neighbour = new()
    {
        Family = NeighbourFamily.Inet,
        InterfaceIndex = 3,
        Destination = IPAddress.Parse("10.0.0.2"),
        LinkLayerAddress = PhysicalAddress.Parse("02-00-00-00-00-02"),
    };

    private readonly Rule _rule = new()
    {
        Family = AddressFamily.InterNetwork,
        Priority = 100,
        Source = IPNetwork.Parse("10.1.0.0/16"),
        FirewallMark = 7,
        Table = 100,
    };

    [Benchmark]
    public int LinkAddVeth()
    {
        _writer.Clear();
        LinkRequests.WriteAdd(_writer, _veth);
        return _writer.Length;
    }

    [Benchmark]
    public int LinkAddVxlan()
    {
        _writer.Clear();
        LinkRequests.WriteAdd(_writer, _vxlan);
        return _writer.Length;
    }

    [Benchmark]
    public int LinkSet()
    {
        _writer.Clear();
        LinkRequests.WriteSet(_writer, 3, _changes);
        return _writer.Length;
    }

    [Benchmark]
    public int AddressAdd()
    {
        _writer.Clear();
        AddressRequests.WriteAdd(_writer, _address, AddressRequests.Mode.Add, "eth0");
        return _writer.Length;
    }

    [Benchmark]
    public int RouteAdd()
    {
        _writer.Clear();
        RouteRequests.WriteNew(_writer, _route, RouteRequests.AddFlags);
        return _writer.Length;
    }

    [Benchmark]
    public int RouteAddMultipathV6()
    {
        _writer.Clear();
        RouteRequests.WriteNew(_writer, _multipath, RouteRequests.AddFlags);
        return _writer.Length;
    }

    [Benchmark]
    public int RouteDumpMainTable()
    {
        _writer.Clear();
        RouteRequests.WriteDump(_writer, RouteFilter.Default);
        return _writer.Length;
    }

    [Benchmark]
    public int NeighbourAdd()
    {
        _writer.Clear();
        NeighbourRequests.WriteNew(_writer, _neighbour, NeighbourRequests.AddFlags);
        return _writer.Length;
    }

    [Benchmark]
    public int RuleAdd()
    {
        _writer.Clear();
        RuleRequests.WriteNew(_writer, _rule);
        return _writer.Length;
    }
}
