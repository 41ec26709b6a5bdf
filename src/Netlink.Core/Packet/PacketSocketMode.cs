namespace Netlink.Packet;

/// <summary>How a <see cref="PacketSocket"/> sees frames.</summary>
public enum PacketSocketMode
{
    /// <summary>SOCK_RAW: whole frames including the link-layer (Ethernet) header, sent and received as they are on the wire.</summary>
    Raw,

    /// <summary>SOCK_DGRAM: payload only; the kernel removes the link header on receive and builds it on send from the destination address.</summary>
    Datagram,
}
