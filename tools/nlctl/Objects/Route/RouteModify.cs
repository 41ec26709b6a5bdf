using System.Net;
using System.Net.Sockets;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Cli;

namespace Nlctl.Objects.Route;

/// <summary>
/// <c>nlctl route add|change|replace|append|del [TYPE] PREFIX [via GW] [dev D] [src S] [table T]
/// [metric N] [proto P] [scope S] [onlink] [METRICS] [nexthop via GW dev D weight W]...</c>.
/// </summary>
internal static class RouteModify
{
    public static Task AddAsync(CommandContext context, Args args, CancellationToken cancellationToken) =>
        RunAsync(context, args, forDelete: false, (client, route) => client.AddRouteAsync(route, cancellationToken));

    public static Task ReplaceAsync(CommandContext context, Args args, CancellationToken cancellationToken) =>
        RunAsync(context, args, forDelete: false, (client, route) => client.ReplaceRouteAsync(route, cancellationToken));

    public static Task AppendAsync(CommandContext context, Args args, CancellationToken cancellationToken) =>
        RunAsync(context, args, forDelete: false, (client, route) => client.AppendRouteAsync(route, cancellationToken));

    public static Task DeleteAsync(CommandContext context, Args args, CancellationToken cancellationToken) =>
        RunAsync(context, args, forDelete: true, (client, route) => client.DeleteRouteAsync(route, cancellationToken));

    private static async Task RunAsync(CommandContext context, Args args, bool forDelete, Func<RouteClient, Netlink.Route.Route, Task> send)
    {
        if (args.AtEnd)
        {
            throw new UsageException("Not enough information: a destination prefix (or \"default\") is required.");
        }

        await using RouteSession session = context.OpenRoute();
        await send(session.Client, Parse(args, session.Names, context.Options.Family, forDelete));
    }

    /// <summary>Reads the words into a route (the client validates the rest before sending).</summary>
    internal static Netlink.Route.Route Parse(Args args, LinkNameCache names, AddressFamily family, bool forDelete)
    {
        RouteType type = RouteType.Unspecified;
        string? prefixText = null;
        IPAddress? gateway = null;
        IPAddress? preferredSource = null;
        int device = 0;
        uint? table = null;
        uint metric = 0;
        RouteProtocol protocol = RouteProtocol.Unspecified;
        RouteScope? scope = null;
        RouteFlags flags = RouteFlags.None;
        var metrics = new RouteMetrics();
        uint locked = 0;
        var hops = new List<RouteNextHop>();
        while (!args.AtEnd)
        {
            string word = args.Next();
            switch (word)
            {
                case "to":
                    prefixText = args.Value(word);
                    break;
                case "via":
                    string via = args.Value(word);
                    if (via is "inet" or "inet6")
                    {
                        via = args.Value(word);
                    }

                    gateway = Args.ParseAddress(via, family);
                    break;
                case "dev" or "oif":
                    device = names.Index(args.Value(word));
                    break;
                case "src":
                    preferredSource = Args.ParseAddress(args.Value(word), family);
                    break;
                case "table":
                    string tableText = args.Value(word);
                    table = RouteTableNames.TryParse(tableText, out uint id) && id != RouteTables.All ? id : throw UsageException.Invalid(tableText, "\"table\" value is invalid");
                    break;
                case "metric" or "priority" or "preference":
                    metric = args.UInt32(word);
                    break;
                case "proto" or "protocol":
                    string protocolText = args.Value(word);
                    protocol = RouteProtocolNames.TryParse(protocolText, out RouteProtocol p) ? p : throw UsageException.Invalid(protocolText, "\"protocol\" value is invalid");
                    break;
                case "scope":
                    string scopeText = args.Value(word);
                    scope = RouteScopeNames.TryParse(scopeText, out RouteScope s) ? s : throw UsageException.Invalid(scopeText, "invalid \"scope\" value");
                    break;
                case "type":
                    string typeText = args.Value(word);
                    type = RouteTypeNames.TryParse(typeText, out RouteType t) ? t : throw UsageException.Invalid(typeText, "invalid \"type\" value");
                    break;
                case "onlink":
                    flags |= RouteFlags.OnLink;
                    break;
                case "mtu" or "advmss" or "hoplimit" or "window" or "initcwnd" or "initrwnd" or "reordering" or "ssthresh" or "cwnd" or "quickack" or "fastopen_no_cookie":
                    metrics = Metric(metrics, word, args, ref locked);
                    break;
                case "nexthop":
                    hops.Add(ParseNextHop(args, names, family));
                    break;
                default:
                    if (prefixText is null && type == RouteType.Unspecified && RouteTypeNames.TryParse(word, out RouteType leading))
                    {
                        type = leading;
                    }
                    else if (prefixText is null)
                    {
                        prefixText = word;
                    }
                    else
                    {
                        throw UsageException.Duplicate("to", word);
                    }

                    break;
            }
        }

        if (prefixText is null)
        {
            throw new UsageException("Not enough information: a destination prefix (or \"default\") is required.");
        }

        if (family == AddressFamily.Unspecified)
        {
            IPAddress? hint = gateway ?? hops.FirstOrDefault(h => h.Gateway is not null)?.Gateway ?? preferredSource;
            family = hint?.AddressFamily ?? (prefixText.Contains(':', StringComparison.Ordinal) ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork);
        }

        (IPAddress address, int length) = Args.ParsePrefix(prefixText, family);
        if (IPPrefix.HasHostBits(address, length))
        {
            // The kernel refuses it in these words; say so before sending anything.
            throw new UsageException("Error: Invalid prefix for given prefix length.");
        }

        // As ip route add: local/broadcast/anycast/nat routes go to the local table unless told otherwise.
        uint defaultTable = !forDelete && type is RouteType.Local or RouteType.Broadcast or RouteType.Anycast or RouteType.Nat ? RouteTables.Local : RouteTables.Main;
        if (locked != 0)
        {
            metrics = metrics with { Lock = locked };
        }

        return new Netlink.Route.Route
        {
            Destination = new IPNetwork(address, length),
            Gateway = gateway,
            OutputInterfaceIndex = device,
            PreferredSource = preferredSource,
            Table = table ?? defaultTable,
            Priority = metric,
            Protocol = protocol,
            Scope = scope,
            Type = type,
            Flags = flags,
            Metrics = metrics.IsEmpty ? null : metrics,
            NextHops = hops,
        };
    }

    /// <summary>A metric value, with ip's optional <c>lock</c> before it (<c>mtu lock 1300</c>).</summary>
    private static RouteMetrics Metric(RouteMetrics metrics, string name, Args args, ref uint locked)
    {
        bool isLocked = args.Take("lock");
        uint value = args.UInt32(name);
        RouteMetrics updated = name switch
        {
            "mtu" => metrics with { Mtu = value },
            "window" => metrics with { Window = value },
            "ssthresh" => metrics with { SlowStartThreshold = value },
            "cwnd" => metrics with { CongestionWindow = value },
            "advmss" => metrics with { AdvertisedMss = value },
            "reordering" => metrics with { Reordering = value },
            "hoplimit" => metrics with { HopLimit = value },
            "initcwnd" => metrics with { InitialCongestionWindow = value },
            "initrwnd" => metrics with { InitialReceiveWindow = value },
            "quickack" => metrics with { QuickAck = value },
            _ => metrics with { FastOpenNoCookie = value },
        };
        if (isLocked)
        {
            locked |= 1u << RouteMetricNames.IndexOf(name);
        }

        return updated;
    }

    private static RouteNextHop ParseNextHop(Args args, LinkNameCache names, AddressFamily family)
    {
        IPAddress? gateway = null;
        int device = 0;
        int weight = 1;
        RouteFlags flags = RouteFlags.None;
        while (!args.AtEnd)
        {
            switch (args.Peek())
            {
                case "via":
                    args.Next();
                    gateway = Args.ParseAddress(args.Value("via"), family);
                    break;
                case "dev":
                    args.Next();
                    device = names.Index(args.Value("dev"));
                    break;
                case "weight":
                    args.Next();
                    string text = args.Value("weight");
                    weight = Iproute2Number.TryParseUInt32(text, out uint w) && w is >= 1 and <= 256 ? (int)w : throw UsageException.Invalid(text, "\"weight\" is invalid");
                    break;
                case "onlink":
                    args.Next();
                    flags |= RouteFlags.OnLink;
                    break;
                default:
                    return new RouteNextHop(gateway, device, weight, flags);
            }
        }

        return new RouteNextHop(gateway, device, weight, flags);
    }
}
