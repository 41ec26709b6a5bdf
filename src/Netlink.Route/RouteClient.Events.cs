using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Netlink.Encoding;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>Typed event streams, and list-then-follow.</summary>
public sealed partial class RouteClient
{
    /// <summary>
    /// Joins the multicast groups of <paramref name="groups"/> in this client's namespace (on a
    /// separate socket) and returns the subscription; read it with <see cref="RouteEventSubscription.ReadAllAsync"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No group selected.</exception>
    public RouteEventSubscription SubscribeEvents(RouteEventGroups groups, RouteEventOptions? options = null)
    {
        uint[] numbers = RouteEventDecoder.GroupNumbers(groups);
        if (numbers.Length == 0)
        {
            throw new ArgumentException("select at least one group", nameof(groups));
        }

        options ??= new RouteEventOptions();
        var subscription = NetlinkEventSubscription.Open(NetlinkProtocol.Route, numbers, Namespace, options.ReceiveBufferSize, options.ForceReceiveBufferSize);
        return new RouteEventSubscription(subscription, groups);
    }

    /// <summary>
    /// List then follow: subscribes first, then dumps every selected kind, then yields the dump
    /// (items with <see cref="RouteEvent.IsSnapshot"/> set, kind <see cref="RouteEventKind.New"/>),
    /// one <see cref="RouteEvent.Synchronized"/> marker, and then the live events — including those
    /// that arrived while the dump ran, delivered after the snapshot in the kernel's order. No change
    /// between subscribing and the end of the dump is lost, but some may be seen twice (once in the
    /// snapshot, once as an event): apply items as idempotent replace-by-key (link index, address
    /// link+prefix, route key…) and deletions as removals, and the final state is right.
    /// On <see cref="RouteEventKind.Overrun"/> the cache may be stale: restart the stream (or re-list).
    /// The stream ends without an exception when cancelled.
    /// </summary>
    public async IAsyncEnumerable<RouteEvent> ListAndFollowAsync(RouteEventGroups groups, RouteEventOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using RouteEventSubscription subscription = SubscribeEvents(groups, options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = Channel.CreateUnbounded<RouteEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        Task pump = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (RouteEvent item in subscription.ReadAllAsync(stop.Token).ConfigureAwait(false))
                    {
                        await pending.Writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException)
                {
                    // Stopping.
                }
                finally
                {
                    pending.Writer.TryComplete();
                }
            },
            CancellationToken.None);
        try
        {
            List<RouteEvent> snapshot = await SnapshotAsync(groups, cancellationToken).ConfigureAwait(false);
            foreach (RouteEvent item in snapshot)
            {
                yield return item;
            }

            yield return RouteEvent.Synchronized;
            while (true)
            {
                RouteEvent next;
                try
                {
                    if (!await pending.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield break;
                    }

                    next = await pending.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                yield return next;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            subscription.Dispose();
            await pump.ConfigureAwait(false);
        }
    }

    private async Task<List<RouteEvent>> SnapshotAsync(RouteEventGroups groups, CancellationToken cancellationToken)
    {
        var items = new List<RouteEvent>();
        foreach ((RouteEventGroups group, Action<NetlinkMessageWriter> build) in SnapshotRequests())
        {
            if ((groups & group) == 0)
            {
                continue;
            }

            using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
            build(lease.Writer);
            items.AddRange(await Connection.DumpAsync<RouteEvent>(lease.Writer, RouteEventDecoder.TryDecodeSnapshot, cancellationToken).ConfigureAwait(false));
        }

        return items;
    }

    private static IEnumerable<(RouteEventGroups Group, Action<NetlinkMessageWriter> Build)> SnapshotRequests()
    {
        yield return (RouteEventGroups.Links, static writer => LinkRequests.WriteDump(writer, null));
        yield return (RouteEventGroups.Addresses, static writer => AddressRequests.WriteDump(writer, null));
        yield return (RouteEventGroups.Routes, static writer => RtRoute.BeginGetrouteDumpRequest(writer, new RtRoute.Rtmsg()).End());
        yield return (RouteEventGroups.Neighbours, static writer => RtNeigh.BeginGetneighDumpRequest(writer, new RtNeigh.Ndmsg()).End());
        yield return (RouteEventGroups.Rules, static writer => RtRule.BeginGetruleDumpRequest(writer, new RtRule.FibRuleHdr()).End());
    }
}
