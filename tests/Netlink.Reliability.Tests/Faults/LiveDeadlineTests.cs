using System.Buffers.Binary;
using System.Net;
using Netlink.Reliability.Tests.Support;
using Netlink.Route;
using Netlink.Testing;
using RouteEntry = Netlink.Route.Route;
using Xunit;

namespace Netlink.Reliability.Tests.Faults;

/// <summary>
/// Deadlines and cancellation against a large real dump (20,000 routes; 100,000 with
/// NETLINK_FULL_LOAD=1). The kernel refills the socket on every read, so the reader is never idle:
/// before the deadline was checked between datagrams, a timeout or a cancelled token did nothing
/// until the whole table had been read.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class LiveDeadlineTests : IAsyncLifetime
{
    private static readonly int RouteCount = Rt.Count(20_000, 100_000);
    private readonly TestNamespace _netns = new();
    private RouteClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = RouteClient.Open(_netns.Namespace);
        int lo = (await _client.GetLinkAsync("lo")).Index;
        await _client.SetLinkUpAsync(lo);
        var routes = new RouteEntry[RouteCount];
        for (int i = 0; i < routes.Length; i++)
        {
            var destination = new IPAddress(BinaryPrimitives.ReverseEndianness(0x0A400000u + (uint)i)); // 10.64.0.0 + i
            routes[i] = new RouteEntry { Destination = new IPNetwork(destination, 32), OutputInterfaceIndex = lo };
        }

        Assert.All(await _client.AddRoutesAsync(routes), r => Assert.True(r.Succeeded, r.Error?.Message));
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        _netns.Dispose();
    }

    [RootFact]
    public async Task Cancelling_inside_the_route_callback_stops_the_dump_and_the_next_list_is_whole()
    {
        using var cancel = new CancellationTokenSource();
        int seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.ForEachRouteAsync(
            _ =>
            {
                if (++seen == 1000)
                {
                    cancel.Cancel();
                }
            },
            RouteFilter.Default,
            cancel.Token));

        Assert.Equal(1000, seen);
        IReadOnlyList<RouteEntry> all = await _client.ListRoutesAsync(RouteFilter.Default);
        Assert.Equal(RouteCount, all.Count(r => r.OutputInterfaceIndex == 1));
        Assert.Equal(0, _client.Connection.UnmatchedMessages);
        Assert.True(_client.Connection.DiscardedMessages > 0, "the rest of the cancelled dump was read and dropped");
    }

    [RootFact]
    public async Task A_timeout_shorter_than_the_dump_ends_it_with_TimeoutException()
    {
        await using RouteClient hurried = RouteClient.Open(_netns.Namespace, new RouteClientOptions { Timeout = TimeSpan.FromMilliseconds(2) });

        await Assert.ThrowsAsync<TimeoutException>(() => hurried.ListRoutesAsync(RouteFilter.Default));

        Assert.Equal(RouteCount, (await _client.ListRoutesAsync(RouteFilter.Default)).Count(r => r.OutputInterfaceIndex == 1));
    }

    [RootFact]
    public async Task A_token_cancelled_by_another_thread_during_the_dump_ends_it_early()
    {
        // A slow consumer (1 ms per route) and a token cancelled 50 ms in, from a timer thread.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        int seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.ForEachRouteAsync(
            _ =>
            {
                seen++;
                Thread.Sleep(1);
            },
            RouteFilter.Default,
            cancel.Token));

        Assert.InRange(seen, 1, RouteCount / 4);
    }
}
