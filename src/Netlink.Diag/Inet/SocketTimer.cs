namespace Netlink.Diag;

/// <summary>The timer pending on a socket (idiag_timer).</summary>
public enum SocketTimer : byte
{
    /// <summary>No timer.</summary>
    None = 0,

    /// <summary>Retransmission timer (ss: on).</summary>
    Retransmit = 1,

    /// <summary>Keepalive timer.</summary>
    KeepAlive = 2,

    /// <summary>TIME_WAIT timer.</summary>
    TimeWait = 3,

    /// <summary>Zero window probe timer (ss: persist).</summary>
    Probe = 4,
}
