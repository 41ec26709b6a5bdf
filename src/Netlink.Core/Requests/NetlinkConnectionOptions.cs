namespace Netlink;

/// <summary>Settings of a <see cref="NetlinkConnection"/>.</summary>
public sealed class NetlinkConnectionOptions
{
    /// <summary>How long a request may wait for its replies; <see cref="Timeout.InfiniteTimeSpan"/> for ever. Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Ask for extended ACKs (NETLINK_EXT_ACK) so errors carry the kernel's text. Default true.</summary>
    public bool ExtendedAck { get; init; } = true;

    /// <summary>Strict mode: NETLINK_GET_STRICT_CHK (and extended ACK), so dump filters are honoured and bad requests rejected. Default false.</summary>
    public bool StrictChecking { get; init; }

    /// <summary>How many times the retrying dump APIs run a dump that comes back NLM_F_DUMP_INTR. Default 3.</summary>
    public int DumpAttempts { get; init; } = 3;

    /// <summary>Names message types in errors (and is available to higher layers); null shows numbers.</summary>
    public INetlinkMessageDescriber? Describer { get; init; }

    /// <summary>Receive buffer size to request (SO_RCVBUF), or null for the system default.</summary>
    public int? ReceiveBufferSize { get; init; }

    /// <summary>
    /// Requests of a batch (<see cref="NetlinkConnection.ExecuteBatchAsync"/>) sent per sendmsg
    /// before their replies are read. Null (the default) sizes it from the socket's receive buffer
    /// (about one error ACK with extended-ACK text per 1.5 KiB), so the replies of one window
    /// always fit. Raise the receive buffer rather than this if batches of large replies overflow.
    /// </summary>
    public int? BatchWindow { get; init; }
}
