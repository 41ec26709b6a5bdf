using Netlink.Encoding;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>Typed event streams, and list-then-follow.</summary>
public sealed partial class RouteClient
{
    /// <summary>
    /// Joins the multicast groups of <paramref name="groups"/> in this client's namespace (on a
    /// separate socket) and returns the subscription; read it with <see cref="RouteEventSubscription.ReadAllAsync"/>.
    /// Disposing the client disposes its subscriptions too (their streams end with <see cref="ObjectDisposedException"/>).
    /// </summary>
    /// <exception cref="ArgumentException">No group selected.</exception>
    /// <exception cref="ObjectDisposedException">The client is disposed.</exception>
    public RouteEventSubscription SubscribeEvents(RouteEventGroups groups, RouteEventOptions? options = null)
    {
        uint[] numbers = RouteEventDecoder.GroupNumbers(groups);
        if (numbers.Length == 0)
        {
            throw new ArgumentException("select at least one group", nameof(groups));
        }

        options ??= new RouteEventOptions();
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var subscription = NetlinkEventSubscription.Open(NetlinkProtocol.Route, numbers, Namespace, options.ReceiveBufferSize, options.ForceReceiveBufferSize);
        Track(subscription);
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
    /// </summary>
    /// <remarks>
    /// <para>Live events wait in a buffer of at most <see cref="RouteEventOptions.BufferCapacity"/>
    /// (default 10,000) while the consumer works. When a slow consumer lets it fill (or the kernel
    /// drops notifications, ENOBUFS), the buffered events are dropped and the stream yields
    /// <see cref="RouteEvent.Overrun"/>, then lists again: a fresh snapshot, another
    /// <see cref="RouteEvent.Synchronized"/>, then the events that came after the overrun. On
    /// <see cref="RouteEventKind.Overrun"/> a cache should drop its content and rebuild it from the
    /// snapshot that follows. Memory stays bounded by the buffer plus one snapshot.</para>
    /// <para>The stream ends without an exception when cancelled, and with
    /// <see cref="ObjectDisposedException"/> when the client is disposed. Dropping it unfinished
    /// releases its socket (at once when the enumerator is disposed, otherwise when it is collected).</para>
    /// </remarks>
    /// <exception cref="ArgumentException">No group selected, or a buffer capacity below 1 (thrown here, before anything is sent).</exception>
    public IAsyncEnumerable<RouteEvent> ListAndFollowAsync(RouteEventGroups groups, RouteEventOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (RouteEventDecoder.GroupNumbers(groups).Length == 0)
        {
            throw new ArgumentException("select at least one group", nameof(groups));
        }

        options ??= new RouteEventOptions();
        if (options.BufferCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BufferCapacity, "RouteEventOptions.BufferCapacity must be at least 1");
        }

        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return new ListAndFollowStream(this, groups, options, cancellationToken);
    }

    /// <summary>Dumps every selected kind as snapshot items (list-then-follow).</summary>
    internal async Task<List<RouteEvent>> SnapshotAsync(RouteEventGroups groups, CancellationToken cancellationToken)
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
