namespace Netlink;

/// <summary>
/// What <see cref="NetlinkConnection"/> needs from a socket: the test seam. The real
/// implementation is <see cref="NetlinkSocketTransport"/>; tests script a fake kernel.
/// </summary>
public interface INetlinkTransport : IDisposable
{
    /// <summary>The local port id (written into requests' nlmsg_pid).</summary>
    uint PortId { get; }

    /// <summary>Sends one datagram (one or more messages) to the kernel. Must be safe to call from several threads.</summary>
    void Send(ReadOnlySpan<byte> datagram);

    /// <summary>
    /// Receives the next datagram with its source port id. Only one call is pending at a time;
    /// the returned memory must stay valid until the next call. Disposing the transport must end
    /// a pending call (with <see cref="ObjectDisposedException"/> or cancellation).
    /// </summary>
    /// <exception cref="NetlinkOverrunException">ENOBUFS: datagrams were lost.</exception>
    ValueTask<NetlinkDatagram> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Receives the next datagram if one is already queued, without waiting; the same rules as
    /// <see cref="ReceiveAsync"/> otherwise. The connection tries this first, so a request answered
    /// at once completes on the caller's thread. The default reports nothing queued, so a
    /// transport that only implements <see cref="ReceiveAsync"/> still works.
    /// </summary>
    /// <exception cref="NetlinkOverrunException">ENOBUFS: datagrams were lost.</exception>
    bool TryReceive(out NetlinkDatagram datagram)
    {
        datagram = default;
        return false;
    }
}
