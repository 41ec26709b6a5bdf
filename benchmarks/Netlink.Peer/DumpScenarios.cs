using System.Net.Sockets;
using Netlink.Route;
using Netlink.Route.Generated;

namespace NetlinkPeer;

/// <summary>The dump scenarios, each through the public API a user would call.</summary>
internal static class DumpScenarios
{
    /// <summary>IPv4 routes of the main table, filtered by the kernel (strict checking), into <see cref="Route"/> records.</summary>
    private static readonly RouteFilter MainTableV4 = new() { Family = AddressFamily.InterNetwork, Table = RouteTables.Main };

    /// <summary>route-dump: typed objects.</summary>
    public static async Task<int> RouteDumpAsync(RouteClient client) =>
        (await client.ListRoutesAsync(MainTableV4).ConfigureAwait(false)).Count;

    /// <summary>route-dump-visit: the zero-allocation path; the visitor reads what a user would (prefix, gateway, device).</summary>
    public static async Task<int> RouteDumpVisitAsync(RouteClient client)
    {
        var counter = new RouteCounter();
        await client.VisitRoutesAsync(counter.Visit, MainTableV4).ConfigureAwait(false);
        return counter.Count;
    }

    /// <summary>link-dump: every link into <see cref="Link"/> records.</summary>
    public static async Task<int> LinkDumpAsync(RouteClient client) =>
        (await client.ListLinksAsync().ConfigureAwait(false)).Count;

    /// <summary>addr-dump: every address of both families into <see cref="Address"/> records.</summary>
    public static async Task<int> AddressDumpAsync(RouteClient client) =>
        (await client.ListAddressesAsync().ConfigureAwait(false)).Count;

    /// <summary>Counts routes and touches their main fields, so the visit is not an empty loop.</summary>
    private sealed class RouteCounter
    {
        public int Count { get; private set; }

        public long Checksum { get; private set; }

        public void Visit(in RtRoute.Rtmsg header, in RtRoute.RouteAttrsReader attributes)
        {
            Count++;
            long sum = header.RtmDstLen;
            if (attributes.TryGetDstBytes(out ReadOnlySpan<byte> destination) && destination.Length == 4)
            {
                sum += destination[3];
            }

            if (attributes.TryGetGatewayBytes(out ReadOnlySpan<byte> gateway))
            {
                sum += gateway.Length;
            }

            if (attributes.TryGetOif(out uint oif))
            {
                sum += oif;
            }

            Checksum += sum;
        }
    }
}
