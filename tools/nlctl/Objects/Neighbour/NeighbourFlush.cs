using Nlctl.Cli;

namespace Nlctl.Objects.Neighbour;

/// <summary><c>nlctl neigh flush [proxy] [to PREFIX] [dev DEV] [nud STATE|all]</c>: deletes what a listing would show, PERMANENT entries only when asked.</summary>
internal static class NeighbourFlush
{
    public static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        if (args.AtEnd)
        {
            throw new UsageException("Flush requires arguments.");
        }

        NeighbourShow.Selection selection = NeighbourShow.Parse(args, context.Options.Family);
        await using RouteSession session = context.OpenRoute();
        foreach (Netlink.Route.Neighbour entry in await NeighbourShow.ListAsync(session, selection, context.Options.Family, forFlush: true, cancellationToken))
        {
            try
            {
                await session.Client.DeleteNeighbourAsync(entry, cancellationToken);
            }
            catch (Netlink.NetlinkException e) when (e.Errno == 2)
            {
                // ENOENT: the entry expired between the listing and the delete, which is what a flush wants.
            }
        }
    }
}
