using System.Net;
using System.Net.Sockets;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route.Generated;
using Netlink.Testing;
using Xunit;

namespace Netlink.Route.Tests.Routes;

/// <summary>Routes against the kernel, in a namespace of their own (veth pairs va-vb, vc-vd).</summary>
public sealed class RouteClientTests : IClassFixture<RouteNamespace>
{
    private const int EEXIST = 17;
    private const int ESRCH = 3;
    private const int ENETUNREACH = 101;

    private readonly RouteNamespace _ns;

    public RouteClientTests(RouteNamespace ns) => _ns = ns;

    private static IPNetwork Net(string text) => IPNetwork.Parse(text);

    private static IPAddress Ip(string text) => IPAddress.Parse(text);

    [RootFact]
    public async Task Add_list_and_delete_a_gateway_route_with_metric_protocol_and_source()
    {
        await using RouteClient client = _ns.OpenClient();
        var route = new Route
        {
            Destination = Net("192.0.2.0/24"),
            Gateway = Ip("10.0.0.2"),
            OutputInterfaceIndex = _ns.Va,
            PreferredSource = Ip("10.0.0.1"),
            Priority = 77,
            Protocol = RouteProtocol.Static,
        };
        await client.AddRouteAsync(route);

        Route listed = Assert.Single(await client.ListRoutesAsync(new RouteFilter { Family = AddressFamily.InterNetwork }), r => r.Destination == Net("192.0.2.0/24"));
        Assert.Equal(AddressFamily.InterNetwork, listed.Family);
        Assert.Equal(Ip("10.0.0.2"), listed.Gateway);
        Assert.Equal(_ns.Va, listed.OutputInterfaceIndex);
        Assert.Equal(Ip("10.0.0.1"), listed.PreferredSource);
        Assert.Equal(77u, listed.Priority);
        Assert.Equal(RouteProtocol.Static, listed.Protocol);
        Assert.Equal(RouteScope.Universe, listed.Scope);
        Assert.Equal(RouteType.Unicast, listed.Type);
        Assert.Equal(RouteTables.Main, listed.Table);
        Assert.Empty(listed.NextHops);
        Assert.Contains("192.0.2.0/24 via 10.0.0.2 dev va proto static", _ns.Ip("route show"), StringComparison.Ordinal);

        await client.DeleteRouteAsync(listed);
        Assert.DoesNotContain(await client.ListRoutesAsync(), r => r.Destination == Net("192.0.2.0/24"));
        Assert.DoesNotContain("192.0.2.0/24", _ns.Ip("route show"), StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Device_route_gets_link_scope_and_default_route_is_default()
    {
        await using RouteClient client = _ns.OpenClient();
        await client.AddRouteAsync(new Route { Destination = Net("198.51.100.0/24"), OutputInterfaceIndex = _ns.Vc });
        await client.AddRouteAsync(new Route { Destination = Net("0.0.0.0/0"), Gateway = Ip("10.0.0.2"), Priority = 100 });
        IReadOnlyList<Route> routes = await client.ListRoutesAsync(new RouteFilter { Family = AddressFamily.InterNetwork });

        Route direct = Assert.Single(routes, r => r.Destination == Net("198.51.100.0/24"));
        Assert.Equal(RouteScope.Link, direct.Scope);
        Assert.Equal(RouteProtocol.Boot, direct.Protocol);
        Assert.Null(direct.Gateway);
        Route defaultRoute = Assert.Single(routes, r => r.IsDefault);
        Assert.Equal(_ns.Va, defaultRoute.OutputInterfaceIndex);
        Assert.Contains("default via 10.0.0.2 dev va metric 100", _ns.Ip("route show"), StringComparison.Ordinal);

        await client.DeleteRouteAsync(new Route { Destination = Net("0.0.0.0/0") });
        await client.DeleteRouteAsync(new Route { Destination = Net("198.51.100.0/24") });
        Assert.DoesNotContain(await client.ListRoutesAsync(), r => r.IsDefault || r.Destination == Net("198.51.100.0/24"));
    }

    [RootFact]
    public async Task Duplicate_add_fails_with_EEXIST_and_replace_and_append_do_not()
    {
        await using RouteClient client = _ns.OpenClient();
        var route = new Route { Destination = Net("203.0.113.0/24"), Gateway = Ip("10.0.0.2") };
        await client.AddRouteAsync(route);

        NetlinkException error = await Assert.ThrowsAsync<NetlinkException>(() => client.AddRouteAsync(route));
        Assert.Equal(EEXIST, error.Errno);
        Assert.Equal("EEXIST", error.ErrnoName);
        Assert.Contains("RTM_NEWROUTE", error.Message, StringComparison.Ordinal);

        await client.ReplaceRouteAsync(route with { Gateway = Ip("10.1.0.2") });
        Route replaced = Assert.Single(await client.ListRoutesAsync(), r => r.Destination == Net("203.0.113.0/24"));
        Assert.Equal(Ip("10.1.0.2"), replaced.Gateway);
        Assert.Equal(_ns.Vc, replaced.OutputInterfaceIndex);

        await client.AppendRouteAsync(route with { Gateway = Ip("10.0.0.3") });
        IReadOnlyList<Route> both = (await client.ListRoutesAsync()).Where(r => r.Destination == Net("203.0.113.0/24")).ToList();
        Assert.Equal([Ip("10.1.0.2"), Ip("10.0.0.3")], both.Select(r => r.Gateway));

        foreach (Route r in both)
        {
            await client.DeleteRouteAsync(r);
        }

        NetlinkException missing = await Assert.ThrowsAsync<NetlinkException>(() => client.DeleteRouteAsync(route));
        Assert.Equal(ESRCH, missing.Errno);
    }

    [RootFact]
    public async Task Unreachable_gateway_fails_with_ENETUNREACH_and_the_kernel_text()
    {
        await using RouteClient client = _ns.OpenClient();
        NetlinkException error = await Assert.ThrowsAsync<NetlinkException>(
            () => client.AddRouteAsync(new Route { Destination = Net("10.51.0.0/24"), Gateway = Ip("10.77.0.2") }));
        Assert.Equal(ENETUNREACH, error.Errno);
        Assert.Equal("Nexthop has invalid gateway", error.ExtendedAckMessage);
        Assert.Contains("Nexthop has invalid gateway", error.Message, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Invalid_routes_are_rejected_before_anything_is_sent()
    {
        await using RouteClient client = _ns.OpenClient();
        Route good = new() { Destination = Net("10.60.0.0/24"), Gateway = Ip("10.0.0.2") };
        Route[] bad =
        [
            good with { Gateway = Ip("2001:db8::2") },
            good with { Table = 0 },
            good with { Gateway = null },
            good with { PreferredSource = Ip("2001:db8::1") },
            good with { Gateway = null, NextHops = [new RouteNextHop(Ip("10.0.0.2"), _ns.Va, Weight: 0)] },
            good with { Gateway = null, NextHops = [new RouteNextHop(Ip("10.0.0.2"), _ns.Va, Weight: 257)] },
            good with { Gateway = null, NextHops = [new RouteNextHop(null, 0)] },
            good with { NextHops = [new RouteNextHop(Ip("10.0.0.3"), 0)] },
            good with { OutputInterfaceIndex = -1 },
        ];
        foreach (Route route in bad)
        {
            ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => client.AddRouteAsync(route));
            Assert.Equal("route", error.ParamName);

            using var writer = new NetlinkMessageWriter();
            Assert.Throws<ArgumentException>(() => RouteRequests.WriteNew(writer, route, RouteRequests.AddFlags));
            Assert.Equal(0, writer.Length);
        }

        ArgumentException prefix = Assert.Throws<ArgumentException>(() => IPPrefix.Parse("10.0.0.1/24", parameterName: "destination"));
        Assert.Equal("destination", prefix.ParamName);
        Assert.Contains("10.0.0.0/24", prefix.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => IPPrefix.Parse("10.0.0.0/33"));
        Assert.DoesNotContain("10.60.0.0", _ns.Ip("route show table all"), StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Ipv4_multipath_with_weights_round_trips()
    {
        await using RouteClient client = _ns.OpenClient();
        await client.AddRouteAsync(new Route
        {
            Destination = Net("192.168.50.0/24"),
            Protocol = RouteProtocol.Babel,
            NextHops = [new RouteNextHop(Ip("10.0.0.2"), _ns.Va, Weight: 3), new RouteNextHop(Ip("10.1.0.2"), _ns.Vc, Weight: 256)],
        });
        Route route = Assert.Single(await client.ListRoutesAsync(), r => r.Destination == Net("192.168.50.0/24"));
        Assert.Null(route.Gateway);
        Assert.Equal(RouteProtocol.Babel, route.Protocol);
        Assert.Equal(
            [new RouteNextHop(Ip("10.0.0.2"), _ns.Va, 3), new RouteNextHop(Ip("10.1.0.2"), _ns.Vc, 256)],
            route.NextHops);
        string text = _ns.Ip("route show 192.168.50.0/24");
        Assert.Contains("nexthop via 10.0.0.2 dev va weight 3", text, StringComparison.Ordinal);
        Assert.Contains("nexthop via 10.1.0.2 dev vc weight 256", text, StringComparison.Ordinal);
        await client.DeleteRouteAsync(route);
    }

    [RootFact]
    public async Task Ipv6_routes_and_multipath_as_the_kernel_returns_them()
    {
        await using RouteClient client = _ns.OpenClient();
        await client.AddRouteAsync(new Route { Destination = Net("2001:db8:6::/64"), Gateway = Ip("2001:db8::2"), Priority = 10 });
        await client.AddRouteAsync(new Route
        {
            Destination = Net("2001:db8:5::/64"),
            NextHops = [new RouteNextHop(Ip("2001:db8::2"), _ns.Va, Weight: 3), new RouteNextHop(Ip("2001:db8:1::2"), _ns.Vc)],
        });
        IReadOnlyList<Route> routes = await client.ListRoutesAsync(new RouteFilter { Family = AddressFamily.InterNetworkV6 });
        Assert.All(routes, r => Assert.Equal(AddressFamily.InterNetworkV6, r.Family));

        Route single = Assert.Single(routes, r => r.Destination == Net("2001:db8:6::/64"));
        Assert.Equal(Ip("2001:db8::2"), single.Gateway);
        Assert.Equal(_ns.Va, single.OutputInterfaceIndex);
        Assert.Equal(10u, single.Priority);
        Assert.Equal(RoutePreference.Medium, single.Preference);

        Route multi = Assert.Single(routes, r => r.Destination == Net("2001:db8:5::/64"));
        Assert.Equal(1024u, multi.Priority);
        Assert.Equal([new RouteNextHop(Ip("2001:db8::2"), _ns.Va, 3), new RouteNextHop(Ip("2001:db8:1::2"), _ns.Vc, 1)], multi.NextHops);
        Assert.Contains(routes, r => r.Destination == Net("2001:db8::/64") && r.Protocol == RouteProtocol.Kernel && r.OutputInterfaceIndex == _ns.Va);

        await client.DeleteRouteAsync(single);
        await client.DeleteRouteAsync(multi);
        Assert.DoesNotContain(await client.ListRoutesAsync(), r => r.Destination == Net("2001:db8:5::/64") || r.Destination == Net("2001:db8:6::/64"));
    }

    [RootFact]
    public async Task Metrics_round_trip()
    {
        await using RouteClient client = _ns.OpenClient();
        var metrics = new RouteMetrics { Mtu = 1400, AdvertisedMss = 1300, HopLimit = 12, Window = 65535, InitialCongestionWindow = 5, InitialReceiveWindow = 7 };
        await client.AddRouteAsync(new Route { Destination = Net("192.168.60.0/24"), Gateway = Ip("10.0.0.2"), Metrics = metrics });
        Route route = Assert.Single(await client.ListRoutesAsync(), r => r.Destination == Net("192.168.60.0/24"));
        Assert.Equal(metrics, route.Metrics);
        Assert.Contains("mtu 1400 window 65535 advmss 1300 hoplimit 12 initcwnd 5 initrwnd 7", _ns.Ip("route show 192.168.60.0/24"), StringComparison.Ordinal);
        await client.DeleteRouteAsync(route);
    }

    [RootFact]
    public async Task Blackhole_unreachable_prohibit_and_local_types()
    {
        await using RouteClient client = _ns.OpenClient();
        await client.AddRouteAsync(new Route { Destination = Net("192.168.71.0/24"), Type = RouteType.Blackhole });
        await client.AddRouteAsync(new Route { Destination = Net("192.168.72.0/24"), Type = RouteType.Unreachable, Priority = 5 });
        await client.AddRouteAsync(new Route { Destination = Net("192.168.73.1/32"), Type = RouteType.Prohibit });
        await client.AddRouteAsync(new Route { Destination = Net("10.9.9.9/32"), Type = RouteType.Local, OutputInterfaceIndex = _ns.Va, Table = 200 });

        IReadOnlyList<Route> main = await client.ListRoutesAsync(new RouteFilter { Family = AddressFamily.InterNetwork });
        Assert.Equal(RouteType.Blackhole, Assert.Single(main, r => r.Destination == Net("192.168.71.0/24")).Type);
        Assert.Equal(RouteType.Unreachable, Assert.Single(main, r => r.Destination == Net("192.168.72.0/24")).Type);
        Assert.Equal(RouteType.Prohibit, Assert.Single(main, r => r.Destination == Net("192.168.73.1/32")).Type);
        Route local = Assert.Single(await client.ListRoutesAsync(new RouteFilter { Table = 200 }));
        Assert.Equal(RouteType.Local, local.Type);
        Assert.Equal(RouteScope.Host, local.Scope);

        string text = _ns.Ip("route show");
        Assert.Contains("blackhole 192.168.71.0/24", text, StringComparison.Ordinal);
        Assert.Contains("unreachable 192.168.72.0/24 metric 5", text, StringComparison.Ordinal);
        Assert.Contains("prohibit 192.168.73.1", text, StringComparison.Ordinal);

        NetlinkException blocked = await Assert.ThrowsAsync<NetlinkException>(() => client.GetRouteAsync(Ip("192.168.71.9")));
        Assert.Equal(22, blocked.Errno); // EINVAL: blackhole lookups fail like `ip route get`

        foreach (Route r in main.Where(r => r.Type is RouteType.Blackhole or RouteType.Unreachable or RouteType.Prohibit))
        {
            await client.DeleteRouteAsync(r);
        }

        await client.DeleteRouteAsync(local);
    }

    [RootFact]
    public async Task Table_protocol_type_and_device_filters_are_applied_by_the_kernel()
    {
        await using RouteClient client = _ns.OpenClient();
        await client.AddRouteAsync(new Route { Destination = Net("172.20.1.0/24"), Gateway = Ip("10.0.0.2"), Table = 100, Protocol = RouteProtocol.Static });
        await client.AddRouteAsync(new Route { Destination = Net("172.20.2.0/24"), Gateway = Ip("10.1.0.2"), Table = 100, Protocol = RouteProtocol.Bird });
        await client.AddRouteAsync(new Route { Destination = Net("172.20.3.0/24"), Type = RouteType.Blackhole, Table = 100, Protocol = RouteProtocol.Static });
        await client.AddRouteAsync(new Route { Destination = Net("172.20.4.0/24"), Gateway = Ip("10.0.0.2"), Table = 5000 });

        Assert.Equal(
            ["172.20.1.0/24", "172.20.2.0/24", "172.20.3.0/24"],
            (await client.ListRoutesAsync(new RouteFilter { Table = 100 })).Select(r => r.Destination.ToString()));
        Assert.Equal(
            ["172.20.1.0/24", "172.20.3.0/24"],
            (await client.ListRoutesAsync(new RouteFilter { Table = 100, Protocol = RouteProtocol.Static })).Select(r => r.Destination.ToString()));
        Assert.Equal(
            ["172.20.3.0/24"],
            (await client.ListRoutesAsync(new RouteFilter { Table = 100, Type = RouteType.Blackhole })).Select(r => r.Destination.ToString()));
        Assert.Equal(
            ["172.20.2.0/24"],
            (await client.ListRoutesAsync(new RouteFilter { Table = 100, OutputInterfaceIndex = _ns.Vc })).Select(r => r.Destination.ToString()));
        Route big = Assert.Single(await client.ListRoutesAsync(new RouteFilter { Table = 5000 }));
        Assert.Equal(5000u, big.Table);
        Assert.Empty(await client.ListRoutesAsync(new RouteFilter { Table = 4242, Family = AddressFamily.InterNetwork }));
        Assert.Contains(await client.ListRoutesAsync(new RouteFilter { Table = RouteTables.All }), r => r.Table == RouteTables.Local);
        Assert.DoesNotContain(await client.ListRoutesAsync(), r => r.Table != RouteTables.Main);

        // The kernel itself filtered: every raw reply matches and carries NLM_F_DUMP_FILTERED.
        using var writer = new NetlinkMessageWriter();
        RouteRequests.WriteDump(writer, new RouteFilter { Table = 100, Protocol = RouteProtocol.Static, Family = AddressFamily.InterNetwork });
        var raw = new List<(byte Protocol, uint Table, NlMsgFlags Flags)>();
        await client.Connection.ExecuteAsync(writer, message =>
        {
            if (RtRoute.TryReadNewroute(message.Bytes, out RtRoute.Rtmsg header, out RtRoute.RouteAttrsReader attributes) && message.Type == RtRoute.Messages.NewrouteNtf)
            {
                raw.Add((header.RtmProtocol, attributes.TryGetTable(out uint t) ? t : header.RtmTable, message.Flags));
            }
        });
        Assert.Equal(2, raw.Count);
        Assert.All(raw, r => Assert.Equal(((byte)RouteProtocol.Static, 100u), (r.Protocol, r.Table)));
        Assert.All(raw, r => Assert.True(r.Flags.HasFlag(NlMsgFlags.DumpFiltered)));
    }

    [RootFact]
    public async Task Lookup_like_ip_route_get()
    {
        await using RouteClient client = _ns.OpenClient();
        await client.AddRouteAsync(new Route { Destination = Net("192.168.80.0/24"), Gateway = Ip("10.0.0.2") });

        Route direct = await client.GetRouteAsync(Ip("10.0.0.5"));
        Assert.Equal(Net("10.0.0.5/32"), direct.Destination);
        Assert.Equal(_ns.Va, direct.OutputInterfaceIndex);
        Assert.Equal(Ip("10.0.0.1"), direct.PreferredSource);
        Assert.Null(direct.Gateway);
        Assert.Equal(RouteTables.Main, direct.Table);
        Assert.True(direct.Flags.HasFlag(RouteFlags.Cloned));

        Route via = await client.GetRouteAsync(Ip("192.168.80.7"), new RouteLookup { Source = Ip("10.0.0.1"), Mark = 7 });
        Assert.Equal(Ip("10.0.0.2"), via.Gateway);
        Assert.Equal(7u, via.Mark);

        Route entry = await client.GetRouteAsync(Ip("192.168.80.7"), new RouteLookup { FibMatch = true });
        Assert.Equal(Net("192.168.80.0/24"), entry.Destination);

        Route v6 = await client.GetRouteAsync(Ip("2001:db8:1::9"));
        Assert.Equal(_ns.Vc, v6.OutputInterfaceIndex);

        Route forced = await client.GetRouteAsync(Ip("10.1.0.9"), new RouteLookup { OutputInterfaceIndex = _ns.Vc });
        Assert.Equal(_ns.Vc, forced.OutputInterfaceIndex);

        NetlinkException none = await Assert.ThrowsAsync<NetlinkException>(() => client.GetRouteAsync(Ip("8.8.8.8")));
        Assert.Equal(ENETUNREACH, none.Errno);
        await client.DeleteRouteAsync(new Route { Destination = Net("192.168.80.0/24") });
    }

    [RootFact]
    public async Task ForEachRouteAsync_streams_the_routes_ListRoutesAsync_returns_and_names_resolve_in_the_clients_namespace()
    {
        await using RouteClient client = _ns.OpenClient();
        var filter = new RouteFilter { Table = RouteTables.All };
        IReadOnlyList<Route> listed = await client.ListRoutesAsync(filter);
        var streamed = new List<Route>();
        var devices = new List<string?>();

        NetlinkReplySummary summary = await client.ForEachRouteAsync(
            route =>
            {
                streamed.Add(route);
                // No netlink request: safe while the dump is being read, and answered in the client's namespace.
                devices.Add(route.OutputInterfaceIndex == 0 ? null : client.GetLinkName(route.OutputInterfaceIndex));
            },
            filter);

        Assert.False(summary.Interrupted);
        Assert.Equal(listed, streamed);
        Assert.Contains("va", devices);
        Assert.Equal(_ns.Va, client.GetLinkIndex("va"));
        Assert.Equal("va", client.GetLinkName(_ns.Va));
        Assert.Null(client.GetLinkName(987654));
        Assert.Null(client.GetLinkIndex("nosuchlink0"));
        Assert.Null(NetworkNamespaceNames.HostIndexOf("va"));
    }

    [RootFact]
    public async Task Visitor_sees_every_route_without_allocating_per_route()
    {
        await using RouteClient client = _ns.OpenClient();
        using (var batch = new NetlinkMessageWriter())
        {
            for (int i = 0; i < 2000; i++)
            {
                RouteRequests.WriteNew(batch, new Route { Destination = new IPNetwork(new IPAddress([100, 64, (byte)(i >> 8), (byte)i]), 32), Gateway = Ip("10.0.0.2"), Table = 300 }, RouteRequests.AddFlags);
                if (i % 200 == 199)
                {
                    IReadOnlyList<NetlinkBatchResult> results = await client.Connection.ExecuteBatchAsync(batch);
                    foreach (NetlinkBatchResult result in results)
                    {
                        result.ThrowIfFailed();
                    }

                    batch.Clear();
                }
            }
        }

        int count = 0;
        long first = 0;
        long last = 0;
        uint sum = 0;
        NetlinkReplySummary summary = await client.VisitRoutesAsync(
            (in RtRoute.Rtmsg header, in RtRoute.RouteAttrsReader attributes) =>
            {
                if (count == 10)
                {
                    first = GC.GetAllocatedBytesForCurrentThread();
                }

                attributes.TryGetDstBytes(out ReadOnlySpan<byte> dst);
                sum += dst[3];
                count++;
                last = GC.GetAllocatedBytesForCurrentThread();
            },
            new RouteFilter { Table = 300 });

        Assert.False(summary.Interrupted);
        Assert.Equal(2000, count);
        Assert.Equal(2000, (await client.ListRoutesAsync(new RouteFilter { Table = 300 })).Count);
        Assert.InRange(last - first, 0, 1024);
        _ns.Ip("route flush table 300");
    }
}

/// <summary>What the test process's own namespace says, to show a lookup did not happen there.</summary>
internal static class NetworkNamespaceNames
{
    public static int? HostIndexOf(string name) =>
        File.Exists($"/sys/class/net/{name}/ifindex") ? int.Parse(File.ReadAllText($"/sys/class/net/{name}/ifindex").Trim(), System.Globalization.CultureInfo.InvariantCulture) : null;
}
