using System.Net;
using System.Text.Json;
using Netlink.Route.Tests.Routes;
using Netlink.Testing;
using Xunit;

namespace Netlink.Route.Tests.Neighbours;

/// <summary>Proxy ARP/NDP entries (<c>ip neigh add proxy</c>): a table of their own in the kernel, listed and changed through the SDK.</summary>
public sealed class NeighbourProxyTests(RouteNamespace ns) : IClassFixture<RouteNamespace>
{
    [RootFact]
    public async Task Proxy_entries_need_no_link_layer_address_and_list_apart_from_the_cache()
    {
        await using RouteClient client = ns.OpenClient();
        var proxy = new Neighbour { InterfaceIndex = ns.Va, Destination = IPAddress.Parse("10.0.0.70"), Flags = NeighbourFlags.Proxy };
        await client.AddNeighbourAsync(proxy);
        await client.AddNeighbourAsync(proxy with { Destination = IPAddress.Parse("2001:db8::70") });

        JsonElement ip = ns.IpJson("neigh show proxy");
        Assert.Equal(["10.0.0.70", "2001:db8::70"], ip.EnumerateArray().Select(e => e.GetProperty("dst").GetString()!).Order());

        IReadOnlyList<Neighbour> listed = await client.ListNeighboursAsync(new NeighbourFilter { Proxy = true });
        Assert.Equal(["10.0.0.70", "2001:db8::70"], listed.Select(n => n.Destination!.ToString()).Order());
        Assert.All(listed, n => Assert.True((n.Flags & NeighbourFlags.Proxy) != 0));
        Assert.All(listed, n => Assert.Equal(ns.Va, n.InterfaceIndex));
        Assert.DoesNotContain(await client.ListNeighboursAsync(), n => n.Destination?.ToString() is "10.0.0.70" or "2001:db8::70");

        await client.DeleteNeighbourAsync(proxy);
        Assert.Equal(["2001:db8::70"], (await client.ListNeighboursAsync(new NeighbourFilter { Proxy = true })).Select(n => n.Destination!.ToString()));
    }
}
