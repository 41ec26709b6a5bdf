using Netlink.Messages;

namespace Netlink;

/// <summary>
/// A socket that has joined multicast groups and reads notifications. Lost notifications
/// (ENOBUFS) become an explicit overrun item; the stream goes on after it. Cancelling ends a
/// stream without an exception; disposing the subscription ends it (and any pending read) with
/// <see cref="ObjectDisposedException"/>.
/// </summary>
/// <remarks>
/// <para>A stream holds at most one datagram's notifications in memory: the rest wait in the
/// socket's receive buffer, and when that overflows the kernel drops them and the stream yields
/// its overrun item (size it with <see cref="Open"/>'s <c>receiveBufferSize</c>).</para>
/// <para>A subscription that is neither disposed nor referenced any more is reclaimed by the
/// garbage collector (its finalizer closes the socket), even with a read pending, as long as
/// nobody awaits that read: a stream dropped in the middle of <c>MoveNextAsync</c> does not keep
/// its socket open. Keep the subscription (or a stream being awaited) reachable while you use it.</para>
/// </remarks>
/// <example>
/// <code>
/// using var events = NetlinkEventSubscription.Open(NetlinkProtocol.Route, [1 /* RTNLGRP_LINK */], netns);
/// await foreach (NetlinkEvent e in events.ReadAllAsync(token))
/// {
///     if (e.IsOverrun) { /* re-dump links */ } else { /* decode e.Message.Message */ }
/// }
/// </code>
/// </example>
public sealed class NetlinkEventSubscription : IDisposable
{
    private readonly EventSocket _events;

    private NetlinkEventSubscription(NetlinkSocket socket) => _events = new EventSocket(socket);

    /// <summary>Closes the socket of a subscription nobody disposed (see the remarks).</summary>
    ~NetlinkEventSubscription() => _events.Dispose();

    /// <summary>The socket (join more groups, set a BPF filter…). Keep the subscription reachable while using it.</summary>
    public NetlinkSocket Socket => _events.Socket;

    /// <summary>How many overruns (ENOBUFS) have been reported so far.</summary>
    public long OverrunCount => _events.OverrunCount;

    /// <summary>Opens a socket in <paramref name="netns"/> (or the current namespace) and joins <paramref name="groups"/>.</summary>
    /// <param name="protocol">The netlink protocol.</param>
    /// <param name="groups">Group numbers (not bit masks), e.g. RTNLGRP_LINK = 1.</param>
    /// <param name="netns">Namespace to listen in; null for the current one.</param>
    /// <param name="receiveBufferSize">Receive buffer to request, or null for the default. It bounds how many notifications wait for a slow reader before the kernel drops some (an overrun).</param>
    /// <param name="forceReceiveBuffer">Use SO_RCVBUFFORCE to go beyond the system limits (without CAP_NET_ADMIN: SO_RCVBUF, capped).</param>
    public static NetlinkEventSubscription Open(NetlinkProtocol protocol, ReadOnlySpan<uint> groups, NetworkNamespace? netns = null, int? receiveBufferSize = null, bool forceReceiveBuffer = false)
    {
        if (groups.IsEmpty)
        {
            throw new ArgumentException("join at least one multicast group", nameof(groups));
        }

        NetlinkSocket socket = NetlinkSocket.Open(protocol, netns);
        try
        {
            if (receiveBufferSize is { } size)
            {
                socket.SetReceiveBufferSize(size, forceReceiveBuffer);
            }

            foreach (uint group in groups)
            {
                socket.JoinGroup(group);
            }

            return new NetlinkEventSubscription(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits for the next datagram and hands each message to <paramref name="visitor"/> in place
    /// (zero copy). Returns an overrun result instead when the kernel reports ENOBUFS.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <exception cref="ObjectDisposedException">Disposed, also while waiting.</exception>
    public ValueTask<NetlinkEventBatch> ReceiveAsync(NetlinkMessageVisitor visitor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        ObjectDisposedException.ThrowIf(_events.IsDisposed, this);
        return Receive(_events, visitor, cancellationToken);

        // Static, so a pending receive refers to the socket part only, not to this handle.
        static async ValueTask<NetlinkEventBatch> Receive(EventSocket events, NetlinkMessageVisitor visitor, CancellationToken cancellationToken)
        {
            NetlinkDatagram? datagram = await events.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            return datagram is { } received ? new NetlinkEventBatch(Visit(received.Data.Span, visitor), overrun: false) : new NetlinkEventBatch(0, overrun: true);
        }
    }

    /// <summary>
    /// Streams notifications as copies, with <see cref="NetlinkEvent.Overrun"/> where events were
    /// lost. Ends without an exception when cancelled; throws <see cref="ObjectDisposedException"/>
    /// when the subscription is disposed. One stream reads at a time.
    /// </summary>
    public IAsyncEnumerable<NetlinkEvent> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_events.IsDisposed, this);
        return new EventEnumerator<NetlinkEvent>(new CopyingEventSource(_events), owner: this, ownedResource: null, cancellationToken);
    }

    /// <summary>
    /// Streams what <paramref name="decoder"/> makes of each notification (messages it declines are
    /// skipped), with <paramref name="overrun"/> where the kernel dropped notifications. The way to
    /// build a typed event stream: it holds at most one datagram's items, ends without an exception
    /// when cancelled and throws <see cref="ObjectDisposedException"/> when the subscription is disposed.
    /// </summary>
    /// <param name="decoder">Turns one notification into an item, in place; runs on the reading thread.</param>
    /// <param name="overrun">The item that marks lost notifications.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    public IAsyncEnumerable<T> ReadAsync<T>(NetlinkMessageDecoder<T> decoder, T overrun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ObjectDisposedException.ThrowIf(_events.IsDisposed, this);
        return new EventEnumerator<T>(new DecodingEventSource<T>(_events, decoder, overrun), owner: this, ownedResource: null, cancellationToken);
    }

    /// <summary>Leaves the groups and closes the socket; pending reads end with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _events.Dispose();
        GC.SuppressFinalize(this);
    }

    private static int Visit(ReadOnlySpan<byte> datagram, NetlinkMessageVisitor visitor)
    {
        int count = 0;
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(datagram))
        {
            count++;
            visitor(message);
        }

        return count;
    }
}
