namespace Netlink.Diag;

/// <summary>
/// Optional extensions an inet request asks the kernel to attach (the idiag_ext bits: bit n-1
/// asks for attribute n).
/// </summary>
[Flags]
public enum SocketExtensions : byte
{
    /// <summary>Nothing extra.</summary>
    None = 0,

    /// <summary>INET_DIAG_MEMINFO: rmem, wmem, fmem, tmem.</summary>
    MemoryInfo = 1 << 0,

    /// <summary>INET_DIAG_INFO: struct tcp_info for TCP (rtt, cwnd, retransmits, rates…).</summary>
    TcpInfo = 1 << 1,

    /// <summary>INET_DIAG_VEGASINFO (and DCTCP/BBR info where those algorithms run).</summary>
    CongestionInfo = 1 << 2,

    /// <summary>INET_DIAG_CONG: the congestion control algorithm name.</summary>
    Congestion = 1 << 3,

    /// <summary>INET_DIAG_TOS: the IPv4 TOS byte.</summary>
    Tos = 1 << 4,

    /// <summary>INET_DIAG_TCLASS: the IPv6 traffic class (and the cgroup v1 class id).</summary>
    TrafficClass = 1 << 5,

    /// <summary>INET_DIAG_SKMEMINFO: the full socket memory counters (ss -m).</summary>
    SocketMemory = 1 << 6,

    /// <summary>INET_DIAG_SHUTDOWN: shutdown state bits.</summary>
    Shutdown = 1 << 7,

    /// <summary>What <c>ss -ie -m</c> asks: tcp_info, congestion algorithm, socket memory, tos/tclass, shutdown.</summary>
    Extended = TcpInfo | Congestion | SocketMemory | Tos | TrafficClass | Shutdown,
}
