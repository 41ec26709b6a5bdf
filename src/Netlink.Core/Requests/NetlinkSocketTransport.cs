namespace Netlink;

/// <summary>The real <see cref="INetlinkTransport"/>: a <see cref="NetlinkSocket"/>, which it owns.</summary>
public sealed class NetlinkSocketTransport : INetlinkTransport
{
    /// <summary>Wraps <paramref name="socket"/>; disposing the transport disposes it.</summary>
    public NetlinkSocketTransport(NetlinkSocket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        Socket = socket;
    }

    /// <summary>The underlying socket (for options and groups).</summary>
    public NetlinkSocket Socket { get; }

    /// <inheritdoc/>
    public uint PortId => Socket.PortId;

    /// <inheritdoc/>
    public void Send(ReadOnlySpan<byte> datagram) => Socket.Send(datagram);

    /// <inheritdoc/>
    public ValueTask<NetlinkDatagram> ReceiveAsync(CancellationToken cancellationToken) => Socket.ReceiveFromAsync(cancellationToken);

    /// <inheritdoc/>
    public bool TryReceive(out NetlinkDatagram datagram) => Socket.TryReceiveFrom(out datagram);

    /// <inheritdoc/>
    public void Dispose() => Socket.Dispose();
}
