namespace Netlink.Route.Iproute2;

/// <summary>Neighbour states as <c>ip neigh</c> prints them (STALE, PERMANENT…) and takes them after <c>nud</c>.</summary>
public static class NeighbourStateNames
{
    private static readonly (NeighbourState State, string Name)[] States =
    [
        (NeighbourState.Incomplete, "INCOMPLETE"), (NeighbourState.Reachable, "REACHABLE"), (NeighbourState.Stale, "STALE"),
        (NeighbourState.Delay, "DELAY"), (NeighbourState.Probe, "PROBE"), (NeighbourState.Failed, "FAILED"),
        (NeighbourState.NoArp, "NOARP"), (NeighbourState.Permanent, "PERMANENT"),
    ];

    /// <summary>The state words in iproute2's order (<c>STALE</c>, <c>PERMANENT</c>…); <c>NONE</c> for no state.</summary>
    public static IReadOnlyList<string> Format(NeighbourState state)
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
    public static bool TryParse(string text, out NeighbourState state)
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
    public static IReadOnlyList<string> Names { get; } =
        ["permanent", "noarp", "reachable", "stale", "none", "incomplete", "delay", "probe", "failed"];
}
