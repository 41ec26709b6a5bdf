using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Netlink;
using Netlink.Route;
using Nlctl.Cli;

namespace Nlctl.Commands;

/// <summary>
/// <c>nlctl monitor [link|addr|route|neigh|rule|all]... [count N]</c>: one line per rtnetlink event
/// (with -j, one JSON object per line); lost events print an explicit overrun line.
/// </summary>
internal static class MonitorCommand
{
    public static Command Create()
    {
        var arguments = new Argument<string[]>("arguments")
        {
            Description = "[link] [addr] [route] [neigh] [rule] [all] [count N] (default: all; count N stops after N events)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("monitor", "Print link, address, route, neighbour and rule changes as they happen") { arguments };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            CommandContext context = CommandContext.From(parseResult);
            List<string> tokens = [.. parseResult.GetValue(arguments) ?? [], .. parseResult.UnmatchedTokens];
            await RunAsync(context, tokens, cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(CommandContext context, List<string> tokens, CancellationToken cancellationToken)
    {
        RouteEventGroups groups = RouteEventGroups.None;
        int? count = null;
        var rest = new IpTokens(tokens);
        while (!rest.AtEnd)
        {
            string token = rest.Next();
            groups |= token switch
            {
                "link" => RouteEventGroups.Links,
                "addr" or "address" => RouteEventGroups.Addresses,
                "route" => RouteEventGroups.Routes,
                "neigh" => RouteEventGroups.Neighbours,
                "rule" => RouteEventGroups.Rules,
                "all" => RouteEventGroups.All,
                "count" => RouteEventGroups.None,
                _ => throw new UserErrorException($"unknown monitor object \"{token}\" (link, addr, route, neigh, rule, all)"),
            };
            if (token == "count")
            {
                uint n = rest.UInt(token);
                count = n > 0 ? (int)n : throw new UserErrorException("count must be positive");
            }
        }

        if (groups == RouteEventGroups.None)
        {
            groups = RouteEventGroups.All;
        }

        using NetworkNamespace? netns = context.OpenNamespace();
        await using RouteClient client = RouteClient.Open(netns);
        using RouteEventSubscription events = client.SubscribeEvents(groups);

        // Tells a waiting script (or test) that the groups are joined and nothing will be missed from here on.
        await Console.Error.WriteLineAsync("nlctl: monitoring");
        int printed = 0;
        await foreach (RouteEvent item in events.ReadAllAsync(cancellationToken))
        {
            context.Output.WriteLine(context.Json ? Json(item) : Text(item));
            context.Output.Flush();
            if (++printed == count)
            {
                break;
            }
        }
    }

    /// <summary>One text line, like ip monitor: "Deleted " for removals, then the object.</summary>
    internal static string Text(RouteEvent item)
    {
        string prefix = item.Kind == RouteEventKind.Deleted ? "Deleted " : string.Empty;
        return item switch
        {
            { Kind: RouteEventKind.Overrun } => "overrun: the kernel dropped events here; re-read the state",
            { Link: { } link } => prefix + LinkOutput.HeaderLine(link, new Dictionary<int, Link>(), includeLinkMode: false),
            { Address: { } address } => prefix + address.LinkIndex.ToString(CultureInfo.InvariantCulture) + ":" + AddressCommand.TextLine(address, null),
            { Route: { } route } => prefix + "route " + route,
            { Neighbour: { } neighbour } => prefix + "neigh " + neighbour,
            { Rule: { } rule } => prefix + "rule " + rule,
            _ => prefix + item.Kind,
        };
    }

    /// <summary>One JSON object: {"event":"new|deleted|overrun","object":"link|addr|route|neigh|rule", …fields}.</summary>
    internal static string Json(RouteEvent item) => LinkOutput.Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("event", item.Kind switch
        {
            RouteEventKind.New => "new",
            RouteEventKind.Deleted => "deleted",
            RouteEventKind.Overrun => "overrun",
            _ => "synchronized",
        });
        switch (item)
        {
            case { Link: { } link }:
                writer.WriteString("object", "link");
                LinkOutput.WriteJsonFields(writer, link, new Dictionary<int, Link>(), includeLinkMode: true);
                break;
            case { Address: { } address }:
                writer.WriteString("object", "addr");
                writer.WriteNumber("ifindex", address.LinkIndex);
                writer.WritePropertyName("addr_info");
                writer.WriteStartArray();
                AddressCommand.WriteJson(writer, address);
                writer.WriteEndArray();
                break;
            case { Route: { } route }:
                writer.WriteString("object", "route");
                writer.WriteString("text", route.ToString());
                break;
            case { Neighbour: { } neighbour }:
                writer.WriteString("object", "neigh");
                writer.WriteString("text", neighbour.ToString());
                break;
            case { Rule: { } rule }:
                writer.WriteString("object", "rule");
                writer.WriteString("text", rule.ToString());
                break;
        }

        writer.WriteEndObject();
    });
}
