using Netlink.Diag;
using Nlctl.Cli;

namespace Nlctl.Objects.Ss;

/// <summary>ss's state words (<c>state established</c>, <c>exclude time-wait</c>) and the masks they stand for.</summary>
internal static class SsStates
{
    private static readonly SocketStates Bucket = SocketStates.SynRecv | SocketStates.NewSynRecv | SocketStates.TimeWait;

    private static readonly (string Word, SocketStates Mask)[] Table =
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

    /// <summary>The words, for completion and help.</summary>
    public static IEnumerable<string> Words => Table.Select(t => t.Word);

    /// <summary>The mask of a state word (case-insensitive, '_' as '-').</summary>
    public static SocketStates Parse(string word)
    {
        string normal = word.ToLowerInvariant().Replace('_', '-');
        foreach ((string name, SocketStates mask) in Table)
        {
            if (name == normal)
            {
                return mask;
            }
        }

        throw new UsageException($"Error: wrong state name: {word}.");
    }

    /// <summary>The mask of the default listing (ss's: connected; -l: listening and unconnected; -a: all).</summary>
    public static SocketStates Default(bool listening, bool all) =>
        all ? SocketStates.All : listening ? SocketStates.Listening : SocketStates.Connected;

    /// <summary>True when the mask holds exactly one state (ss then drops the State column).</summary>
    public static bool IsSingle(SocketStates mask) =>
        (mask != 0 && ((uint)mask & ((uint)mask - 1)) == 0) || mask == (SocketStates.SynRecv | SocketStates.NewSynRecv);
}
