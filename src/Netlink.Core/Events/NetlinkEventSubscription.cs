using System.Runtime.CompilerServices;
using Netlink.Messages;

namespace Netlink;

/// <summary>
/// A socket that has joined multicast groups and reads notifications. Lost notifications
/// (ENOBUFS) become an explicit overrun item; the stream goes on after it. Disposing or
/// cancelling ends the stream without an exception.
/// </summary>
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
    private long _overruns;

    private NetlinkEventSubscription(NetlinkSocket socket) => Socket = socket;

    /// <summary>The socket (join more groups, set a BPF filter…).</summary>
    public NetlinkSocket Socket { get; }

    /// <summary>How many overruns (ENOBUFS) have been reported so far.</summary>
    public long OverrunCount => Interlocked.Read(ref _overruns);

    /// <summary>Opens a socket in <paramref name="netns"/> (or the current namespace) and joins <paramref name="groups"/>.</summary>
    /// <param name="protocol">The netlink protocol.</param>
    /// <param name="groups">Group numbers (not bit masks), e.g. RTNLGRP_LINK = 1.</param>
    /// <param name="netns">Namespace to listen in; null for the current one.</param>
    /// <param name="receiveBufferSize">Receive buffer to request, or null for the default.</param>
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
    /// <exception cref="ObjectDisposedException">Disposed.</exception>
    public async ValueTask<NetlinkEventBatch> ReceiveAsync(NetlinkMessageVisitor visitor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        ReadOnlyMemory<byte> datagram;
        try
        {
            datagram = await Socket.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NetlinkOverrunException)
        {
            Interlocked.Increment(ref _overruns);
            return new NetlinkEventBatch(0, overrun: true);
        }

        return new NetlinkEventBatch(Visit(datagram.Span, visitor), overrun: false);
    }

    /// <summary>
    /// Streams notifications as copies, with <see cref="NetlinkEvent.Overrun"/> where events were
    /// lost. Ends (without throwing) when cancelled or when the subscription is disposed.
    /// </summary>
    public async IAsyncEnumerable<NetlinkEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var batch = new List<NetlinkEvent>();
        while (true)
        {
            NetlinkDatagram datagram;
            try
            {
                datagram = await Socket.ReceiveFromAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NetlinkOverrunException)
            {
                Interlocked.Increment(ref _overruns);
                datagram = default;
                batch.Add(NetlinkEvent.Overrun);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                yield break;
            }

            if (batch.Count == 0)
            {
                if (!datagram.IsFromKernel)
                {
                    Socket.CountForeignDatagram();
                    continue;
                }

                Collect(datagram.Data.Span, datagram.SenderGroups, batch);
            }

            foreach (NetlinkEvent item in batch)
            {
                yield return item;
            }

            batch.Clear();
        }
    }

    /// <summary>Leaves the groups and closes the socket.</summary>
    public void Dispose() => Socket.Dispose();

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

    private static void Collect(ReadOnlySpan<byte> datagram, uint groups, List<NetlinkEvent> batch)
    {
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(datagram))
        {
            batch.Add(NetlinkEvent.FromMessage(NetlinkReply.Copy(message), groups));
        }
    }
}
