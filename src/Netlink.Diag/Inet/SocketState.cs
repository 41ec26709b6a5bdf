namespace Netlink.Diag;

/// <summary>
/// The state of a socket as sock_diag reports it (the kernel's TCP_* numbers, also used for UDP,
/// raw and UNIX sockets: connected ones are <see cref="Established"/>, unconnected ones <see cref="Close"/>).
/// </summary>
public enum SocketState : byte
{
    /// <summary>No state reported.</summary>
    Unknown = 0,

    /// <summary>TCP_ESTABLISHED (ss: ESTAB); a connected UDP, raw or UNIX socket.</summary>
    Established = 1,

    /// <summary>TCP_SYN_SENT.</summary>
    SynSent = 2,

    /// <summary>TCP_SYN_RECV.</summary>
    SynRecv = 3,

    /// <summary>TCP_FIN_WAIT1.</summary>
    FinWait1 = 4,

    /// <summary>TCP_FIN_WAIT2.</summary>
    FinWait2 = 5,

    /// <summary>TCP_TIME_WAIT.</summary>
    TimeWait = 6,

    /// <summary>TCP_CLOSE (ss: UNCONN): closed TCP, or an unconnected UDP, raw or UNIX socket.</summary>
    Close = 7,

    /// <summary>TCP_CLOSE_WAIT.</summary>
    CloseWait = 8,

    /// <summary>TCP_LAST_ACK.</summary>
    LastAck = 9,

    /// <summary>TCP_LISTEN.</summary>
    Listen = 10,

    /// <summary>TCP_CLOSING.</summary>
    Closing = 11,

    /// <summary>TCP_NEW_SYN_RECV (request sockets; reported as SynRecv by inet_diag).</summary>
    NewSynRecv = 12,

    /// <summary>TCP_BOUND_INACTIVE (bound, not listening, Linux 6.5+).</summary>
    BoundInactive = 13,
}

/// <summary>
/// A set of <see cref="SocketState"/>s: bit <c>1 &lt;&lt; state</c>, the idiag_states / udiag_states
/// mask the kernel filters on.
/// </summary>
[Flags]
public enum SocketStates : uint
{
    /// <summary>No state.</summary>
    None = 0,

    /// <summary>Established.</summary>
    Established = 1u << 1,

    /// <summary>SynSent.</summary>
    SynSent = 1u << 2,

    /// <summary>SynRecv (the kernel adds NewSynRecv request sockets).</summary>
    SynRecv = 1u << 3,

    /// <summary>FinWait1.</summary>
    FinWait1 = 1u << 4,

    /// <summary>FinWait2.</summary>
    FinWait2 = 1u << 5,

    /// <summary>TimeWait.</summary>
    TimeWait = 1u << 6,

    /// <summary>Close (unconnected UDP/raw/UNIX sockets).</summary>
    Close = 1u << 7,

    /// <summary>CloseWait.</summary>
    CloseWait = 1u << 8,

    /// <summary>LastAck.</summary>
    LastAck = 1u << 9,

    /// <summary>Listen.</summary>
    Listen = 1u << 10,

    /// <summary>Closing.</summary>
    Closing = 1u << 11,

    /// <summary>NewSynRecv.</summary>
    NewSynRecv = 1u << 12,

    /// <summary>BoundInactive.</summary>
    BoundInactive = 1u << 13,

    /// <summary>Every state.</summary>
    All = 0xffffffff,

    /// <summary>What <c>ss</c> shows by default: every state but Listen, Close, TimeWait and SynRecv.</summary>
    Connected = All & ~(Listen | Close | TimeWait | SynRecv | NewSynRecv),

    /// <summary>What <c>ss -l</c> shows: listening TCP and unconnected (UNCONN) datagram sockets.</summary>
    Listening = Listen | Close,
}

/// <summary>Helpers for <see cref="SocketState"/>.</summary>
public static class SocketStateExtensions
{
    /// <summary>The bit of <paramref name="state"/> in a <see cref="SocketStates"/> mask.</summary>
    public static SocketStates ToMask(this SocketState state) => (SocketStates)(1u << (int)state);

    /// <summary>The name <c>ss</c> prints (ESTAB, LISTEN, UNCONN, TIME-WAIT…); see <see cref="Iproute2.SocketStateNames"/>.</summary>
    public static string ToSsName(this SocketState state) => Iproute2.SocketStateNames.Format(state);
}
