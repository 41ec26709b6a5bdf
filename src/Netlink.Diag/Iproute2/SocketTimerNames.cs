namespace Netlink.Diag.Iproute2;

/// <summary>Socket timers as <c>ss -o</c> prints them in <c>timer:(NAME,…)</c>.</summary>
public static class SocketTimerNames
{
    /// <summary>"on" (retransmit), "keepalive", "timewait", "persist" (zero window probe), "off" or "unknown".</summary>
    public static string Format(SocketTimer timer) => timer switch
    {
        SocketTimer.None => "off",
        SocketTimer.Retransmit => "on",
        SocketTimer.KeepAlive => "keepalive",
        SocketTimer.TimeWait => "timewait",
        SocketTimer.Probe => "persist",
        _ => "unknown",
    };
}
