using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Cli;
using Nlctl.Objects.Link;

namespace Nlctl.Objects.Neighbour;

/// <summary>
/// <c>nlctl neigh add|change|replace|del [proxy] ADDR [lladdr LLADDR] [nud STATE] [router]
/// [extern_learn] [proto P] dev DEV</c>.
/// </summary>
internal static class NeighbourModify
{
    public static Task AddAsync(CommandContext context, Args args, CancellationToken cancellationToken) =>
        RunAsync(context, args, (client, entry) => client.AddNeighbourAsync(entry, cancellationToken));

    public static Task ReplaceAsync(CommandContext context, Args args, CancellationToken cancellationToken) =>
        RunAsync(context, args, (client, entry) => client.ReplaceNeighbourAsync(entry, cancellationToken));

    public static Task DeleteAsync(CommandContext context, Args args, CancellationToken cancellationToken) =>
        RunAsync(context, args, (client, entry) => client.DeleteNeighbourAsync(entry, cancellationToken));

    private static async Task RunAsync(CommandContext context, Args args, Func<RouteClient, Netlink.Route.Neighbour, Task> send)
    {
        Request request = Parse(args, context.Options.Family);
        await using RouteSession session = context.OpenRoute();
        await send(session.Client, request.Entry with { InterfaceIndex = session.Names.Index(request.Device) });
    }

    /// <summary>The entry (without its interface index) and the device it is on.</summary>
    internal sealed record Request(Netlink.Route.Neighbour Entry, string Device);

    /// <summary>Reads the command's words.</summary>
    internal static Request Parse(Args args, AddressFamily family)
    {
        IPAddress? destination = null;
        PhysicalAddress? lladdr = null;
        NeighbourState state = NeighbourState.Permanent;
        NeighbourFlags flags = NeighbourFlags.None;
        byte? protocol = null;
        string? device = null;
        while (!args.AtEnd)
        {
            string word = args.Next();
            switch (word)
            {
                case "lladdr":
                    lladdr = LinkWords.Mac(args.Value(word));
                    break;
                case "nud":
                    string text = args.Value(word);
                    state = NeighbourStateNames.TryParse(text, out NeighbourState parsed) ? parsed : throw UsageException.Invalid(text, "nud state is bad");
                    break;
                case "proxy":
                    flags |= NeighbourFlags.Proxy;
                    break;
                case "router":
                    flags |= NeighbourFlags.Router;
                    break;
                case "extern_learn":
                    flags |= NeighbourFlags.ExternallyLearned;
                    break;
                case "proto" or "protocol":
                    string protocolText = args.Value(word);
                    protocol = RouteProtocolNames.TryParse(protocolText, out RouteProtocol p) ? (byte)p : throw UsageException.Invalid(protocolText, "\"protocol\" value is invalid");
                    break;
                case "dev":
                    device = args.Value(word);
                    break;
                case "to":
                    destination = Args.ParseAddress(args.Value(word), family);
                    break;
                default:
                    destination = destination is null ? Args.ParseAddress(word, family) : throw UsageException.Duplicate("to", word);
                    break;
            }
        }

        if (destination is null || device is null)
        {
            throw new UsageException("Device and destination are required arguments.");
        }

        var entry = new Netlink.Route.Neighbour
        {
            Destination = destination,
            LinkLayerAddress = lladdr,
            State = state,
            Flags = flags,
            Protocol = protocol,
        };
        return new Request(entry, device);
    }
}
