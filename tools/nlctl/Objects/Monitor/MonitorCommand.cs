using System.Net.Sockets;
using Netlink.Route;
using Nlctl.Cli;

namespace Nlctl.Objects.Monitor;

/// <summary>Reads the monitor words, subscribes, and prints each event until cancelled or count N.</summary>
internal static class MonitorCommand
{
    private static readonly (string Word, RouteEventGroups Groups)[] Objects =
    [
        ("link", RouteEventGroups.Links), ("address", RouteEventGroups.Addresses), ("route", RouteEventGroups.Routes),
        ("neigh", RouteEventGroups.Neighbours), ("neighbour", RouteEventGroups.Neighbours), ("rule", RouteEventGroups.Rules),
        ("all", RouteEventGroups.All),
    ];

    public static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        RouteEventGroups groups = RouteEventGroups.None;
        int? count = null;
        bool label = false;
        while (!args.AtEnd)
        {
            string word = args.Next();
            if (word == "count")
            {
                uint n = args.UInt32(word);
                count = n > 0 ? (int)Math.Min(n, int.MaxValue) : throw UsageException.Invalid("0", "\"count\" must be positive");
            }
            else if (word == "label")
            {
                label = true;
            }
            else if (Keywords.Matches(word, "help"))
            {
                context.Text.Write(MonitorObject.Definition.Usage);
                return;
            }
            else
            {
                groups |= Objects.FirstOrDefault(o => Keywords.Matches(word, o.Word)).Groups is var g && g != RouteEventGroups.None
                    ? g
                    : throw new UsageException($"Argument \"{word}\" is unknown, try \"nlctl monitor help\".");
            }
        }

        await using RouteSession session = context.OpenRoute();
        using RouteEventSubscription events = session.Client.SubscribeEvents(groups == RouteEventGroups.None ? RouteEventGroups.All : groups);
        var printer = new MonitorPrinter(context, session.Names, label);

        // Tells a waiting script (or test) that the groups are joined: nothing is missed from here on.
        await Console.Error.WriteLineAsync("nlctl: monitoring");
        int printed = 0;
        try
        {
            await foreach (RouteEvent item in events.ReadAllAsync(cancellationToken))
            {
                if (!Wanted(item, context.Options.Family))
                {
                    continue;
                }

                printer.Print(item);
                context.Output.Flush();
                if (++printed == count)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C or SIGTERM: the normal end of a monitor.
        }
    }

    /// <summary>-4/-6 narrow routes, addresses and rules to one family.</summary>
    private static bool Wanted(RouteEvent item, AddressFamily family) =>
        family == AddressFamily.Unspecified || item switch
        {
            { Route: { } route } => route.Family == family,
            { Address: { } address } => address.Family == family,
            { Rule: { } rule } => rule.Family == family,
            _ => true,
        };
}
