namespace Netlink.Diag;

/// <summary>Which UNIX sockets to list and what to report about them.</summary>
public sealed record UnixSocketQuery
{
    /// <summary>States to report (udiag_states, filtered by the kernel). Default all.</summary>
    public SocketStates States { get; init; } = SocketStates.All;

    /// <summary>Also report memory counters (UDIAG_SHOW_MEMINFO). Default false.</summary>
    public bool IncludeMemory { get; init; }

    /// <summary>The udiag_show bits sent: name, vfs, peer, pending connections, queue lengths, uid (+ memory).</summary>
    internal uint ShowFlags => (uint)(
        Generated.SockDiag.UnixDiagShow.Name | Generated.SockDiag.UnixDiagShow.Vfs | Generated.SockDiag.UnixDiagShow.Peer
        | Generated.SockDiag.UnixDiagShow.Icons | Generated.SockDiag.UnixDiagShow.Rqlen | Generated.SockDiag.UnixDiagShow.Uid
        | (IncludeMemory ? Generated.SockDiag.UnixDiagShow.Meminfo : 0));
}
