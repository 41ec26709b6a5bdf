namespace Nlctl.Cli;

/// <summary>
/// Every object nlctl knows, in the order that settles abbreviations (ip's order for ip's
/// objects: <c>a</c> address, <c>r</c> route, <c>ru</c> rule, <c>n</c> neighbour, <c>l</c> link,
/// <c>m</c> monitor). Adding an object is its folder under Objects/ plus one line here.
/// </summary>
internal static class ObjectRegistry
{
    /// <summary>The objects, in matching order.</summary>
    public static IReadOnlyList<CliObject> All { get; } =
    [
        Objects.Address.AddressObject.Definition,
        Objects.Route.RouteObject.Definition,
        Objects.Rule.RuleObject.Definition,
        Objects.Neighbour.NeighbourObject.Definition,
        Objects.Link.LinkObject.Definition,
        Objects.Monitor.MonitorObject.Definition,
        Objects.Show.ShowObject.Definition,
        Objects.Ss.SsObject.Definition,
        Objects.Decode.DecodeObject.Definition,
        Objects.ProcEvents.ProcEventsObject.Definition,
        Objects.Packet.PacketObject.Definition,
        Objects.Completion.CompletionObject.Definition,
        Objects.Help.HelpObject.Definition,
    ];

    /// <summary>The object <paramref name="typed"/> names (any prefix of a name; the first in order wins), or null.</summary>
    public static CliObject? Find(string typed) =>
        All.FirstOrDefault(o => o.Names.Any(name => Keywords.Matches(typed, name)));

    /// <summary>The object <paramref name="typed"/> names.</summary>
    /// <exception cref="UsageException">There is none: <c>Object "x" is unknown, try "nlctl help".</c></exception>
    public static CliObject Resolve(string typed) =>
        Find(typed) ?? throw new UsageException($"Object \"{typed}\" is unknown, try \"nlctl help\".");
}
