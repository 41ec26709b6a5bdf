using System.Diagnostics.CodeAnalysis;
using Netlink.Messages;

namespace Netlink;

/// <summary>
/// What a streaming request's reader looks at: whether decoded items are waiting. The pump stops
/// reading as soon as there are, so a slow consumer holds back the socket instead of a queue growing.
/// </summary>
internal abstract class StreamSink
{
    /// <summary>True while decoded items wait for the consumer.</summary>
    internal abstract bool HasItems { get; }
}

/// <summary>
/// The items of one streaming request, decoded in place by whichever caller reads the socket and
/// taken by the consumer on its own thread (hence the lock).
/// </summary>
internal sealed class StreamSink<T> : StreamSink
{
    private readonly NetlinkMessageDecoder<T> _decoder;
    private readonly Queue<T> _items = new();
    private readonly object _gate = new();
    private TaskCompletionSource? _arrived;
    private bool _discarding;

    internal StreamSink(NetlinkMessageDecoder<T> decoder) => _decoder = decoder;

    internal override bool HasItems
    {
        get
        {
            lock (_gate)
            {
                return _items.Count > 0;
            }
        }
    }

    /// <summary>The request's visitor: decodes one data message (unless the consumer has left).</summary>
    internal void OnMessage(NetlinkMessage message)
    {
        TaskCompletionSource? arrived;
        lock (_gate)
        {
            if (_discarding || !_decoder(message, out T? item))
            {
                return;
            }

            _items.Enqueue(item);
            arrived = _arrived;
            _arrived = null;
        }

        arrived?.TrySetResult();
    }

    internal bool TryTake([MaybeNullWhen(false)] out T item)
    {
        lock (_gate)
        {
            return _items.TryDequeue(out item);
        }
    }

    /// <summary>A task that completes when the next item arrives (at once if one is waiting).</summary>
    internal Task ItemsArrived()
    {
        lock (_gate)
        {
            if (_items.Count > 0)
            {
                return Task.CompletedTask;
            }

            _arrived ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _arrived.Task;
        }
    }

    /// <summary>The consumer left: drop what waits and decode nothing more.</summary>
    internal void Discard()
    {
        lock (_gate)
        {
            _discarding = true;
            _items.Clear();
        }
    }
}
