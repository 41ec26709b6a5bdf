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
    /// before their replies are read. Null (the default) adapts: a batch starts with 16 and doubles
    /// while the largest reply seen so far says twice as many still fit in the socket's receive
    /// buffer (ACKs and errors need about 1.5 KiB each, a data reply about twice its length), up to
    /// 1,024. A fixed value is used as given; raise the receive buffer with it if its replies are large.
    /// </summary>
    public int? BatchWindow { get; init; }
}
