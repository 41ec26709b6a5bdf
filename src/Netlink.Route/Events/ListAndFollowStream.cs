namespace Netlink.Route;

/// <summary>
/// <see cref="RouteClient.ListAndFollowAsync"/>: subscribes when enumeration starts, reads the
/// subscription into a bounded <see cref="RouteEventBuffer"/> on a background task, and yields a
/// snapshot, the <see cref="RouteEvent.Synchronized"/> marker and then the buffered events; after
/// an <see cref="RouteEvent.Overrun"/> it lists again.
/// </summary>
internal sealed class ListAndFollowStream(RouteClient client, RouteEventGroups groups, RouteEventOptions options, CancellationToken cancellationToken)
    : IAsyncEnumerable<RouteEvent>
{
    public IAsyncEnumerator<RouteEvent> GetAsyncEnumerator(CancellationToken enumeratorCancellation = default)
    {
        // Joined before the first list, so no change made after the list started is missed.
        RouteEventSubscription subscription = client.SubscribeEvents(groups, options);
        var buffer = new RouteEventBuffer(options.BufferCapacity, options.BufferObserver);
        _ = Task.Run(() => PumpAsync(subscription, buffer), CancellationToken.None);

        // The guard closes the subscription when the enumerator is disposed, or when it is collected
        // after being dropped with a read pending (nothing else refers to the guard).
        var guard = new SubscriptionGuard(subscription);
        var source = new Source(client, groups, buffer);
        return new EventEnumerator<RouteEvent>(source, owner: guard, ownedResource: guard, cancellationToken)
            .GetAsyncEnumerator(enumeratorCancellation);
    }

    /// <summary>Reads the subscription into the buffer until the subscription is disposed.</summary>
    private static async Task PumpAsync(RouteEventSubscription subscription, RouteEventBuffer buffer)
    {
        try
        {
            await foreach (RouteEvent item in subscription.ReadAllAsync().ConfigureAwait(false))
            {
                buffer.Add(item);
            }

            buffer.Complete(null);
        }
        catch (Exception e)
        {
            buffer.Complete(e);
        }
    }

    /// <summary>The stream's items: a list, then the buffered events until an overrun, then a list again.</summary>
    private sealed class Source(RouteClient client, RouteEventGroups groups, RouteEventBuffer buffer) : IEventSource<RouteEvent>
    {
        private bool _listing = true;

        public async ValueTask<bool> FillAsync(Queue<RouteEvent> items, CancellationToken cancellationToken)
        {
            try
            {
                if (_listing)
                {
                    foreach (RouteEvent item in await client.SnapshotAsync(groups, cancellationToken).ConfigureAwait(false))
                    {
                        items.Enqueue(item);
                    }

                    items.Enqueue(RouteEvent.Synchronized);
                    _listing = false;
                    return true;
                }

                if (await buffer.TakeAsync(cancellationToken).ConfigureAwait(false) is not { } next)
                {
                    return false;
                }

                items.Enqueue(next);
                _listing = next.Kind == RouteEventKind.Overrun;
                return true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    /// <summary>Owns the stream's subscription: disposed with the enumerator, or finalized with it.</summary>
    private sealed class SubscriptionGuard(RouteEventSubscription subscription) : IDisposable
    {
        ~SubscriptionGuard() => subscription.Dispose();

        public void Dispose()
        {
            subscription.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
