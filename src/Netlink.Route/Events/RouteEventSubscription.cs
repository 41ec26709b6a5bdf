using System.Runtime.CompilerServices;

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
    /// the stream continues; it ends without an exception when cancelled or disposed.
    /// Notifications of kinds this SDK does not decode are skipped.
    /// </summary>
    public async IAsyncEnumerable<RouteEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (NetlinkEvent item in _subscription.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.IsOverrun)
            {
                yield return RouteEvent.Overrun;
            }
            else if (Decode(item.Message) is { } routeEvent)
            {
                yield return routeEvent;
            }
        }
    }

    /// <summary>Leaves the groups and closes the socket.</summary>
    public void Dispose() => _subscription.Dispose();

    internal static RouteEvent? Decode(NetlinkReply message) =>
        RouteEventDecoder.TryDecode(message.Message, snapshot: false, out RouteEvent? routeEvent) ? routeEvent : null;
}
