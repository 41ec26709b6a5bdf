using System.Net.Sockets;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Cli;
using Nlctl.Output;

namespace Nlctl.Objects.Rule;

/// <summary><c>nlctl rule show [pref N] [table T]</c>: the IPv4 rules unless -6, in priority order, as ip rule.</summary>
internal static class RuleShow
{
    public static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        uint? priority = null;
        uint? table = null;
        while (!args.AtEnd)
        {
            string word = args.Next();
            switch (word)
            {
                case "pref" or "priority" or "order":
                    priority = args.UInt32(word);
                    break;
                case "table" or "lookup":
                    string text = args.Value(word);
                    table = RouteTableNames.TryParse(text, out uint id) ? id : throw UsageException.Invalid(text, "invalid table ID");
                    break;
                default:
                    throw UsageException.Garbage(word, "rule");
            }
        }

        await using RouteSession session = context.OpenRoute();
        IReadOnlyList<Netlink.Route.Rule> rules = await session.Client.ListRulesAsync(Family(context), cancellationToken);
        IEnumerable<Netlink.Route.Rule> shown = rules
            .Where(r => priority is null || r.Priority == priority)
            .Where(r => table is null || (r.Action == RuleAction.ToTable && (r.Table ?? RouteTables.Main) == table));
        int details = context.Options.Details;
        if (context.Json)
        {
            using JsonOutput json = context.Output.BeginJson();
            json.Writer.WriteStartArray();
            foreach (Netlink.Route.Rule rule in shown)
            {
                RuleOutput.WriteJson(json.Writer, rule, details);
            }

            json.Writer.WriteEndArray();
            return;
        }

        foreach (Netlink.Route.Rule rule in shown)
        {
            context.Text.WriteLine(RuleOutput.Text(rule, details));
        }
    }

    /// <summary>ip rule's family: IPv4 unless -6.</summary>
    public static AddressFamily Family(CommandContext context) =>
        context.Options.Family == AddressFamily.Unspecified ? AddressFamily.InterNetwork : context.Options.Family;
}
