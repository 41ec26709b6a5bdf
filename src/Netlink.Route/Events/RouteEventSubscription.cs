namespace Netlink.Route;

/// <summary>
/// A joined set of rtnetlink multicast groups, read as typed <see cref="RouteEvent"/>s. The
/// groups are joined when the subscription is created, so changes made afterwards are never missed
/// (short of an <see cref="RouteEventKind.Overrun"/>, which is reported in the stream).
/// </summary>
/// <example>
/// <code>
/// using RouteEventSubscription events = client.SubscribeEvents(RouteEventGroups.Links | RouteEventGroups.Addresses);
/// await foreach (RouteEvent e in events.ReadAllAsync(token))
///     Console.WriteLine($"{e.Kind} {e.Object}");
/// </code>
/// </example>
public sealed class RouteEventSubscription : IDisposable
{
    private readonly NetlinkEventSubscription _subscription;

    internal RouteEventSubscription(NetlinkEventSubscription subscription, RouteEventGroups groups)
    {
        _subscription = subscription;
        Groups = groups;
    }

    /// <summary>The groups followed.</summary>
    public RouteEventGroups Groups { get; }

    /// <summary>The raw subscription underneath (socket options, overrun count…).</summary>
    public NetlinkEventSubscription Raw => _subscription;

    /// <summary>
    /// Streams events as they come. Overruns appear as <see cref="RouteEvent.Overrun"/> items and
    /// the stream continues; it ends without an exception when cancelled, and throws
    /// <see cref="ObjectDisposedException"/> when the subscription (or the client that made it) is
    /// disposed. Notifications of kinds this SDK does not decode are skipped. At most one datagram's
    /// events wait in memory; the socket's receive buffer (<see cref="RouteEventOptions.ReceiveBufferSize"/>)
    /// holds the rest, and its overflow is the overrun.
    /// </summary>
    public IAsyncEnumerable<RouteEvent> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _subscription.ReadAsync<RouteEvent>(RouteEventDecoder.TryDecodeNotification, RouteEvent.Overrun, cancellationToken);

    /// <summary>Leaves the groups and closes the socket; a pending read ends with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _subscription.Dispose();
}
