using NetlinkPeer;
using Netlink.Route;

// The peer-harness protocol (../shared/bench/peers/README.md): SCENARIO ITERATIONS [COUNT] in,
// one JSON line out; exit 2 for a scenario this peer does not implement.
PeerArguments arguments;
try
{
    arguments = PeerArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"Netlink.Peer: {e.Message}");
    return 1;
}

try
{
    // Opened once, before the first iteration (not timed), in the namespace the harness started us in.
    await using RouteClient client = RouteClient.Open();
    ResultLine? result = arguments.Scenario switch
    {
        "route-dump" => Measurement.Run(arguments, () => DumpScenarios.RouteDumpAsync(client)),
        "route-dump-visit" => Measurement.Run(arguments, () => DumpScenarios.RouteDumpVisitAsync(client)),
        "link-dump" => Measurement.Run(arguments, () => DumpScenarios.LinkDumpAsync(client)),
        "addr-dump" => Measurement.Run(arguments, () => DumpScenarios.AddressDumpAsync(client)),
        "route-add" or "route-add-batch" => await RunRouteAddAsync(client, arguments),
        _ => null,
    };
    if (result is null)
    {
        Console.Error.WriteLine($"Netlink.Peer: unsupported scenario {arguments.Scenario}");
        return 2;
    }

    Console.WriteLine(result.ToJson());
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"Netlink.Peer: {arguments.Scenario} failed: {e}");
    return 1;
}

static async Task<ResultLine> RunRouteAddAsync(RouteClient client, PeerArguments arguments)
{
    Link device = await client.GetLinkAsync(arguments.Device);
    var scenarios = new RouteAddScenarios(client, arguments, device.Index);
    return arguments.Scenario == "route-add"
        ? Measurement.Run(arguments, scenarios.AddOneByOneAsync, scenarios.DeleteOneByOneAsync)
        : Measurement.Run(arguments, scenarios.AddBatchAsync, scenarios.DeleteBatchAsync);
}
