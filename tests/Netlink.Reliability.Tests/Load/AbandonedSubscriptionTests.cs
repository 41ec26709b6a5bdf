using System.Runtime.CompilerServices;
using Netlink.Reliability.Tests.Support;
using Netlink.Route;
using Netlink.Testing;
using Xunit;

namespace Netlink.Reliability.Tests.Load;

/// <summary>
/// Event streams dropped with a read pending (a MoveNextAsync nobody awaits), neither the stream
/// nor its subscription disposed: the garbage collector reclaims them and their sockets close.
/// Before, the pending socket wait held the stream, and the stream its subscription, so 2,000 of
/// them kept 2,000 sockets open through any number of full collections.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(nameof(ProcessWideCollection))]
public sealed class AbandonedSubscriptionTests
{
    private static int OpenFds() => Directory.GetFiles("/proc/self/fd").Length;

    [RootFact]
    public async Task Abandoned_subscriptions_with_a_pending_read_are_reclaimed_and_their_sockets_closed()
    {
        int count = Rt.Count(2_000, 2_000);
        using var netns = new TestNamespace();
        using RouteClient client = RouteClient.Open(netns.Namespace);
        int before = await SettledFdsAsync();

        for (int i = 0; i < count; i++)
        {
            switch (i % 3)
            {
                case 0:
                    AbandonRawStream(netns.Namespace);
                    break;
                case 1:
                    AbandonTypedStream(client);
                    break;
                default:
                    AbandonProcessLikeStream(netns.Namespace);
                    break;
            }
        }

        int peak = OpenFds(); // some may have been collected already, during the loop
        int after = await SettledFdsAsync();

        Assert.InRange(after, 0, before + 16);
        Console.WriteLine($"abandoned subscriptions: {count} dropped with a read pending, fds {before} -> {peak} -> {after} after collection");
    }

    [RootFact]
    public async Task Abandoned_list_and_follow_streams_are_reclaimed_and_their_sockets_closed()
    {
        const int Count = 200;
        using var netns = new TestNamespace();
        using RouteClient client = RouteClient.Open(netns.Namespace);
        int before = await SettledFdsAsync();

        for (int i = 0; i < Count; i++)
        {
            await AbandonListAndFollowAsync(client);
        }

        int after = await SettledFdsAsync();

        Assert.InRange(after, 0, before + 16);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AbandonRawStream(NetworkNamespace netns)
    {
        var subscription = NetlinkEventSubscription.Open(NetlinkProtocol.Route, [Rt.GroupLink], netns);
        _ = subscription.ReadAllAsync().GetAsyncEnumerator().MoveNextAsync();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AbandonTypedStream(RouteClient client)
    {
        RouteEventSubscription subscription = client.SubscribeEvents(RouteEventGroups.Links);
        _ = subscription.ReadAllAsync().GetAsyncEnumerator().MoveNextAsync();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AbandonProcessLikeStream(NetworkNamespace netns)
    {
        // The decoding stream ProcessMonitor reads through (the proc connector itself needs the initial namespace).
        var subscription = NetlinkEventSubscription.Open(NetlinkProtocol.Route, [Rt.GroupLink], netns);
        _ = subscription.ReadAsync<int>(static (Messages.NetlinkMessage m, out int type) => (type = m.Type) > 0, -1).GetAsyncEnumerator().MoveNextAsync();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task AbandonListAndFollowAsync(RouteClient client)
    {
        IAsyncEnumerator<RouteEvent> stream = client.ListAndFollowAsync(RouteEventGroups.Links).GetAsyncEnumerator();
        while (await stream.MoveNextAsync() && stream.Current.Kind != RouteEventKind.Synchronized)
        {
        }

        _ = stream.MoveNextAsync(); // waits for a live event, and nobody waits for it
    }

    /// <summary>Collects until the fd count stops falling (finalizers close sockets), for at most 10 s.</summary>
    private static async Task<int> SettledFdsAsync()
    {
        int last = int.MaxValue;
        for (int round = 0; round < 100; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            await Task.Delay(round < 3 ? 20 : 100);
            int now = OpenFds();
            if (now >= last && round >= 3)
            {
                return now;
            }

            last = now;
        }

        return last;
    }
}
