using System.Net;
using System.Net.Sockets;

namespace Netlink.Diag;

/// <summary>One inet socket (TCP, UDP or raw) as sock_diag reports it.</summary>
public sealed record SocketInfo
{
    /// <summary>InterNetwork or InterNetworkV6.</summary>
    public required AddressFamily Family { get; init; }

    /// <summary>The protocol asked for.</summary>
    public required SocketProtocol Protocol { get; init; }

    /// <summary>The state.</summary>
    public required SocketState State { get; init; }

    /// <summary>Local address and port (port 0 and the wildcard address when unbound).</summary>
    public required IPEndPoint Local { get; init; }

    /// <summary>Peer address and port (wildcard and 0 when not connected).</summary>
    public required IPEndPoint Remote { get; init; }

    /// <summary>Interface index the socket is bound to (SO_BINDTODEVICE, or the scope of a link-local address), 0 if none.</summary>
    public int InterfaceIndex { get; init; }

    /// <summary>Kernel socket cookie (stable id for the socket's life, SO_COOKIE).</summary>
    public ulong Cookie { get; init; }

    /// <summary>Inode of the socket (the N in /proc/PID/fd's <c>socket:[N]</c>); 0 for TIME_WAIT and request sockets.</summary>
    public uint Inode { get; init; }

    /// <summary>Owner uid.</summary>
    public uint Uid { get; init; }

    /// <summary>Receive queue: unread bytes, or for listeners the accept backlog in use.</summary>
    public uint ReceiveQueue { get; init; }

    /// <summary>Send queue: unacknowledged bytes, or for listeners the maximum accept backlog.</summary>
    public uint SendQueue { get; init; }

    /// <summary>The pending timer.</summary>
    public SocketTimer Timer { get; init; }

    /// <summary>Time until the timer fires.</summary>
    public TimeSpan TimerExpires { get; init; }

    /// <summary>Retransmits (with a retransmit timer) or keepalive probes sent (idiag_retrans).</summary>
    public byte TimerRetransmits { get; init; }

    /// <summary>INET_DIAG_INFO for TCP, when <see cref="SocketExtensions.TcpInfo"/> was asked and the kernel sent it.</summary>
    public TcpInfo? TcpInfo { get; init; }

    /// <summary>Memory counters, when <see cref="SocketExtensions.SocketMemory"/> or <see cref="SocketExtensions.MemoryInfo"/> was asked.</summary>
    public SocketMemory? Memory { get; init; }

    /// <summary>Congestion control algorithm (cubic, reno, bbr…), when <see cref="SocketExtensions.Congestion"/> was asked.</summary>
    public string? Congestion { get; init; }

    /// <summary>SO_MARK, when non-zero (the kernel sends it to CAP_NET_ADMIN callers).</summary>
    public uint? Mark { get; init; }

    /// <summary>IPv4 TOS, when asked (<see cref="SocketExtensions.Tos"/>).</summary>
    public byte? Tos { get; init; }

    /// <summary>IPv6 traffic class, when asked (<see cref="SocketExtensions.TrafficClass"/>).</summary>
    public byte? TrafficClass { get; init; }

    /// <summary>Shutdown bits (1 receive, 2 send), when asked (<see cref="SocketExtensions.Shutdown"/>).</summary>
    public byte? Shutdown { get; init; }

    /// <summary>cgroup v2 id of the socket's cgroup, when the kernel sends it.</summary>
    public ulong? CgroupId { get; init; }

    /// <summary>IPV6_V6ONLY for IPv6 sockets, when the kernel sends it.</summary>
    public bool? V6Only { get; init; }

    /// <summary>cgroup v1 net_cls class id (or priority), when the kernel sends it.</summary>
    public uint? ClassId { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Protocol} {State.ToSsName()} {Local} -> {Remote} inode {Inode}";
}
