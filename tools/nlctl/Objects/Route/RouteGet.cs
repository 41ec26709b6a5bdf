using System.Net;
using System.Net.Sockets;
using Netlink.Route;
using Nlctl.Cli;

namespace Nlctl.Objects.Route;

/// <summary><c>nlctl route get ADDRESS [from ADDRESS] [iif DEV] [oif DEV] [mark N] [fibmatch]</c>: the kernel's choice, as ip route get.</summary>
internal static class RouteGet
{
    public static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        await using RouteSession session = context.OpenRoute();
        AddressFamily family = context.Options.Family;
        IPAddress? destination = null;
        var lookup = new RouteLookup();
        while (!args.AtEnd)
        {
            string word = args.Next();
            switch (word)
            {
                case "from":
                    lookup = lookup with { Source = Args.ParsePrefix(args.Value(word), family).Address };
                    break;
                case "iif":
                    lookup = lookup with { InputInterfaceIndex = session.Names.Index(args.Value(word)) };
                    break;
                case "oif" or "dev":
                    lookup = lookup with { OutputInterfaceIndex = session.Names.Index(args.Value(word)) };
                    break;
                case "mark":
                    lookup = lookup with { Mark = args.UInt32(word) };
                    break;
                case "fibmatch":
                    lookup = lookup with { FibMatch = true };
                    break;
                case "to":
                    destination = Args.ParsePrefix(args.Value(word), family).Address;
                    break;
                default:
                    destination = destination is null ? Args.ParsePrefix(word, family).Address : throw UsageException.Duplicate("to", word);
                    break;
            }
        }

        if (destination is null)
        {
            throw new UsageException("need at least a destination address");
        }

        Netlink.Route.Route route = await session.Client.GetRouteAsync(destination, lookup, cancellationToken);
        using var listing = new RouteListing(context, session.Names, new RouteColumns { Table = true });
        listing.Add(route);
    }
}
