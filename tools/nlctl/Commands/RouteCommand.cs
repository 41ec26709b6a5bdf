using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Netlink;
using Netlink.Route;
using Nlctl.Cli;

namespace Nlctl.Commands;

/// <summary>
/// <c>nlctl route show|get|add|replace|append|del …</c>: iproute2's keyword syntax, text like
/// <c>ip route</c>, JSON like <c>ip -j route</c>.
/// </summary>
internal static class RouteCommand
{
    public static Command Create()
    {
        var arguments = new Argument<string[]>("arguments")
        {
            Description = "show [table T|all] [proto P] [dev D] [type T] [-4|-6] | get ADDR [from S] [iif D] [oif D] [mark M] [fibmatch] | "
                + "add|replace|append|del [TYPE] PREFIX|default [via GW] [dev D] [src S] [table T] [metric N] [proto P] [scope S] [onlink] "
                + "[mtu N] [advmss N] [hoplimit N] [window N] [initcwnd N] [initrwnd N] [nexthop via GW dev D weight W]...",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("route", "Show, look up and change routes (like ip route)") { arguments };
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

    /// <summary>Runs the command on already split tokens (also used by <see cref="ShowCommand"/>).</summary>
    internal static async Task RunAsync(CommandContext context, List<string> tokens, CancellationToken cancellationToken)
    {
        AddressFamily family = AddressFamily.Unspecified;
        if (tokens.Remove("-6"))
        {
            family = AddressFamily.InterNetworkV6;
        }

        if (tokens.Remove("-4"))
        {
            family = AddressFamily.InterNetwork;
        }

        string verb = tokens.Count == 0 ? "show" : tokens[0];
        var rest = new RouteTokens(tokens.Skip(tokens.Count == 0 ? 0 : 1).ToList());
        using NetworkNamespace? netns = context.OpenNamespace();
        await using RouteClient client = RouteClient.Open(netns);
        var names = new InterfaceNames(client);
        switch (verb)
        {
            case "show" or "list" or "lst" or "ls":
                await ShowAsync(context, client, names, rest, family, cancellationToken);
                break;
            case "get":
                await GetAsync(context, client, names, rest, cancellationToken);
                break;
            case "add":
                await client.AddRouteAsync(ParseRoute(rest, names, family, forDelete: false), cancellationToken);
                break;
            case "replace" or "change":
                await client.ReplaceRouteAsync(ParseRoute(rest, names, family, forDelete: false), cancellationToken);
                break;
            case "append":
                await client.AppendRouteAsync(ParseRoute(rest, names, family, forDelete: false), cancellationToken);
                break;
            case "del" or "delete":
                await client.DeleteRouteAsync(ParseRoute(rest, names, family, forDelete: true), cancellationToken);
                break;
            default:
                throw new UserErrorException($"unknown route command \"{verb}\" (show, get, add, replace, append, del)");
        }
    }

    private static async Task ShowAsync(CommandContext context, RouteClient client, InterfaceNames names, RouteTokens rest, AddressFamily family, CancellationToken cancellationToken)
    {
        var filter = new RouteFilter();
        bool tableGiven = false;
        while (!rest.AtEnd)
        {
            string keyword = rest.Next();
            switch (keyword)
            {
                case "table":
                    filter = filter with { Table = RouteTokens.ParseTable(rest.Value(keyword)) };
                    tableGiven = true;
                    break;
                case "proto" or "protocol":
                    filter = filter with { Protocol = RouteTokens.ParseProtocol(rest.Value(keyword)) };
                    break;
                case "dev" or "oif":
                    filter = filter with { OutputInterfaceIndex = names.Index(rest.Value(keyword)) };
                    break;
                case "type":
                    string typeText = rest.Value(keyword);
                    filter = filter with { Type = RouteTokens.TryParseType(typeText, out RouteType type) ? type : throw new UserErrorException($"unknown route type \"{typeText}\"") };
                    break;
                default:
                    throw new UserErrorException($"unknown route show argument \"{keyword}\"");
            }
        }

        // As ip: IPv4 unless -6, except that "table all" without a family shows every family.
        if (family == AddressFamily.Unspecified && !(tableGiven && filter.Table == RouteTables.All))
        {
            family = AddressFamily.InterNetwork;
        }

        filter = filter with { Family = family };
        var printer = new RoutePrinter(names)
        {
            ShowTable = filter.Table == RouteTables.All,
            ShowDevice = filter.OutputInterfaceIndex == 0,
            ShowProtocol = filter.Protocol == RouteProtocol.Unspecified,
        };

        // Printed as the dump arrives: a full table is never held in memory, as text or as objects.
        using RoutePrinter.Listing output = printer.Begin(context);
        NetlinkReplySummary summary = await client.ForEachRouteAsync(
            route =>
            {
                // The kernel also returns multipath routes with a hop on the device; ip shows only RTA_OIF matches.
                if (filter.OutputInterfaceIndex == 0 || route.OutputInterfaceIndex == filter.OutputInterfaceIndex)
                {
                    output.Add(route);
                }
            },
            filter,
            cancellationToken);
        if (summary.Interrupted)
        {
            // Already printed, so it cannot be retried silently: say so, as ip does ("Dump was interrupted").
            Console.Error.WriteLine("nlctl: the route table changed during the dump; the listing may be inconsistent");
        }
    }

    private static async Task GetAsync(CommandContext context, RouteClient client, InterfaceNames names, RouteTokens rest, CancellationToken cancellationToken)
    {
        IPAddress? destination = null;
        var options = new RouteLookup();
        while (!rest.AtEnd)
        {
            string keyword = rest.Next();
            switch (keyword)
            {
                case "from":
                    options = options with { Source = RouteTokens.ParseAddress(rest.Value(keyword), keyword) };
                    break;
                case "iif":
                    options = options with { InputInterfaceIndex = names.Index(rest.Value(keyword)) };
                    break;
                case "oif" or "dev":
                    options = options with { OutputInterfaceIndex = names.Index(rest.Value(keyword)) };
                    break;
                case "mark":
                    options = options with { Mark = rest.UInt(keyword) };
                    break;
                case "fibmatch":
                    options = options with { FibMatch = true };
                    break;
                case "to":
                    destination = RouteTokens.ParseAddress(rest.Value(keyword), "destination");
                    break;
                default:
                    destination = destination is null ? RouteTokens.ParseAddress(keyword, "destination") : throw new UserErrorException($"unknown route get argument \"{keyword}\"");
                    break;
            }
        }

        if (destination is null)
        {
            throw new UserErrorException("route get needs a destination address");
        }

        Netlink.Route.Route route = await client.GetRouteAsync(destination, options, cancellationToken);
        new RoutePrinter(names) { ShowTable = route.Table != RouteTables.Main }.Print(context, [route]);
    }

    /// <summary>Parses the arguments of add/replace/append/del into a route (validated by the client).</summary>
    internal static Netlink.Route.Route ParseRoute(RouteTokens rest, InterfaceNames names, AddressFamily family, bool forDelete)
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
        var hops = new List<RouteNextHop>();
        while (!rest.AtEnd)
        {
            string keyword = rest.Next();
            switch (keyword)
            {
                case "to":
                    prefixText = rest.Value(keyword);
                    break;
                case "via":
                    string via = rest.Value(keyword);
                    if (via is "inet" or "inet6")
                    {
                        via = rest.Value(keyword);
                    }

                    gateway = RouteTokens.ParseAddress(via, "gateway");
                    break;
                case "dev" or "oif":
                    device = names.Index(rest.Value(keyword));
                    break;
                case "src":
                    preferredSource = RouteTokens.ParseAddress(rest.Value(keyword), "src");
                    break;
                case "table":
                    table = RouteTokens.ParseTable(rest.Value(keyword));
                    if (table == RouteTables.All)
                    {
                        throw new UserErrorException("\"table all\" only applies to show");
                    }

                    break;
                case "metric" or "priority" or "preference":
                    metric = rest.UInt(keyword);
                    break;
                case "proto" or "protocol":
                    protocol = RouteTokens.ParseProtocol(rest.Value(keyword));
                    break;
                case "scope":
                    scope = RouteTokens.ParseScope(rest.Value(keyword));
                    break;
                case "type":
                    string typeText = rest.Value(keyword);
                    type = RouteTokens.TryParseType(typeText, out RouteType parsedType) ? parsedType : throw new UserErrorException($"unknown route type \"{typeText}\"");
                    break;
                case "onlink":
                    flags |= RouteFlags.OnLink;
                    break;
                case "mtu":
                    metrics = metrics with { Mtu = rest.UInt(keyword) };
                    break;
                case "advmss":
                    metrics = metrics with { AdvertisedMss = rest.UInt(keyword) };
                    break;
                case "hoplimit":
                    metrics = metrics with { HopLimit = rest.UInt(keyword) };
                    break;
                case "window":
                    metrics = metrics with { Window = rest.UInt(keyword) };
                    break;
                case "initcwnd":
                    metrics = metrics with { InitialCongestionWindow = rest.UInt(keyword) };
                    break;
                case "initrwnd":
                    metrics = metrics with { InitialReceiveWindow = rest.UInt(keyword) };
                    break;
                case "nexthop":
                    hops.Add(ParseNextHop(rest, names));
                    break;
                default:
                    if (prefixText is null && type == RouteType.Unspecified && RouteTokens.TryParseType(keyword, out RouteType leading))
                    {
                        type = leading;
                    }
                    else if (prefixText is null)
                    {
                        prefixText = keyword;
                    }
                    else
                    {
                        throw new UserErrorException($"unknown route argument \"{keyword}\"");
                    }

                    break;
            }
        }

        if (prefixText is null)
        {
            throw new UserErrorException("a destination prefix (or \"default\") is required");
        }

        if (family == AddressFamily.Unspecified)
        {
            IPAddress? hint = gateway ?? hops.FirstOrDefault(h => h.Gateway is not null)?.Gateway;
            family = hint?.AddressFamily ?? AddressFamily.InterNetwork;
        }

        IPNetwork destination = IPPrefix.Parse(prefixText, family, "destination");

        // As ip route add: local/broadcast/anycast/nat routes go to the local table unless told otherwise.
        uint defaultTable = !forDelete && type is RouteType.Local or RouteType.Broadcast or RouteType.Anycast or RouteType.Nat ? RouteTables.Local : RouteTables.Main;
        return new Netlink.Route.Route
        {
            Destination = destination,
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

    private static RouteNextHop ParseNextHop(RouteTokens rest, InterfaceNames names)
    {
        IPAddress? gateway = null;
        int device = 0;
        int weight = 1;
        RouteFlags flags = RouteFlags.None;
        while (!rest.AtEnd)
        {
            switch (rest.Peek())
            {
                case "via":
                    rest.Next();
                    gateway = RouteTokens.ParseAddress(rest.Value("via"), "nexthop gateway");
                    break;
                case "dev":
                    rest.Next();
                    device = names.Index(rest.Value("dev"));
                    break;
                case "weight":
                    rest.Next();
                    uint w = rest.UInt("weight");
                    weight = w is >= 1 and <= 256 ? (int)w : throw new UserErrorException($"nexthop weight {w} is outside 1-256");
                    break;
                case "onlink":
                    rest.Next();
                    flags |= RouteFlags.OnLink;
                    break;
                default:
                    return new RouteNextHop(gateway, device, weight, flags);
            }
        }

        return new RouteNextHop(gateway, device, weight, flags);
    }
}

/// <summary>Prints routes as <c>ip route</c> (text) and <c>ip -j route</c> (JSON) do.</summary>
internal sealed class RoutePrinter(InterfaceNames names)
{
    private static readonly (RouteFlags Flag, string Name)[] FlagNames =
    [
        (RouteFlags.Dead, "dead"), (RouteFlags.OnLink, "onlink"), (RouteFlags.Pervasive, "pervasive"), (RouteFlags.Offload, "offload"),
        (RouteFlags.Trap, "trap"), (RouteFlags.Notify, "notify"), (RouteFlags.LinkDown, "linkdown"), (RouteFlags.Unresolved, "unresolved"),
        (RouteFlags.RouteOffload, "rt_offload"), (RouteFlags.RouteTrap, "rt_trap"), (RouteFlags.RouteOffloadFailed, "rt_offload_failed"),
    ];

    /// <summary>Print the table of routes outside main (ip does so for "table all").</summary>
    public bool ShowTable { get; init; }

    /// <summary>Print the device (ip omits it when filtering by device).</summary>
    public bool ShowDevice { get; init; } = true;

    /// <summary>Print the protocol (ip omits it when filtering by protocol).</summary>
    public bool ShowProtocol { get; init; } = true;

    public void Print(CommandContext context, IReadOnlyList<Netlink.Route.Route> routes)
    {
        using Listing output = Begin(context);
        foreach (Netlink.Route.Route route in routes)
        {
            output.Add(route);
        }
    }

    /// <summary>Starts printing routes one by one (a JSON array or text lines); dispose to finish.</summary>
    public Listing Begin(CommandContext context) => new(this, context);

    /// <summary>Routes printed as they come: text lines, or the elements of one JSON array.</summary>
    internal sealed class Listing : IDisposable
    {
        private readonly RoutePrinter _printer;
        private readonly CommandContext _context;
        private readonly JsonOutput? _json;

        public Listing(RoutePrinter printer, CommandContext context)
        {
            _printer = printer;
            _context = context;
            if (context.Json)
            {
                _json = new JsonOutput(context);
                _json.Writer.WriteStartArray();
            }
        }

        public void Add(Netlink.Route.Route route)
        {
            if (_json is null)
            {
                _context.Output.WriteLine(_printer.Text(route));
                return;
            }

            _printer.WriteJson(_json.Writer, route);
            _json.FlushIfLarge();
        }

        public void Dispose()
        {
            if (_json is not null)
            {
                _json.Writer.WriteEndArray();
                _json.Dispose();
            }
            else
            {
                _context.Output.Flush();
            }
        }
    }

    /// <summary>One route as <c>ip route</c> prints it (multipath hops on tab-indented lines).</summary>
    public string Text(Netlink.Route.Route route)
    {
        var text = new StringBuilder();
        if (route.Type != RouteType.Unicast)
        {
            text.Append(RouteTokens.TypeName(route.Type)).Append(' ');
        }

        text.Append(IPPrefix.Format(route.Destination));
        if (route.Source is { PrefixLength: > 0 } source)
        {
            text.Append(" from ").Append(IPPrefix.Format(source));
        }

        if (route.Gateway is not null)
        {
            text.Append(" via ").Append(route.Gateway);
        }

        if (route.OutputInterfaceIndex != 0 && ShowDevice)
        {
            text.Append(" dev ").Append(names.Name(route.OutputInterfaceIndex));
        }

        if (ShowTable && route.Table != RouteTables.Main)
        {
            text.Append(" table ").Append(RouteTokens.TableName(route.Table));
        }

        if (HasProtocol(route))
        {
            text.Append(" proto ").Append(RouteTokens.ProtocolName(route.Protocol));
        }

        if (route.Scope is { } scope && scope != RouteScope.Universe)
        {
            text.Append(" scope ").Append(RouteTokens.ScopeName(scope));
        }

        if (route.PreferredSource is not null)
        {
            text.Append(" src ").Append(route.PreferredSource);
        }

        if (HasMetric(route))
        {
            text.Append(" metric ").Append(route.Priority.ToString(CultureInfo.InvariantCulture));
        }

        foreach (string flag in Flags(route.Flags))
        {
            text.Append(' ').Append(flag);
        }

        foreach ((string name, uint value) in Metrics(route.Metrics))
        {
            text.Append(' ').Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture));
        }

        if (route.Preference is { } preference)
        {
            text.Append(" pref ").Append(PreferenceName(preference));
        }

        foreach (RouteNextHop hop in route.NextHops)
        {
            text.Append("\n\tnexthop");
            if (hop.Gateway is not null)
            {
                text.Append(" via ").Append(hop.Gateway);
            }

            if (hop.InterfaceIndex != 0)
            {
                text.Append(" dev ").Append(names.Name(hop.InterfaceIndex));
            }

            text.Append(" weight ").Append(hop.Weight.ToString(CultureInfo.InvariantCulture));
            foreach (string flag in Flags(hop.Flags))
            {
                text.Append(' ').Append(flag);
            }
        }

        return text.ToString();
    }

    /// <summary>One route as an element of <c>ip -j route</c>.</summary>
    public void WriteJson(Utf8JsonWriter json, Netlink.Route.Route route)
    {
        json.WriteStartObject();
        if (route.Type != RouteType.Unicast)
        {
            json.WriteString("type", RouteTokens.TypeName(route.Type));
        }

        WritePrefix(json, JsonNames.Dst, route.Destination);
        if (route.Source is { PrefixLength: > 0 } source)
        {
            json.WriteString("from", IPPrefix.Format(source));
        }

        if (route.Gateway is not null)
        {
            WriteAddress(json, JsonNames.Gateway, route.Gateway);
        }

        if (route.OutputInterfaceIndex != 0 && ShowDevice)
        {
            json.WriteString(JsonNames.Dev, names.EncodedName(route.OutputInterfaceIndex));
        }

        if (ShowTable && route.Table != RouteTables.Main)
        {
            json.WriteString("table", RouteTokens.TableName(route.Table));
        }

        if (HasProtocol(route))
        {
            json.WriteString("protocol", RouteTokens.ProtocolName(route.Protocol));
        }

        if (route.Scope is { } scope && scope != RouteScope.Universe)
        {
            json.WriteString("scope", RouteTokens.ScopeName(scope));
        }

        if (route.PreferredSource is not null)
        {
            WriteAddress(json, JsonNames.Prefsrc, route.PreferredSource);
        }

        if (HasMetric(route))
        {
            json.WriteNumber("metric", route.Priority);
        }

        WriteFlags(json, route.Flags);

        if (route.Metrics is not null && !route.Metrics.IsEmpty)
        {
            json.WriteStartArray("metrics");
            json.WriteStartObject();
            foreach ((string name, uint value) in Metrics(route.Metrics))
            {
                json.WriteNumber(name, value);
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (route.Preference is { } preference)
        {
            json.WriteString("pref", PreferenceName(preference));
        }

        if (route.NextHops.Count > 0)
        {
            json.WriteStartArray("nexthops");
            foreach (RouteNextHop hop in route.NextHops)
            {
                json.WriteStartObject();
                if (hop.Gateway is not null)
                {
                    WriteAddress(json, JsonNames.Gateway, hop.Gateway);
                }

                if (hop.InterfaceIndex != 0)
                {
                    json.WriteString("dev", names.Name(hop.InterfaceIndex));
                }

                json.WriteNumber("weight", hop.Weight);
                WriteFlags(json, hop.Flags);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private bool HasProtocol(Netlink.Route.Route route) =>
        ShowProtocol && route.Protocol is not (RouteProtocol.Unspecified or RouteProtocol.Boot);

    /// <summary>The kernel sends RTA_PRIORITY for every IPv6 route but only non-zero metrics for IPv4.</summary>
    private static bool HasMetric(Netlink.Route.Route route) =>
        route.Priority != 0 || route.Family == AddressFamily.InterNetworkV6;

    private static string PreferenceName(RoutePreference preference) => preference switch
    {
        RoutePreference.Medium => "medium",
        RoutePreference.High => "high",
        RoutePreference.Low => "low",
        _ => ((byte)preference).ToString(CultureInfo.InvariantCulture),
    };

    private static IEnumerable<string> Flags(RouteFlags flags) =>
        FlagNames.Where(f => (flags & f.Flag) != 0).Select(f => f.Name);

    /// <summary>
    /// Writes an address as a JSON string, formatted straight to UTF-8 between quotes and written raw:
    /// address text is plain ASCII that never needs escaping, and a table holds 100,000 of them.
    /// </summary>
    private static void WriteAddress(Utf8JsonWriter json, JsonEncodedText name, IPAddress address)
    {
        Span<byte> quoted = stackalloc byte[66];
        if (address.TryFormat(quoted[1..^1], out int written))
        {
            WriteQuotedRaw(json, name, quoted, written);
        }
        else
        {
            json.WriteString(name, address.ToString());
        }
    }

    /// <summary>Writes a prefix as ip does (<see cref="IPPrefix.Format"/>), raw as <see cref="WriteAddress"/>.</summary>
    private static void WritePrefix(Utf8JsonWriter json, JsonEncodedText name, IPNetwork prefix)
    {
        Span<byte> quoted = stackalloc byte[82];
        if (IPPrefix.TryFormat(prefix, quoted[1..^1], out int written))
        {
            WriteQuotedRaw(json, name, quoted, written);
        }
        else
        {
            json.WriteString(name, IPPrefix.Format(prefix));
        }
    }

    /// <summary>Writes <paramref name="written"/> ASCII bytes, already placed at quoted[1..], as a JSON string value.</summary>
    private static void WriteQuotedRaw(Utf8JsonWriter json, JsonEncodedText name, Span<byte> quoted, int written)
    {
        quoted[0] = (byte)'"';
        quoted[written + 1] = (byte)'"';
        json.WritePropertyName(name);
        json.WriteRawValue(quoted[..(written + 2)], skipInputValidation: true);
    }

    private static void WriteFlags(Utf8JsonWriter json, RouteFlags flags)
    {
        json.WriteStartArray(JsonNames.Flags);
        if (flags != RouteFlags.None)
        {
            foreach ((RouteFlags flag, string name) in FlagNames)
            {
                if ((flags & flag) != 0)
                {
                    json.WriteStringValue(name);
                }
            }
        }

        json.WriteEndArray();
    }

    private static IEnumerable<(string Name, uint Value)> Metrics(RouteMetrics? m)
    {
        if (m is null)
        {
            yield break;
        }

        (string, uint?)[] all =
        [
            ("mtu", m.Mtu), ("window", m.Window), ("rtt", m.Rtt), ("rttvar", m.RttVariance), ("ssthresh", m.SlowStartThreshold),
            ("cwnd", m.CongestionWindow), ("advmss", m.AdvertisedMss), ("reordering", m.Reordering), ("hoplimit", m.HopLimit),
            ("initcwnd", m.InitialCongestionWindow), ("features", m.Features), ("rto_min", m.RtoMin), ("initrwnd", m.InitialReceiveWindow),
            ("quickack", m.QuickAck), ("fastopen_no_cookie", m.FastOpenNoCookie),
        ];
        foreach ((string name, uint? value) in all)
        {
            if (value is { } v)
            {
                yield return (name, v);
            }
        }
    }
}

/// <summary>The property names of route JSON, encoded once (every route writes several).</summary>
internal static class JsonNames
{
    public static readonly JsonEncodedText Dst = JsonEncodedText.Encode("dst");
    public static readonly JsonEncodedText Gateway = JsonEncodedText.Encode("gateway");
    public static readonly JsonEncodedText Prefsrc = JsonEncodedText.Encode("prefsrc");
    public static readonly JsonEncodedText Dev = JsonEncodedText.Encode("dev");
    public static readonly JsonEncodedText Flags = JsonEncodedText.Encode("flags");
}
