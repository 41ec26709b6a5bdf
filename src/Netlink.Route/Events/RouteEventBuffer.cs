namespace Netlink.Route;

/// <summary>
/// The events a list-then-follow stream has read but its consumer has not taken yet, at most
/// <c>capacity</c> of them. When a slow consumer lets it fill up, everything buffered is dropped
/// for one <see cref="RouteEvent.Overrun"/> marker: the stream lists again when the consumer
/// reaches the marker, and that fresh list supersedes whatever was dropped. Events after the marker
/// are kept (they may be newer than the list), so nothing after a marker is lost without another
/// marker. An overrun reported by the kernel (ENOBUFS) is handled the same way.
/// </summary>
internal sealed class RouteEventBuffer(int capacity, Action<int>? observer)
{
    private readonly Queue<RouteEvent> _items = new();
    private readonly object _gate = new();
    private TaskCompletionSource? _arrived;
    private Exception? _error;
    private bool _completed;

    /// <summary>Adds one event read from the subscription; runs on the reading task.</summary>
    internal void Add(RouteEvent item)
    {
        TaskCompletionSource? arrived;
        int count;
        lock (_gate)
        {
            if (item.Kind == RouteEventKind.Overrun || _items.Count >= capacity)
            {
                _items.Clear();
                _items.Enqueue(RouteEvent.Overrun);
            }

            if (item.Kind != RouteEventKind.Overrun)
            {
                _items.Enqueue(item);
            }

            count = _items.Count;
            arrived = _arrived;
            _arrived = null;
        }

        observer?.Invoke(count);
        arrived?.TrySetResult();
    }

    /// <summary>No more events will come: the subscription ended, with <paramref name="error"/> if it failed.</summary>
    internal void Complete(Exception? error)
    {
        TaskCompletionSource? arrived;
        lock (_gate)
        {
            _completed = true;
            _error = error;
            arrived = _arrived;
            _arrived = null;
        }

        arrived?.TrySetResult();
    }

    /// <summary>Takes the oldest event, waiting for one if need be.</summary>
    /// <returns>Null when cancelled.</returns>
    /// <exception cref="ObjectDisposedException">The subscription was disposed (the client, or the stream's own).</exception>
    internal async ValueTask<RouteEvent?> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_items.TryDequeue(out RouteEvent? item))
                {
                    return item;
                }

                if (_completed)
                {
                    throw _error ?? new ObjectDisposedException(nameof(RouteClient));
                }

                _arrived ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }
}
