namespace Netlink.Packet;

/// <summary>Who a received frame was addressed to (<c>sll_pkttype</c>, PACKET_* in linux/if_packet.h).</summary>
public enum PacketType : byte
{
    /// <summary>PACKET_HOST: to this interface's own address.</summary>
    Host = 0,

    /// <summary>PACKET_BROADCAST: to the link-layer broadcast address.</summary>
    Broadcast = 1,

    /// <summary>PACKET_MULTICAST: to a link-layer multicast address.</summary>
    Multicast = 2,

    /// <summary>PACKET_OTHERHOST: to some other host's address (seen because the link delivered it, e.g. promiscuous mode).</summary>
    OtherHost = 3,

    /// <summary>PACKET_OUTGOING: a frame this host sent (seen only when capturing every protocol).</summary>
    Outgoing = 4,

    /// <summary>PACKET_LOOPBACK: a multicast frame looped back to this host.</summary>
    Loopback = 5,

    /// <summary>PACKET_USER: to user space (kernel internal).</summary>
    User = 6,

    /// <summary>PACKET_KERNEL: to the kernel (kernel internal).</summary>
    Kernel = 7,
}
