namespace Netlink.Diag;

/// <summary>Settings of a <see cref="SockDiagClient"/>.</summary>
public sealed class SockDiagClientOptions
{
    /// <summary>How long one request may wait for the kernel. Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a dump interrupted by a concurrent change (NLM_F_DUMP_INTR) is run in all. Default 3.</summary>
    public int DumpAttempts { get; init; } = 3;

    /// <summary>Receive buffer to request (SO_RCVBUF) for large dumps, or null for the system default.</summary>
    public int? ReceiveBufferSize { get; init; }
}
