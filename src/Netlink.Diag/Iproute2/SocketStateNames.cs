namespace Netlink.Diag.Iproute2;

/// <summary>
/// Socket states as <c>ss</c> prints them (ESTAB, LISTEN, UNCONN…) and the state words its filters
/// take (<c>state established</c>, <c>exclude time-wait</c>, <c>state connected</c>…).
/// </summary>
public static class SocketStateNames
{
    private static readonly SocketStates Bucket = SocketStates.SynRecv | SocketStates.NewSynRecv | SocketStates.TimeWait;

    private static readonly (string Word, SocketStates Mask)[] FilterWords =
    [
        ("all", SocketStates.All),
        ("connected", SocketStates.Connected),
        ("synchronized", SocketStates.Connected & ~SocketStates.SynSent),
        ("bucket", Bucket),
        ("big", SocketStates.All & ~Bucket),
        ("established", SocketStates.Established),
        ("syn-sent", SocketStates.SynSent),
        ("syn-recv", SocketStates.SynRecv | SocketStates.NewSynRecv),
        ("fin-wait-1", SocketStates.FinWait1),
        ("fin-wait-2", SocketStates.FinWait2),
        ("time-wait", SocketStates.TimeWait),
        ("closed", SocketStates.Close),
        ("close-wait", SocketStates.CloseWait),
        ("last-ack", SocketStates.LastAck),
        ("listening", SocketStates.Listen),
        ("closing", SocketStates.Closing),
    ];

    /// <summary>The name ss prints in its State column.</summary>
    public static string Format(SocketState state) => state switch
    {
        SocketState.Established => "ESTAB",
        SocketState.SynSent => "SYN-SENT",
        SocketState.SynRecv or SocketState.NewSynRecv => "SYN-RECV",
        SocketState.FinWait1 => "FIN-WAIT-1",
        SocketState.FinWait2 => "FIN-WAIT-2",
        SocketState.TimeWait => "TIME-WAIT",
        SocketState.Close => "UNCONN",
        SocketState.CloseWait => "CLOSE-WAIT",
        SocketState.LastAck => "LAST-ACK",
        SocketState.Listen => "LISTEN",
        SocketState.Closing => "CLOSING",
        SocketState.BoundInactive => "BOUND-INACTIVE",
        _ => "UNKNOWN",
    };

    /// <summary>The states a filter word stands for (case-insensitive, '_' as '-').</summary>
    public static bool TryParse(string word, out SocketStates states)
    {
        ArgumentNullException.ThrowIfNull(word);
        string normal = word.ToLowerInvariant().Replace('_', '-');
        foreach ((string name, SocketStates mask) in FilterWords)
        {
            if (name == normal)
            {
                states = mask;
                return true;
            }
        }

        states = SocketStates.None;
        return false;
    }

    /// <summary>The filter words (for completion and help).</summary>
    public static IEnumerable<string> Names => FilterWords.Select(w => w.Word);
}
