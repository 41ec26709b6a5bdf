using Netlink.Messages;

namespace Netlink;

/// <summary>
/// The working part of a <see cref="NetlinkEventSubscription"/>: the socket, the overrun count and
/// the reads. Pending reads refer to this object, never to the subscription handle, so a handle
/// nobody holds any more can be finalized (which disposes this and ends the reads).
/// </summary>
internal sealed class EventSocket : IDisposable
{
    private long _overruns;
    private volatile bool _disposed;

    internal EventSocket(NetlinkSocket socket) => Socket = socket;

    internal NetlinkSocket Socket { get; }

    internal long OverrunCount => Interlocked.Read(ref _overruns);

    internal bool IsDisposed => _disposed;

    /// <summary>Waits for the next datagram from the kernel (others are dropped and counted); null for an overrun.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The subscription was disposed (also while waiting).</exception>
    internal async ValueTask<NetlinkDatagram?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            NetlinkDatagram datagram;
            try
            {
                datagram = await Socket.ReceiveFromAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NetlinkOverrunException) when (!_disposed)
            {
                Interlocked.Increment(ref _overruns);
                return null;
            }
            catch (Exception e) when (_disposed && e is not OperationCanceledException)
            {
                throw new ObjectDisposedException(nameof(NetlinkEventSubscription));
            }

            if (datagram.IsFromKernel)
            {
                return datagram;
            }

            Socket.CountForeignDatagram();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Socket.Dispose();
    }
}

/// <summary>Reads an <see cref="EventSocket"/> and turns each notification into an item with a decoder.</summary>
internal sealed class DecodingEventSource<T>(EventSocket socket, NetlinkMessageDecoder<T> decoder, T overrun) : IEventSource<T>
{
    public async ValueTask<bool> FillAsync(Queue<T> items, CancellationToken cancellationToken)
    {
        while (items.Count == 0)
        {
            NetlinkDatagram? datagram;
            try
            {
                datagram = await socket.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            if (datagram is not { } received)
            {
                items.Enqueue(overrun);
                continue;
            }

            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(received.Data.Span))
            {
                if (decoder(message, out T? item))
                {
                    items.Enqueue(item);
                }
            }
        }

        return true;
    }
}

/// <summary>The raw stream: every notification copied, with the datagram's multicast groups.</summary>
internal sealed class CopyingEventSource(EventSocket socket) : IEventSource<NetlinkEvent>
{
    public async ValueTask<bool> FillAsync(Queue<NetlinkEvent> items, CancellationToken cancellationToken)
    {
        while (items.Count == 0)
        {
            NetlinkDatagram? datagram;
            try
            {
                datagram = await socket.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            if (datagram is not { } received)
            {
                items.Enqueue(NetlinkEvent.Overrun);
                continue;
            }

            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(received.Data.Span))
            {
                items.Enqueue(NetlinkEvent.FromMessage(NetlinkReply.Copy(message), received.SenderGroups));
            }
        }

        return true;
    }
}
