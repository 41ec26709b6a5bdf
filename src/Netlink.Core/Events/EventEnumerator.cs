using System.Threading.Tasks.Sources;

namespace Netlink;

/// <summary>
/// Where an event stream's items come from. <see cref="FillAsync"/> must not hold a reference to
/// the enumerator that calls it (that is what lets an abandoned stream be collected).
/// </summary>
internal interface IEventSource<T>
{
    /// <summary>Waits for the next items and adds them to <paramref name="items"/> (reading on until there is at least one).</summary>
    /// <returns>False when the stream ends (cancelled); true when items were added.</returns>
    ValueTask<bool> FillAsync(Queue<T> items, CancellationToken cancellationToken);
}

/// <summary>
/// The enumerator of an event stream that does not keep an abandoned subscription alive. A pending
/// read is a wait on a socket, which the runtime's socket engine keeps reachable; if that wait held
/// the enumerator (and through it the subscription) strongly, a stream dropped with a read pending
/// would never be collected and its socket never closed. So the wait refers to the enumerator
/// weakly, and strongly only while somebody awaits the result of <see cref="MoveNextAsync"/>: a
/// consumer inside <c>await foreach</c> keeps everything alive, a stream nobody waits on can be
/// collected, and then the owner's finalizer (see <see cref="NetlinkEventSubscription"/>) closes
/// the socket, which ends the wait.
/// </summary>
internal sealed class EventEnumerator<T> : IAsyncEnumerable<T>, IAsyncEnumerator<T>, IValueTaskSource<bool>
{
    private readonly IEventSource<T> _source;
    private readonly Queue<T> _items = new();
    private readonly PendingFill _pending;
    private readonly IDisposable? _ownedResource;
    private CancellationToken _cancellationToken;
    private CancellationTokenSource? _linkedCancellation;
    private ManualResetValueTaskSourceCore<bool> _completion;
    private T _current = default!;
    private bool _ended;
    private int _enumerated;

    /// <param name="source">Where the items come from.</param>
    /// <param name="owner">Kept alive as long as this enumerator is (the finalizable handle that owns the socket).</param>
    /// <param name="ownedResource">Disposed with the enumerator (a socket the stream opened for itself), or null.</param>
    /// <param name="cancellationToken">Ends the stream (without an exception).</param>
    internal EventEnumerator(IEventSource<T> source, object? owner, IDisposable? ownedResource, CancellationToken cancellationToken)
    {
        _source = source;
        Owner = owner;
        _ownedResource = ownedResource;
        _cancellationToken = cancellationToken;
        _pending = new PendingFill(this);
        _completion.RunContinuationsAsynchronously = true;
    }

    /// <inheritdoc/>
    public T Current => _current;

    /// <summary>Held only to keep it alive while the stream is.</summary>
    private object? Owner { get; }

    /// <inheritdoc/>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("an event stream can be enumerated once; ask the subscription for another stream");
        }

        if (cancellationToken.CanBeCanceled)
        {
            if (_cancellationToken.CanBeCanceled)
            {
                _linkedCancellation = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken);
                _cancellationToken = _linkedCancellation.Token;
            }
            else
            {
                _cancellationToken = cancellationToken;
            }
        }

        return this;
    }

    /// <inheritdoc/>
    public ValueTask<bool> MoveNextAsync()
    {
        while (true)
        {
            if (_items.TryDequeue(out T? item))
            {
                _current = item;
                return new ValueTask<bool>(true);
            }

            if (_ended)
            {
                return new ValueTask<bool>(false);
            }

            ValueTask<bool> fill;
            try
            {
                fill = _source.FillAsync(_items, _cancellationToken);
            }
            catch (Exception e)
            {
                _ended = true;
                return ValueTask.FromException<bool>(e);
            }

            if (!fill.IsCompleted)
            {
                _completion.Reset();
                _pending.Start(fill);
                return new ValueTask<bool>(this, _completion.Version);
            }

            try
            {
                _ended |= !fill.GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                _ended = true;
                return ValueTask.FromException<bool>(e);
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _ended = true;
        _items.Clear();
        _ownedResource?.Dispose();
        _linkedCancellation?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    bool IValueTaskSource<bool>.GetResult(short token)
    {
        _pending.Unpin();
        return _completion.GetResult(token);
    }

    /// <inheritdoc/>
    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _completion.GetStatus(token);

    /// <inheritdoc/>
    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
    {
        // Somebody waits for this read: from now on the pending wait holds us strongly.
        _pending.Pin();
        _completion.OnCompleted(continuation, state, token, flags);
    }

    /// <summary>The pending fill finished; runs on whichever thread completed it.</summary>
    private void OnFilled(ValueTask<bool> fill)
    {
        try
        {
            if (!fill.GetAwaiter().GetResult())
            {
                _ended = true;
                _completion.SetResult(false);
                return;
            }
        }
        catch (Exception e)
        {
            _ended = true;
            _completion.SetException(e);
            return;
        }

        if (_items.TryDequeue(out T? item))
        {
            _current = item;
            _completion.SetResult(true);
        }
        else
        {
            _ended = true;
            _completion.SetException(new InvalidOperationException("an event source reported items but added none"));
        }
    }

    /// <summary>
    /// The one object the pending wait refers to: weakly to the enumerator, strongly only while
    /// somebody awaits it.
    /// </summary>
    private sealed class PendingFill
    {
        private readonly WeakReference<EventEnumerator<T>> _weak;
        private readonly Action _onCompleted;
        private EventEnumerator<T>? _strong;
        private ValueTask<bool> _fill;

        internal PendingFill(EventEnumerator<T> enumerator)
        {
            _weak = new WeakReference<EventEnumerator<T>>(enumerator);
            _onCompleted = OnCompleted;
        }

        internal void Start(ValueTask<bool> fill)
        {
            _fill = fill;
            fill.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onCompleted);
        }

        internal void Pin()
        {
            if (_weak.TryGetTarget(out EventEnumerator<T>? enumerator))
            {
                Volatile.Write(ref _strong, enumerator);
            }
        }

        internal void Unpin() => Volatile.Write(ref _strong, null);

        private void OnCompleted()
        {
            ValueTask<bool> fill = _fill;
            _fill = default;
            EventEnumerator<T>? enumerator = Volatile.Read(ref _strong);
            if (enumerator is not null || _weak.TryGetTarget(out enumerator))
            {
                enumerator.OnFilled(fill);
                return;
            }

            // Nobody is left to tell: observe the outcome so a failure is not reported as unobserved.
            try
            {
                fill.GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is ObjectDisposedException or OperationCanceledException or NetlinkException)
            {
            }
        }
    }
}
