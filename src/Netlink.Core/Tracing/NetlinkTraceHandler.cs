namespace Netlink;

/// <summary>Receives every datagram a <see cref="NetlinkSocket"/> sends or accepts (see <see cref="NetlinkTrace.Handler"/>).</summary>
/// <param name="direction">Sent or received.</param>
/// <param name="protocol">The socket's protocol.</param>
/// <param name="portId">The socket's port id.</param>
/// <param name="peerPortId">Destination (send) or source (receive) port id; 0 is the kernel.</param>
/// <param name="datagram">The datagram; valid only during the call.</param>
public delegate void NetlinkTraceHandler(NetlinkTraceDirection direction, NetlinkProtocol protocol, uint portId, uint peerPortId, ReadOnlySpan<byte> datagram);
