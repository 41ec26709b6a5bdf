namespace Netlink.Route.Iproute2;

/// <summary>Neighbour words as <c>ip neigh</c> prints and parses them: NUD states and entry flags.</summary>
public static class NeighbourNames
{
    private static readonly (NeighbourState State, string Name)[] States =
    [
        (NeighbourState.Incomplete, "INCOMPLETE"), (NeighbourState.Reachable, "REACHABLE"), (NeighbourState.Stale, "STALE"),
        (NeighbourState.Delay, "DELAY"), (NeighbourState.Probe, "PROBE"), (NeighbourState.Failed, "FAILED"),
        (NeighbourState.NoArp, "NOARP"), (NeighbourState.Permanent, "PERMANENT"),
    ];

    private static readonly (NeighbourFlags Flag, string Name)[] Flags =
    [
        (NeighbourFlags.Router, "router"), (NeighbourFlags.Proxy, "proxy"), (NeighbourFlags.ExternallyLearned, "extern_learn"),
        (NeighbourFlags.Offloaded, "offload"),
    ];

    /// <summary>The state words in iproute2's order (<c>STALE</c>, <c>PERMANENT</c>…); <c>NONE</c> for no state.</summary>
    public static IReadOnlyList<string> FormatState(NeighbourState state)
    {
        if (state == NeighbourState.None)
        {
            return ["NONE"];
        }

        var words = new List<string>();
        foreach ((NeighbourState bit, string name) in States)
        {
            if ((state & bit) != 0)
            {
                words.Add(name);
            }
        }

        return words;
    }

    /// <summary>
    /// Parses a <c>nud</c> word: <c>permanent</c>, <c>noarp</c>, <c>reachable</c>, <c>stale</c>,
    /// <c>none</c>, <c>incomplete</c>, <c>delay</c>, <c>probe</c>, <c>failed</c> (any case), or a number.
    /// </summary>
    public static bool TryParseState(string text, out NeighbourState state)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            state = NeighbourState.None;
            return true;
        }

        foreach ((NeighbourState bit, string name) in States)
        {
            if (text.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                state = bit;
                return true;
            }
        }

        bool ok = Iproute2Number.TryParseUInt32(text, out uint value) && value <= byte.MaxValue;
        state = (NeighbourState)value;
        return ok;
    }

    /// <summary>The <c>nud</c> words (for completion and help).</summary>
    public static IReadOnlyList<string> StateWords { get; } =
        ["permanent", "noarp", "reachable", "stale", "none", "incomplete", "delay", "probe", "failed"];

    /// <summary>The flag words <c>ip neigh</c> prints (<c>router</c>, <c>proxy</c>, <c>extern_learn</c>, <c>offload</c>), in its order.</summary>
    public static IEnumerable<string> FormatFlags(NeighbourFlags flags)
    {
        foreach ((NeighbourFlags flag, string name) in Flags)
        {
            if ((flags & flag) != 0)
            {
                yield return name;
            }
        }
    }
}
