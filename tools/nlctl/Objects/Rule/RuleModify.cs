using System.Net;
using System.Net.Sockets;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Cli;

namespace Nlctl.Objects.Rule;

/// <summary>
/// <c>nlctl rule add|del [not] [from PREFIX] [to PREFIX] [tos TOS] [fwmark MARK[/MASK]] [iif DEV]
/// [oif DEV] [pref N] [uidrange A-B] [ipproto P] [sport N[-M]] [dport N[-M]] [ACTION]
/// [suppress_prefixlength N] [suppress_ifgroup G] [protocol P]</c>, and <c>flush</c>.
/// </summary>
internal static class RuleModify
{
    public static async Task AddAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        if (args.AtEnd)
        {
            throw new UsageException("\"ip rule add\" requires arguments.");
        }

        Netlink.Route.Rule rule = Parse(args, context.Options.Family);
        await using RouteSession session = context.OpenRoute();
        await session.Client.AddRuleAsync(rule, cancellationToken);
    }

    public static async Task DeleteAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        if (args.AtEnd)
        {
            throw new UsageException("\"ip rule del\" requires arguments.");
        }

        Netlink.Route.Rule rule = Parse(args, context.Options.Family);
        await using RouteSession session = context.OpenRoute();
        await session.Client.DeleteRuleAsync(rule, cancellationToken);
    }

    /// <summary>Deletes every rule of the family but priority 0's (the local table's), as ip rule flush does.</summary>
    public static async Task FlushAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        if (!args.AtEnd)
        {
            throw UsageException.Garbage(args.Next(), "rule");
        }

        await using RouteSession session = context.OpenRoute();
        foreach (Netlink.Route.Rule rule in await session.Client.ListRulesAsync(RuleShow.Family(context), cancellationToken))
        {
            if (rule.Priority is > 0)
            {
                await session.Client.DeleteRuleAsync(rule, cancellationToken);
            }
        }
    }

    /// <summary>Reads the words into a rule; the family is -4/-6's, else the prefixes', else IPv4.</summary>
    internal static Netlink.Route.Rule Parse(Args args, AddressFamily family)
    {
        var rule = new Netlink.Route.Rule { Family = family };
        while (!args.AtEnd)
        {
            string word = args.Next();
            rule = word switch
            {
                "not" => rule with { Invert = true },
                "from" => rule with { Source = Prefix(args.Value(word), family) },
                "to" => rule with { Destination = Prefix(args.Value(word), family) },
                "tos" or "dsfield" => rule with { Tos = (byte)args.UInt32(word, byte.MaxValue) },
                "fwmark" => WithMark(rule, args.Value(word)),
                "iif" or "dev" => rule with { InputInterface = args.Value(word) },
                "oif" => rule with { OutputInterface = args.Value(word) },
                "pref" or "priority" or "order" => rule with { Priority = args.UInt32(word) },
                "uidrange" => WithUids(rule, args.Value(word)),
                "ipproto" => rule with { IpProtocol = IpProtocol(args.Value(word)) },
                "sport" => rule with { SourcePorts = Ports(args.Value(word), word) },
                "dport" => rule with { DestinationPorts = Ports(args.Value(word), word) },
                "table" or "lookup" => rule with { Action = RuleAction.ToTable, Table = Table(args.Value(word)) },
                "goto" => rule with { Action = RuleAction.Goto, GotoPriority = args.UInt32(word) },
                "suppress_prefixlength" or "sup_pl" => rule with { SuppressPrefixLength = (int)args.UInt32(word, 128) },
                "suppress_ifgroup" or "sup_group" => rule with { SuppressInterfaceGroup = (int)args.UInt32(word, int.MaxValue) },
                "protocol" or "proto" => rule with { Protocol = Protocol(args.Value(word)) },
                "type" => rule with { Action = Action(args.Value(word)) },
                _ => rule with { Action = Action(word) },
            };
        }

        return rule;
    }

    private static IPNetwork Prefix(string text, AddressFamily family)
    {
        (IPAddress address, int length) = Args.ParsePrefix(text, family);
        return IPPrefix.HasHostBits(address, length) ? throw new UsageException($"Error: \"{text}\" has bits set beyond its prefix length.") : new IPNetwork(address, length);
    }

    private static Netlink.Route.Rule WithMark(Netlink.Route.Rule rule, string text)
    {
        string[] parts = text.Split('/', 2);
        if (!Iproute2Number.TryParseUInt32(parts[0], out uint mark) || (parts.Length == 2 && !Iproute2Number.TryParseUInt32(parts[1], out _)))
        {
            throw UsageException.Invalid(text, "fwmark value is invalid");
        }

        uint? mask = parts.Length == 2 && Iproute2Number.TryParseUInt32(parts[1], out uint m) ? m : null;
        return rule with { FirewallMark = mark, FirewallMask = mask };
    }

    private static Netlink.Route.Rule WithUids(Netlink.Route.Rule rule, string text)
    {
        string[] parts = text.Split('-', 2);
        return parts.Length == 2 && Iproute2Number.TryParseUInt32(parts[0], out uint start) && Iproute2Number.TryParseUInt32(parts[1], out uint end)
            ? rule with { UidRange = new UidRange(start, end) }
            : throw UsageException.Invalid(text, "invalid UID range");
    }

    private static PortRange Ports(string text, string keyword)
    {
        string[] parts = text.Split('-', 2);
        if (Iproute2Number.TryParseUInt32(parts[0], out uint start) && start <= ushort.MaxValue)
        {
            if (parts.Length == 1)
            {
                return new PortRange((ushort)start, (ushort)start);
            }

            if (Iproute2Number.TryParseUInt32(parts[1], out uint end) && end <= ushort.MaxValue)
            {
                return new PortRange((ushort)start, (ushort)end);
            }
        }

        throw UsageException.Invalid(text, $"invalid \"{keyword}\"");
    }

    private static byte IpProtocol(string text) =>
        IpProtocolNames.TryParse(text, out byte protocol) ? protocol : throw UsageException.Invalid(text, "Invalid \"ipproto\"");

    private static uint Table(string text) =>
        RouteTableNames.TryParse(text, out uint table) && table != RouteTables.All ? table : throw UsageException.Invalid(text, "invalid table ID");

    private static RouteProtocol Protocol(string text) =>
        RouteProtocolNames.TryParse(text, out RouteProtocol protocol) ? protocol : throw UsageException.Invalid(text, "invalid \"protocol\"");

    private static RuleAction Action(string text) =>
        RuleActionNames.TryParse(text, out RuleAction action) ? action : throw UsageException.Garbage(text, "rule");
}
