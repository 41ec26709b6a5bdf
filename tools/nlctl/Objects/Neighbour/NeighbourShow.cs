using System.Net;
using System.Net.Sockets;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Cli;
using Nlctl.Output;

namespace Nlctl.Objects.Neighbour;

/// <summary>
/// <c>nlctl neigh show [proxy] [to PREFIX] [dev DEV] [nud STATE|all]</c>: IPv4 and IPv6 entries
/// (-4/-6 narrow it), hiding NOARP and stateless ones unless a <c>nud</c> asks for them, as ip does.
/// </summary>
internal static class NeighbourShow
{
    /// <summary>What to list or flush.</summary>
    internal sealed record Selection(bool Proxy, string? Device, (IPAddress Address, int Length)? Prefix, NeighbourState? States, bool AllStates);

    public static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        Selection selection = Parse(args, context.Options.Family);
        await using RouteSession session = context.OpenRoute();
        IReadOnlyList<Netlink.Route.Neighbour> entries = await ListAsync(session, selection, context.Options.Family, forFlush: false, cancellationToken);
        var output = new NeighbourOutput(session.Names, showDevice: selection.Device is null, context.Painter);
        if (context.Json)
        {
            using JsonOutput json = context.Output.BeginJson();
            json.Writer.WriteStartArray();
            foreach (Netlink.Route.Neighbour entry in entries)
            {
                output.WriteJson(json.Writer, entry);
            }

            json.Writer.WriteEndArray();
            return;
        }

        foreach (Netlink.Route.Neighbour entry in entries)
        {
            context.Text.WriteLine(output.Text(entry));
        }
    }

    /// <summary>Reads the selection words.</summary>
    public static Selection Parse(Args args, AddressFamily family)
    {
        bool proxy = false;
        string? device = null;
        (IPAddress, int)? prefix = null;
        NeighbourState? states = null;
        bool all = false;
        while (!args.AtEnd)
        {
            string word = args.Next();
            switch (word)
            {
                case "proxy":
                    proxy = true;
                    break;
                case "dev":
                    device = args.Value(word);
                    break;
                case "nud":
                    string text = args.Value(word);
                    if (text == "all")
                    {
                        all = true;
                    }
                    else
                    {
                        states = (states ?? NeighbourState.None) | (NeighbourStateNames.TryParse(text, out NeighbourState state) ? state : throw UsageException.Invalid(text, "nud state is bad"));
                    }

                    break;
                case "to":
                    prefix = Args.ParsePrefix(args.Value(word), family);
                    break;
                default:
                    prefix = prefix is null ? Args.ParsePrefix(word, family) : throw UsageException.Duplicate("to", word);
                    break;
            }
        }

        return new Selection(proxy, device, prefix, states, all);
    }

    /// <summary>The entries the selection names, in the kernel's order.</summary>
    public static async Task<IReadOnlyList<Netlink.Route.Neighbour>> ListAsync(RouteSession session, Selection selection, AddressFamily family, bool forFlush, CancellationToken cancellationToken)
    {
        int index = selection.Device is null ? 0 : session.Names.Index(selection.Device);
        NeighbourFamily neighbourFamily = family switch
        {
            AddressFamily.InterNetwork => NeighbourFamily.Inet,
            AddressFamily.InterNetworkV6 => NeighbourFamily.Inet6,
            _ => NeighbourFamily.Unspecified,
        };
        IReadOnlyList<Netlink.Route.Neighbour> all = await session.Client.ListNeighboursAsync(
            new NeighbourFilter { Family = neighbourFamily, InterfaceIndex = index, Proxy = selection.Proxy },
            cancellationToken);
        return [.. all.Where(n => n.Family is NeighbourFamily.Inet or NeighbourFamily.Inet6 && Matches(n, selection, forFlush))];
    }

    private static bool Matches(Netlink.Route.Neighbour entry, Selection selection, bool forFlush)
    {
        if (selection.Prefix is { } prefix
            && (entry.Destination is null || entry.Destination.AddressFamily != prefix.Address.AddressFamily || !IpAddressText.ToNetwork(prefix.Address, prefix.Length).Contains(entry.Destination)))
        {
            return false;
        }

        if (selection.Proxy || selection.AllStates)
        {
            return true;
        }

        if (selection.States is { } wanted)
        {
            return wanted == NeighbourState.None ? entry.State == NeighbourState.None : (entry.State & wanted) != 0;
        }

        // ip's default: everything but NOARP and stateless entries; a flush also keeps PERMANENT ones.
        NeighbourState hidden = NeighbourState.NoArp | (forFlush ? NeighbourState.Permanent : NeighbourState.None);
        return entry.State != NeighbourState.None && (entry.State & ~hidden) != 0;
    }
}
