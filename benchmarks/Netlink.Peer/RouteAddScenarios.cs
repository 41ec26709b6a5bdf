using System.Buffers.Binary;
using System.Net;
using Netlink;
using Netlink.Route;

namespace NetlinkPeer;

/// <summary>
/// route-add (one request and ack at a time) and route-add-batch (the batched request API): route i
/// is BENCH_DST_BASE + i /32 via BENCH_GW dev BENCH_DEV, main table, the library's default protocol.
/// </summary>
internal sealed class RouteAddScenarios(RouteClient client, PeerArguments arguments, int deviceIndex)
{
    private readonly uint _base = BinaryPrimitives.ReadUInt32BigEndian(arguments.DestinationBase.GetAddressBytes());

    public async Task<int> AddOneByOneAsync()
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            await client.AddRouteAsync(RouteAt(i)).ConfigureAwait(false);
        }

        return arguments.Count;
    }

    public async Task<int> DeleteOneByOneAsync()
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            await client.DeleteRouteAsync(RouteAt(i)).ConfigureAwait(false);
        }

        return arguments.Count;
    }

    public async Task<int> AddBatchAsync()
    {
        ThrowIfAnyFailed(await client.AddRoutesAsync(Batch()).ConfigureAwait(false), "add");
        return arguments.Count;
    }

    public async Task<int> DeleteBatchAsync()
    {
        ThrowIfAnyFailed(await client.DeleteRoutesAsync(Batch()).ConfigureAwait(false), "delete");
        return arguments.Count;
    }

    /// <summary>The batch's routes, built inside the timed region as a user's program would.</summary>
    private Route[] Batch()
    {
        var routes = new Route[arguments.Count];
        for (int i = 0; i < routes.Length; i++)
        {
            routes[i] = RouteAt(i);
        }

        return routes;
    }

    private static void ThrowIfAnyFailed(IReadOnlyList<NetlinkBatchResult> results, string what)
    {
        foreach (NetlinkBatchResult result in results)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"batch {what}: request {result.Index} failed", result.Error);
            }
        }
    }

    private Route RouteAt(int i)
    {
        var destination = new IPAddress(BinaryPrimitives.ReverseEndianness(_base + (uint)i));
        return new Route
        {
            Destination = new IPNetwork(destination, 32),
            Gateway = arguments.Gateway,
            OutputInterfaceIndex = deviceIndex,
        };
    }
}
