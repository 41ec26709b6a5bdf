namespace Netlink.Packet;

/// <summary>How <see cref="PacketSocket.Open(string, ushort, PacketSocketOptions?)"/> sets up a packet socket.</summary>
public sealed class PacketSocketOptions
{
    /// <summary>Whole frames (<see cref="PacketSocketMode.Raw"/>, the default) or payload only.</summary>
    public PacketSocketMode Mode { get; init; } = PacketSocketMode.Raw;

    /// <summary>
    /// A classic BPF program, attached before the socket is bound so that no frame ever reaches
    /// the socket unfiltered. Empty (the default) means no filter. See <see cref="BpfFilterBuilder"/>.
    /// The filter runs on what the socket would deliver: the whole frame in raw mode, the payload
    /// in datagram mode; loads relative to <see cref="BpfOpcode.NetworkOffset"/> and the ancillary
    /// loads work in both.
    /// </summary>
    public ReadOnlyMemory<BpfInstruction> Filter { get; init; }

    /// <summary>Put the interface into promiscuous mode while the socket is open (PACKET_MR_PROMISC; the kernel undoes it on close).</summary>
    public bool Promiscuous { get; init; }

    /// <summary>The network namespace to open the socket in; null for the calling thread's. The interface is looked up there.</summary>
    public NetworkNamespace? Namespace { get; init; }

    /// <summary>SO_RCVBUF in bytes (the kernel doubles it and applies a minimum); null keeps the system default.</summary>
    public int? ReceiveBufferSize { get; init; }

    /// <summary>
    /// Open even if the interface is down: frames flow once it comes up. By default opening a
    /// socket on a down interface throws <see cref="PacketInterfaceException"/> (ENETDOWN).
    /// </summary>
    public bool AllowInterfaceDown { get; init; }
}
