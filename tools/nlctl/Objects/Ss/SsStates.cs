using Netlink.Diag;
using Netlink.Diag.Iproute2;
using Nlctl.Cli;

namespace Nlctl.Objects.Ss;

/// <summary>Which states ss lists: the state words (<see cref="SocketStateNames"/>), the default, and whether one state was chosen.</summary>
internal static class SsStates
{
    /// <summary>The mask of a state word, or ss's error.</summary>
    public static SocketStates Parse(string word) =>
        SocketStateNames.TryParse(word, out SocketStates states) ? states : throw new UsageException($"Error: wrong state name: {word}.");

    /// <summary>The mask of the default listing (ss's: connected; -l: listening and unconnected; -a: all).</summary>
    public static SocketStates Default(bool listening, bool all) =>
        all ? SocketStates.All : listening ? SocketStates.Listening : SocketStates.Connected;

    /// <summary>True when the mask holds exactly one state (ss then drops the State column).</summary>
    public static bool IsSingle(SocketStates mask) =>
        (mask != 0 && ((uint)mask & ((uint)mask - 1)) == 0) || mask == (SocketStates.SynRecv | SocketStates.NewSynRecv);
}
