namespace Netlink.Diag;

/// <summary>Settings of a <see cref="ProcessMonitor"/>.</summary>
public sealed class ProcessMonitorOptions
{
    /// <summary>
    /// Receive buffer to request; a busy host forks fast, so the default is 4 MiB (set with
    /// SO_RCVBUFFORCE, beyond net.core.rmem_max; without CAP_NET_ADMIN with SO_RCVBUF, capped at
    /// rmem_max). Null keeps the system default.
    /// </summary>
    public int? ReceiveBufferSize { get; init; } = 4 << 20;

    /// <summary>How long <see cref="ProcessMonitor.StartAsync"/> waits for the kernel to acknowledge the subscription. Default 5 s.</summary>
    public TimeSpan AcknowledgementTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
