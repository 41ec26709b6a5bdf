using System.Net.Sockets;
using Netlink.Diag;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route;
using Netlink.Testing;
using Xunit;

namespace Netlink.Reliability.Tests.Faults;

/// <summary>
/// Disposing a client ends every stream and every pending operation it started with
/// <see cref="ObjectDisposedException"/>, promptly, and nothing is delivered afterwards: list-then-follow
/// (live and while listing), event subscriptions' readers, a dump waiting for its turn, a stream
/// holding it. (ProcessMonitor: Netlink.Diag.Tests' ProcessMonitorTests.Dispose_ends_the_stream_with_ObjectDisposedException;
/// a bare subscription: Netlink.Core.Tests' EventIntegrationTests.Disposing_the_subscription_*.)
/// </summary>
[Trait("Category", "Reliability")]
public sealed class DisposeEndsEverythingTests : IDisposable
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(2);
    private readonly TestNamespace _netns = new();

    public void Dispose() => _netns.Dispose();

    [RootFact]
    public async Task Route_client_dispose_ends_a_live_list_and_follow_stream()
    {
        RouteClient client = RouteClient.Open(_netns.Namespace);
        IAsyncEnumerator<RouteEvent> stream = client.ListAndFollowAsync(RouteEventGroups.Links).GetAsyncEnumerator();
        while (await stream.MoveNextAsync() && stream.Current.Kind != RouteEventKind.Synchronized)
        {
        }

        Task<bool> next = stream.MoveNextAsync().AsTask();
        client.Dispose();
        using (RouteClient other = RouteClient.Open(_netns.Namespace))
        {
            await other.AddLinkAsync(new BridgeSpec("after0")); // a change after Dispose must not be delivered
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => next.WaitAsync(Prompt));
        await stream.DisposeAsync();
    }

    [RootFact]
    public async Task Route_client_dispose_ends_list_and_follow_before_and_during_its_list()
    {
        RouteClient client = RouteClient.Open(_netns.Namespace);
        IAsyncEnumerable<RouteEvent> notStarted = client.ListAndFollowAsync(RouteEventGroups.Links);
        IAsyncEnumerator<RouteEvent> listing = client.ListAndFollowAsync(RouteEventGroups.Links).GetAsyncEnumerator();
        Assert.True(await listing.MoveNextAsync());

        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () =>
        {
            while (await listing.MoveNextAsync().AsTask().WaitAsync(Prompt))
            {
            }
        });
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await notStarted.GetAsyncEnumerator().MoveNextAsync());
        Assert.Throws<ObjectDisposedException>(() => client.ListAndFollowAsync(RouteEventGroups.Links));
    }

    [RootFact]
    public async Task Route_client_dispose_ends_the_readers_of_its_subscriptions_even_unreferenced_ones()
    {
        RouteClient client = RouteClient.Open(_netns.Namespace);
        using RouteEventSubscription kept = client.SubscribeEvents(RouteEventGroups.Links);
        Task<bool> keptRead = kept.ReadAllAsync().GetAsyncEnumerator().MoveNextAsync().AsTask();

        // A stream read without keeping its subscription: the stream keeps the socket alive, and the
        // client must still find and close it.
        IAsyncEnumerator<RouteEvent> orphan = client.SubscribeEvents(RouteEventGroups.Links).ReadAllAsync().GetAsyncEnumerator();
        Task<bool> orphanRead = orphan.MoveNextAsync().AsTask();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => keptRead.WaitAsync(Prompt));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => orphanRead.WaitAsync(Prompt));
        Assert.Throws<ObjectDisposedException>(() => client.SubscribeEvents(RouteEventGroups.Links));
    }

    [RootFact]
    public async Task Sock_diag_client_dispose_fails_a_running_stream_and_a_dump_waiting_for_its_turn()
    {
        // UNIX sockets in the namespace, so the dump below has data (and its NLMSG_DONE comes in a later datagram).
        var sockets = Enumerable.Range(0, 10).Select(i =>
        {
            Socket unix = _netns.Namespace.RunInside(() => new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified));
            unix.Bind(new UnixDomainSocketEndPoint($"\0nlt-dispose-{Environment.ProcessId}-{i}"));
            return unix;
        }).ToList();
        using var closeSockets = new Disposer(() => sockets.ForEach(s => s.Dispose()));
        SockDiagClient diag = SockDiagClient.Open(_netns.Namespace);
        using var request = new NetlinkMessageWriter();
        WriteUnixRequest(request);

        // A stream holds the connection's dump turn (its consumer pauses) and a list waits behind it.
        await using IAsyncEnumerator<NetlinkReply> stream = diag.Connection.StreamAsync<NetlinkReply>(request, NetlinkReply.TryCopy).GetAsyncEnumerator();
        Task<bool> first = stream.MoveNextAsync().AsTask();
        Task<IReadOnlyList<SocketInfo>> queued = diag.ListSocketsAsync();
        await Task.Delay(100);

        await diag.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued.WaitAsync(Prompt));
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await first.WaitAsync(Prompt);
            while (await stream.MoveNextAsync().AsTask().WaitAsync(Prompt))
            {
            }
        });
        await Assert.ThrowsAsync<ObjectDisposedException>(() => diag.ListSocketsAsync());
    }

    /// <summary>SOCK_DIAG_BY_FAMILY for AF_UNIX, every state, no attributes.</summary>
    private static void WriteUnixRequest(NetlinkMessageWriter request)
    {
        int start = request.BeginMessage(20, NlMsgFlags.Request | NlMsgFlags.Dump);
        Span<byte> unixDiagReq = request.Reserve(24);
        unixDiagReq.Clear();
        unixDiagReq[0] = 1;                                                 // sdiag_family = AF_UNIX
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(unixDiagReq[4..], uint.MaxValue); // udiag_states
        request.EndMessage(start);
    }

    private sealed class Disposer(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
