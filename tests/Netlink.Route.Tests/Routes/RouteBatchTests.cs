using System.Net;
using Netlink.Testing;
using Xunit;

namespace Netlink.Route.Tests.Routes;

/// <summary>AddRoutesAsync / ReplaceRoutesAsync / DeleteRoutesAsync against the kernel, in a namespace of their own.</summary>
public sealed class RouteBatchTests : IClassFixture<RouteNamespace>
{
    private const int EEXIST = 17;
    private const int ESRCH = 3;
    private const uint Table = 321;

    private readonly RouteNamespace _ns;

    public RouteBatchTests(RouteNamespace ns) => _ns = ns;

    private Route HostRoute(int i) => new()
    {
        Destination = new IPNetwork(new IPAddress([100, 70, (byte)(i >> 8), (byte)i]), 32),
        Gateway = IPAddress.Parse("10.0.0.2"),
        OutputInterfaceIndex = _ns.Va,
        Table = Table,
    };

    [RootFact]
    public async Task Thousands_of_routes_go_in_and_out_in_batches_with_one_result_each()
    {
        await using RouteClient client = _ns.OpenClient();
        Route[] routes = Enumerable.Range(0, 3000).Select(HostRoute).ToArray();

        IReadOnlyList<NetlinkBatchResult> added = await client.AddRoutesAsync(routes);

        Assert.Equal(routes.Length, added.Count);
        Assert.All(added, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Equal(Enumerable.Range(0, routes.Length), added.Select(r => r.Index));
        Assert.Equal(routes.Length, (await client.ListRoutesAsync(new RouteFilter { Table = Table })).Count);
        Assert.Equal(routes.Length, _ns.Ip($"route show table {Table}").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        IReadOnlyList<NetlinkBatchResult> deleted = await client.DeleteRoutesAsync(routes);

        Assert.All(deleted, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Empty(await client.ListRoutesAsync(new RouteFilter { Table = Table }));
    }

    [RootFact]
    public async Task One_failing_route_reports_its_kernel_error_and_the_others_still_go_in()
    {
        await using RouteClient client = _ns.OpenClient();
        await client.AddRouteAsync(HostRoute(5));
        Route[] routes = Enumerable.Range(0, 10).Select(HostRoute).ToArray();

        IReadOnlyList<NetlinkBatchResult> results = await client.AddRoutesAsync(routes);

        var failure = Assert.IsType<NetlinkException>(Assert.Single(results, r => !r.Succeeded).Error);
        Assert.Equal(5, results.Single(r => !r.Succeeded).Index);
        Assert.Equal(EEXIST, failure.Errno);
        Assert.Equal(10, (await client.ListRoutesAsync(new RouteFilter { Table = Table })).Count);

        // Replace accepts the existing ones; deleting one that is gone reports ESRCH for it alone.
        Assert.All(await client.ReplaceRoutesAsync(routes), r => Assert.True(r.Succeeded));
        await client.DeleteRouteAsync(routes[3]);
        IReadOnlyList<NetlinkBatchResult> deleted = await client.DeleteRoutesAsync(routes);
        Assert.Equal(ESRCH, Assert.IsType<NetlinkException>(Assert.Single(deleted, r => !r.Succeeded).Error).Errno);
        Assert.Equal(3, deleted.Single(r => !r.Succeeded).Index);
        Assert.Empty(await client.ListRoutesAsync(new RouteFilter { Table = Table }));
    }

    [RootFact]
    public async Task An_invalid_route_is_named_by_position_and_nothing_is_sent()
    {
        await using RouteClient client = _ns.OpenClient();
        Route[] routes = [HostRoute(1), HostRoute(2) with { Table = 0 }, HostRoute(3)];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.AddRoutesAsync(routes));

        Assert.Equal("routes", error.ParamName);
        Assert.StartsWith("route 1 (100.70.0.2/32): ", error.Message, StringComparison.Ordinal);
        Assert.Empty(await client.ListRoutesAsync(new RouteFilter { Table = Table }));
        Assert.Empty(await client.AddRoutesAsync([]));
    }
}
