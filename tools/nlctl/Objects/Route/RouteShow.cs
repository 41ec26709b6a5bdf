using System.Net.Sockets;
using Netlink;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Cli;

namespace Nlctl.Objects.Route;

/// <summary>
/// <c>nlctl route show [table T|all] [proto P] [dev D] [type T]</c>: IPv4 unless -6 (both families for
/// <c>table all</c>, as ip 6.1 does), printed while the dump arrives so a full table is never held.
/// </summary>
internal static class RouteShow
{
    public static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        await using RouteSession session = context.OpenRoute();
        RouteFilter filter = ParseFilter(args, session.Names, context.Options.Family, out Func<Netlink.Route.Route, bool> selects);
        await ListAsync(context, session, filter, cancellationToken, selects);
    }

    /// <summary>
    /// Reads the selection into a dump filter; the family is -4/-6's, else IPv4, except that
    /// <c>table all</c> without -4/-6 lists both families (as ip 6.1 does). A destination
    /// selector (<c>[to] [exact|root|match] PREFIX</c>, exact by default) is checked here.
    /// </summary>
    public static RouteFilter ParseFilter(Args args, LinkNameCache names, AddressFamily family, out Func<Netlink.Route.Route, bool> selects)
    {
        selects = _ => true;
        var filter = new RouteFilter { Family = family };
        while (!args.AtEnd)
        {
            string word = args.Next();

            // As ip: "table" and "type" may be abbreviated ("tab", "t"), the others are typed in full.
            switch (Keywords.Resolve(word, "table", "type") ?? word)
            {
                case "table":
                    string table = args.Value(word);
                    filter = filter with { Table = RouteTableNames.TryParse(table, out uint id) ? id : throw UsageException.Invalid(table, "\"table\" value is invalid") };
                    break;
                case "proto" or "protocol":
                    string protocol = args.Value(word);
                    filter = filter with { Protocol = RouteProtocolNames.TryParse(protocol, out RouteProtocol p) ? p : throw UsageException.Invalid(protocol, "invalid \"protocol\" value") };
                    break;
                case "dev" or "oif":
                    filter = filter with { OutputInterfaceIndex = names.Index(args.Value(word)) };
                    break;
                case "type":
                    string type = args.Value(word);
                    filter = filter with { Type = RouteTypeNames.TryParse(type, out RouteType t) ? t : throw UsageException.Invalid(type, "invalid \"type\" value") };
                    break;
                default:
                    // A destination does not choose the family: "ip route show 2001:db8::/32" lists IPv4 routes (none match).
                    args.Back();
                    selects = Destination(args, family);
                    break;
            }
        }

        bool everyTable = filter.Table == RouteTables.All;
        return filter.Family != AddressFamily.Unspecified || everyTable ? filter : filter with { Family = AddressFamily.InterNetwork };
    }

    /// <summary>ip's destination selector: <c>[to] [exact|root|match] PREFIX</c>.</summary>
    private static Func<Netlink.Route.Route, bool> Destination(Args args, AddressFamily family)
    {
        args.Take("to");
        string mode = args.Take("root") ? "root" : args.Take("match") ? "match" : "exact";
        args.Take("exact");
        string text = args.Value("to");
        (System.Net.IPAddress address, int length) = Args.ParsePrefix(text, family);
        System.Net.IPNetwork prefix = IpAddressText.ToNetwork(address, length);
        return mode switch
        {
            // root: routes inside the prefix; match: routes that contain it; exact: that prefix only.
            "root" => r => r.Destination.PrefixLength >= length && prefix.Contains(r.Destination.BaseAddress),
            "match" => r => r.Destination.PrefixLength <= length && r.Destination.Contains(address),
            _ => r => r.Destination.PrefixLength == length && r.Destination.BaseAddress.Equals(prefix.BaseAddress),
        };
    }

    /// <summary>Dumps and prints (also used by <c>nlctl show</c>).</summary>
    public static async Task ListAsync(CommandContext context, RouteSession session, RouteFilter filter, CancellationToken cancellationToken, Func<Netlink.Route.Route, bool>? selects = null)
    {
        var columns = new RouteColumns
        {
            Table = filter.Table == RouteTables.All,
            Device = filter.OutputInterfaceIndex == 0,
            Protocol = filter.Protocol == RouteProtocol.Unspecified,
        };
        using var listing = new RouteListing(context, session.Names, columns);
        NetlinkReplySummary summary = await session.Client.ForEachRouteAsync(
            route =>
            {
                // The kernel also returns multipath routes with a hop on the device; ip shows only RTA_OIF matches.
                if ((filter.OutputInterfaceIndex == 0 || route.OutputInterfaceIndex == filter.OutputInterfaceIndex) && (selects is null || selects(route)))
                {
                    listing.Add(route);
                }
            },
            filter,
            cancellationToken);
        if (summary.Interrupted)
        {
            // Already printed, so it cannot be retried silently: say so, as ip does.
            await Console.Error.WriteLineAsync("Dump was interrupted and may be inconsistent.");
        }
    }
}
