using Netlink.Route;
using Nlctl.Cli;

namespace Nlctl.Objects.Route;

/// <summary><c>nlctl route flush [table T|all] [proto P] [dev D] [type T]</c>: deletes the routes a listing with the same words would show.</summary>
internal static class RouteFlush
{
    public static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        if (args.AtEnd)
        {
            throw new UsageException("\"ip route flush\" requires arguments.");
        }

        await using RouteSession session = context.OpenRoute();
        RouteFilter filter = RouteShow.ParseFilter(args, session.Names, context.Options.Family, out Func<Netlink.Route.Route, bool> selects);
        IReadOnlyList<Netlink.Route.Route> routes = await session.Client.ListRoutesAsync(filter, cancellationToken);
        foreach (Netlink.Route.Route route in routes.Where(r => (filter.OutputInterfaceIndex == 0 || r.OutputInterfaceIndex == filter.OutputInterfaceIndex) && selects(r)))
        {
            await session.Client.DeleteRouteAsync(route, cancellationToken);
        }
    }
}
