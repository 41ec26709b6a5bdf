namespace Netlink.Route;

/// <summary>64-bit interface counters (struct rtnl_link_stats64, IFLA_STATS64).</summary>
public sealed record LinkStatistics
{
    /// <summary>Packets received.</summary>
    public ulong RxPackets { get; init; }

    /// <summary>Packets sent.</summary>
    public ulong TxPackets { get; init; }

    /// <summary>Bytes received.</summary>
    public ulong RxBytes { get; init; }

    /// <summary>Bytes sent.</summary>
    public ulong TxBytes { get; init; }

    /// <summary>Bad packets received.</summary>
    public ulong RxErrors { get; init; }

    /// <summary>Packet transmit problems.</summary>
    public ulong TxErrors { get; init; }

    /// <summary>Received packets dropped.</summary>
    public ulong RxDropped { get; init; }

    /// <summary>Packets dropped on transmit.</summary>
    public ulong TxDropped { get; init; }

    /// <summary>Multicast packets received.</summary>
    public ulong Multicast { get; init; }

    /// <summary>Collisions.</summary>
    public ulong Collisions { get; init; }

    /// <summary>Receive length errors.</summary>
    public ulong RxLengthErrors { get; init; }

    /// <summary>Receiver ring buffer overflows.</summary>
    public ulong RxOverErrors { get; init; }

    /// <summary>Received packets with CRC errors.</summary>
    public ulong RxCrcErrors { get; init; }

    /// <summary>Received frame alignment errors.</summary>
    public ulong RxFrameErrors { get; init; }

    /// <summary>Receiver FIFO overruns.</summary>
    public ulong RxFifoErrors { get; init; }

    /// <summary>Receiver missed packets.</summary>
    public ulong RxMissedErrors { get; init; }

    /// <summary>Transmit aborted errors.</summary>
    public ulong TxAbortedErrors { get; init; }

    /// <summary>Transmit carrier errors.</summary>
    public ulong TxCarrierErrors { get; init; }

    /// <summary>Transmit FIFO errors.</summary>
    public ulong TxFifoErrors { get; init; }

    /// <summary>Transmit heartbeat errors.</summary>
    public ulong TxHeartbeatErrors { get; init; }

    /// <summary>Transmit window errors.</summary>
    public ulong TxWindowErrors { get; init; }

    /// <summary>Compressed packets received.</summary>
    public ulong RxCompressed { get; init; }

    /// <summary>Compressed packets sent.</summary>
    public ulong TxCompressed { get; init; }

    /// <summary>Packets dropped for lack of a protocol handler.</summary>
    public ulong RxNoHandler { get; init; }

    /// <summary>Packets dropped as destined to another host.</summary>
    public ulong RxOtherHostDropped { get; init; }
}
