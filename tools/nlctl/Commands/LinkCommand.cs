using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Text;
using System.Text.Json;
using Netlink;
using Netlink.Route;
using Nlctl.Cli;

namespace Nlctl.Commands;

/// <summary>
/// <c>nlctl link show|add|set|del …</c>: iproute2's keyword syntax, text like <c>ip link</c>,
/// JSON like <c>ip -j link</c>.
/// </summary>
internal static class LinkCommand
{
    public static Command Create()
    {
        var arguments = new Argument<string[]>("arguments")
        {
            Description = "show [dev] [DEV] [type KIND] [master DEV] | "
                + "add [name] NAME [mtu N] [address MAC] [txqlen N] [master DEV] [link DEV] type veth [peer name P [netns NS] [mtu N] [address MAC]] "
                + "| type bridge [stp_state 0|1] [forward_delay CS] [hello_time CS] [max_age CS] [ageing_time CS] [priority N] [vlan_filtering 0|1] "
                + "| type macvlan mode private|vepa|bridge|passthru|source | type vxlan id N [remote|group IP] [local IP] [dstport N] [dev DEV] [[no]learning] [ttl N] [tos N] [ageing S] [srcport LOW HIGH] [[no]udpcsum] "
                + "| set [dev] DEV [up|down] [mtu N] [name X] [address MAC] [txqlen N] [alias X] [master DEV|nomaster] [netns NS|PID] | del [dev] DEV",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("link", "Show, create, change and delete network interfaces (like ip link)") { arguments };
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
        string verb = tokens.Count == 0 ? "show" : tokens[0];
        var rest = new IpTokens(tokens.Skip(1).ToList());
        using NetworkNamespace? netns = context.OpenNamespace();
        await using RouteClient client = RouteClient.Open(netns);
        switch (verb)
        {
            case "show" or "list" or "lst" or "ls":
                await ShowAsync(context, client, rest, cancellationToken);
                break;
            case "add":
                await AddAsync(client, rest, cancellationToken);
                break;
            case "set" or "change":
                await SetAsync(client, rest, cancellationToken);
                break;
            case "del" or "delete":
                rest.SkipKeyword("dev");
                string name = rest.Value("del");
                rest.ExpectEnd();
                await client.DeleteLinkAsync(name, cancellationToken);
                break;
            default:
                throw new UserErrorException($"unknown link command \"{verb}\" (show, add, set, del)");
        }
    }

    private static async Task ShowAsync(CommandContext context, RouteClient client, IpTokens rest, CancellationToken cancellationToken)
    {
        string? device = null;
        string? kind = null;
        string? master = null;
        while (!rest.AtEnd)
        {
            string token = rest.Next();
            switch (token)
            {
                case "dev":
                    device = rest.Value(token);
                    break;
                case "type":
                    kind = rest.Value(token);
                    break;
                case "master":
                    master = rest.Value(token);
                    break;
                default:
                    device = device is null ? token : throw new UserErrorException($"unexpected \"{token}\" after device \"{device}\"");
                    break;
            }
        }

        IReadOnlyList<Link> all = await client.ListLinksAsync(cancellationToken: cancellationToken);
        var byIndex = all.ToDictionary(l => l.Index);
        int? masterIndex = master is null ? null : LinkOutput.IndexOf(all, master);
        IEnumerable<Link> shown = device is not null
            ? [all.FirstOrDefault(l => l.Name == device) ?? throw new UserErrorException($"Device \"{device}\" does not exist.")]
            : kind is not null || masterIndex is not null
                ? await client.ListLinksAsync(new LinkFilter { Kind = kind, MasterIndex = masterIndex }, cancellationToken)
                : all;

        if (context.Json)
        {
            context.Output.WriteLine(LinkOutput.Json(writer =>
            {
                writer.WriteStartArray();
                foreach (Link link in shown)
                {
                    writer.WriteStartObject();
                    LinkOutput.WriteJsonFields(writer, link, byIndex, includeLinkMode: true);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }));
            return;
        }

        foreach (Link link in shown)
        {
            context.Output.WriteLine(LinkOutput.HeaderLine(link, byIndex, includeLinkMode: true));
            context.Output.WriteLine(LinkOutput.LinkLayerLine(link));
            if (link.Alias is { } alias)
            {
                context.Output.WriteLine($"    alias {alias}");
            }
        }
    }

    private static async Task AddAsync(RouteClient client, IpTokens rest, CancellationToken cancellationToken)
    {
        string? name = null;
        uint? mtu = null;
        PhysicalAddress? address = null;
        uint? txqlen = null;
        int? masterIndex = null;
        int? parentIndex = null;
        IReadOnlyList<Link> links = await client.ListLinksAsync(cancellationToken: cancellationToken);
        while (!rest.AtEnd && rest.Peek() != "type")
        {
            string token = rest.Next();
            switch (token)
            {
                case "name" or "dev":
                    name = rest.Value(token);
                    break;
                case "mtu":
                    mtu = rest.UInt(token);
                    break;
                case "address":
                    address = IpTokens.Mac(rest.Value(token));
                    break;
                case "txqlen" or "qlen" or "txqueuelen":
                    txqlen = rest.UInt(token);
                    break;
                case "master":
                    masterIndex = LinkOutput.IndexOf(links, rest.Value(token));
                    break;
                case "link":
                    parentIndex = LinkOutput.IndexOf(links, rest.Value(token));
                    break;
                default:
                    name = name is null ? token : throw new UserErrorException($"unexpected \"{token}\" (the name is \"{name}\")");
                    break;
            }
        }

        if (name is null)
        {
            throw new UserErrorException("link add needs a name");
        }

        if (rest.AtEnd)
        {
            throw new UserErrorException("link add needs \"type KIND\"");
        }

        rest.Next();
        string kind = rest.Value("type");
        var owned = new List<NetworkNamespace>();
        try
        {
            LinkSpec spec = kind switch
            {
                "veth" => ParseVeth(name, rest, owned),
                "bridge" => ParseBridge(name, rest),
                "macvlan" => ParseMacvlan(name, parentIndex, rest),
                "vxlan" => ParseVxlan(name, rest, links),
                _ => new GenericLinkSpec(name, kind),
            };
            rest.ExpectEnd();
            spec = spec with { Mtu = mtu, Address = address, TxQueueLength = txqlen, MasterIndex = masterIndex };
            if (spec is not MacvlanSpec && parentIndex is not null)
            {
                spec = spec with { ParentIndex = parentIndex };
            }

            await client.AddLinkAsync(spec, cancellationToken);
        }
        finally
        {
            owned.ForEach(n => n.Dispose());
        }
    }

    private static VethSpec ParseVeth(string name, IpTokens rest, List<NetworkNamespace> owned)
    {
        if (rest.AtEnd)
        {
            throw new UserErrorException("type veth needs \"peer name P\"");
        }

        rest.Expect("peer");
        string? peer = null;
        NetworkNamespace? peerNamespace = null;
        int? peerPid = null;
        uint? peerMtu = null;
        PhysicalAddress? peerAddress = null;
        while (!rest.AtEnd)
        {
            string token = rest.Next();
            switch (token)
            {
                case "name":
                    peer = rest.Value(token);
                    break;
                case "netns":
                    (peerNamespace, peerPid) = IpTokens.Namespace(rest.Value(token));
                    if (peerNamespace is not null)
                    {
                        owned.Add(peerNamespace);
                    }

                    break;
                case "mtu":
                    peerMtu = rest.UInt(token);
                    break;
                case "address":
                    peerAddress = IpTokens.Mac(rest.Value(token));
                    break;
                default:
                    throw new UserErrorException($"unknown veth peer option \"{token}\" (name, netns, mtu, address)");
            }
        }

        return new VethSpec(name, peer ?? throw new UserErrorException("type veth needs \"peer name P\""))
        {
            PeerNamespace = peerNamespace,
            PeerNamespacePid = peerPid,
            PeerMtu = peerMtu,
            PeerAddress = peerAddress,
        };
    }

    private static BridgeSpec ParseBridge(string name, IpTokens rest)
    {
        var spec = new BridgeSpec(name);
        while (!rest.AtEnd)
        {
            string token = rest.Next();
            spec = token switch
            {
                "stp_state" => spec with { Stp = rest.UInt(token) != 0 },
                "forward_delay" => spec with { ForwardDelay = IpTokens.Centiseconds(rest.UInt(token)) },
                "hello_time" => spec with { HelloTime = IpTokens.Centiseconds(rest.UInt(token)) },
                "max_age" => spec with { MaxAge = IpTokens.Centiseconds(rest.UInt(token)) },
                "ageing_time" => spec with { AgeingTime = IpTokens.Centiseconds(rest.UInt(token)) },
                "priority" => spec with { Priority = checked((ushort)rest.UInt(token)) },
                "vlan_filtering" => spec with { VlanFiltering = rest.UInt(token) != 0 },
                "vlan_default_pvid" => spec with { VlanDefaultPvid = checked((ushort)rest.UInt(token)) },
                _ => throw new UserErrorException($"unknown bridge option \"{token}\""),
            };
        }

        return spec;
    }

    private static MacvlanSpec ParseMacvlan(string name, int? parentIndex, IpTokens rest)
    {
        MacvlanMode mode = MacvlanMode.Vepa;
        while (!rest.AtEnd)
        {
            string token = rest.Next();
            if (token != "mode")
            {
                throw new UserErrorException($"unknown macvlan option \"{token}\" (mode)");
            }

            string value = rest.Value(token);
            mode = value switch
            {
                "private" => MacvlanMode.Private,
                "vepa" => MacvlanMode.Vepa,
                "bridge" => MacvlanMode.Bridge,
                "passthru" => MacvlanMode.Passthru,
                "source" => MacvlanMode.Source,
                _ => throw new UserErrorException($"unknown macvlan mode \"{value}\" (private, vepa, bridge, passthru, source)"),
            };
        }

        return new MacvlanSpec(name, parentIndex ?? throw new UserErrorException("type macvlan needs \"link DEV\" before \"type\""), mode);
    }

    private static VxlanSpec ParseVxlan(string name, IpTokens rest, IReadOnlyList<Link> links)
    {
        uint? id = null;
        var spec = new VxlanSpec(name, 0);
        while (!rest.AtEnd)
        {
            string token = rest.Next();
            switch (token)
            {
                case "id" or "vni":
                    id = rest.UInt(token);
                    break;
                case "remote":
                    spec = spec with { Remote = IpTokens.Ip(rest.Value(token)) };
                    break;
                case "group":
                    spec = spec with { Group = IpTokens.Ip(rest.Value(token)) };
                    break;
                case "local":
                    spec = spec with { Local = IpTokens.Ip(rest.Value(token)) };
                    break;
                case "dstport" or "port":
                    spec = spec with { Port = checked((ushort)rest.UInt(token)) };
                    break;
                case "dev":
                    spec = spec with { VxlanParentIndex = LinkOutput.IndexOf(links, rest.Value(token)) };
                    break;
                case "learning" or "nolearning":
                    spec = spec with { Learning = token == "learning" };
                    break;
                case "udpcsum" or "noudpcsum":
                    spec = spec with { UdpChecksum = token == "udpcsum" };
                    break;
                case "ttl" or "hoplimit":
                    spec = spec with { Ttl = checked((byte)rest.UInt(token)) };
                    break;
                case "tos":
                    spec = spec with { Tos = checked((byte)rest.UInt(token)) };
                    break;
                case "ageing":
                    spec = spec with { Ageing = TimeSpan.FromSeconds(rest.UInt(token)) };
                    break;
                case "srcport":
                    ushort low = checked((ushort)rest.UInt(token));
                    ushort high = checked((ushort)rest.UInt(token));
                    spec = spec with { PortRange = (low, high) };
                    break;
                default:
                    throw new UserErrorException($"unknown vxlan option \"{token}\"");
            }
        }

        return spec with { Id = id ?? throw new UserErrorException("type vxlan needs \"id N\"") };
    }

    private static async Task SetAsync(RouteClient client, IpTokens rest, CancellationToken cancellationToken)
    {
        rest.SkipKeyword("dev");
        string device = rest.Value("set");
        IReadOnlyList<Link> links = await client.ListLinksAsync(cancellationToken: cancellationToken);
        int index = LinkOutput.IndexOf(links, device);
        var changes = new LinkChanges();
        NetworkNamespace? target = null;
        try
        {
            while (!rest.AtEnd)
            {
                string token = rest.Next();
                switch (token)
                {
                    case "up" or "down":
                        changes = changes with { Up = token == "up" };
                        break;
                    case "mtu":
                        changes = changes with { Mtu = rest.UInt(token) };
                        break;
                    case "name":
                        changes = changes with { Name = rest.Value(token) };
                        break;
                    case "address":
                        changes = changes with { Address = IpTokens.Mac(rest.Value(token)) };
                        break;
                    case "txqlen" or "qlen" or "txqueuelen":
                        changes = changes with { TxQueueLength = rest.UInt(token) };
                        break;
                    case "alias":
                        changes = changes with { Alias = rest.Value(token) };
                        break;
                    case "master":
                        changes = changes with { MasterIndex = LinkOutput.IndexOf(links, rest.Value(token)) };
                        break;
                    case "nomaster":
                        changes = changes with { MasterIndex = 0 };
                        break;
                    case "netns":
                        (target, int? pid) = IpTokens.Namespace(rest.Value(token));
                        changes = changes with { Namespace = target, NamespacePid = pid };
                        break;
                    default:
                        throw new UserErrorException($"unknown link set option \"{token}\" (up, down, mtu, name, address, txqlen, alias, master, nomaster, netns)");
                }
            }

            await client.SetLinkAsync(index, changes, cancellationToken);
        }
        finally
        {
            target?.Dispose();
        }
    }
}

/// <summary>Formatting shared by <c>link</c>, <c>addr</c> and <c>monitor</c>: iproute2's text and JSON forms of a link.</summary>
internal static class LinkOutput
{
    public static int IndexOf(IReadOnlyList<Link> links, string name) =>
        links.FirstOrDefault(l => l.Name == name)?.Index ?? throw new UserErrorException($"Device \"{name}\" does not exist.");

    public static string Mac(PhysicalAddress address)
    {
        byte[] bytes = address.GetAddressBytes();
        return string.Join(':', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>iproute2's flag words, plus M-DOWN when the parent (in this namespace) is down.</summary>
    public static List<string> Flags(Link link, IReadOnlyDictionary<int, Link> byIndex)
    {
        var flags = LinkNames.ToIprouteFlagNames(link.Flags).ToList();
        if (link.ParentIndex is { } parent && parent != 0 && link.LinkNetnsId is null && byIndex.TryGetValue(parent, out Link? lower) && !lower.IsUp)
        {
            flags.Add("M-DOWN");
        }

        return flags;
    }

    public static string Group(uint group) => group == 0 ? "default" : group.ToString(CultureInfo.InvariantCulture);

    public static string HeaderLine(Link link, IReadOnlyDictionary<int, Link> byIndex, bool includeLinkMode)
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{link.Index}: {link.Name}");
        if (link.ParentIndex is { } parent && parent != 0)
        {
            line.Append(link.LinkNetnsId is null && byIndex.TryGetValue(parent, out Link? lower) ? "@" + lower.Name : "@if" + parent.ToString(CultureInfo.InvariantCulture));
        }

        line.Append(CultureInfo.InvariantCulture, $": <{string.Join(',', Flags(link, byIndex))}>");
        if (link.Mtu is { } mtu)
        {
            line.Append(CultureInfo.InvariantCulture, $" mtu {mtu}");
        }

        if (link.Qdisc is { } qdisc)
        {
            line.Append(" qdisc ").Append(qdisc);
        }

        if (link.MasterIndex is { } master)
        {
            line.Append(" master ").Append(byIndex.TryGetValue(master, out Link? m) ? m.Name : master.ToString(CultureInfo.InvariantCulture));
        }

        line.Append(" state ").Append(link.OperationalState.ToIprouteName());
        if (includeLinkMode)
        {
            line.Append(" mode ").Append(link.Mode.ToIprouteName());
        }

        line.Append(" group ").Append(Group(link.Group));
        if (link.TxQueueLength is { } qlen)
        {
            line.Append(CultureInfo.InvariantCulture, $" qlen {qlen}");
        }

        return line.ToString();
    }

    public static string LinkLayerLine(Link link)
    {
        var line = new StringBuilder("    link/").Append(link.LinkType.ToIprouteName());
        if (link.Address is { } address)
        {
            line.Append(' ').Append(Mac(address));
        }

        if (link.Broadcast is { } broadcast)
        {
            line.Append(((link.Flags & LinkFlags.PointToPoint) != 0) ? " peer " : " brd ").Append(Mac(broadcast));
        }

        if (link.LinkNetnsId is { } nsid)
        {
            line.Append(CultureInfo.InvariantCulture, $" link-netnsid {nsid}");
        }

        return line.ToString();
    }

    /// <summary>The link fields of <c>ip -j link show</c> (and of <c>ip -j addr show</c> without linkmode).</summary>
    public static void WriteJsonFields(Utf8JsonWriter writer, Link link, IReadOnlyDictionary<int, Link> byIndex, bool includeLinkMode)
    {
        writer.WriteNumber("ifindex", link.Index);
        if (link.ParentIndex is { } parent && parent != 0)
        {
            if (link.LinkNetnsId is null && byIndex.TryGetValue(parent, out Link? lower))
            {
                writer.WriteString("link", lower.Name);
            }
            else
            {
                writer.WriteNumber("link_index", parent);
            }
        }

        writer.WriteString("ifname", link.Name);
        writer.WriteStartArray("flags");
        foreach (string flag in Flags(link, byIndex))
        {
            writer.WriteStringValue(flag);
        }

        writer.WriteEndArray();
        if (link.Mtu is { } mtu)
        {
            writer.WriteNumber("mtu", mtu);
        }

        if (link.Qdisc is { } qdisc)
        {
            writer.WriteString("qdisc", qdisc);
        }

        if (link.MasterIndex is { } master)
        {
            writer.WriteString("master", byIndex.TryGetValue(master, out Link? m) ? m.Name : master.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteString("operstate", link.OperationalState.ToIprouteName());
        if (includeLinkMode)
        {
            writer.WriteString("linkmode", link.Mode.ToIprouteName());
        }

        writer.WriteString("group", Group(link.Group));
        if (link.TxQueueLength is { } qlen)
        {
            writer.WriteNumber("txqlen", qlen);
        }

        writer.WriteString("link_type", link.LinkType.ToIprouteName());
        if (link.Address is { } address)
        {
            writer.WriteString("address", Mac(address));
        }

        if (link.Broadcast is { } broadcast)
        {
            writer.WriteString((link.Flags & LinkFlags.PointToPoint) != 0 ? "link_pointtopoint" : "broadcast", Mac(broadcast));
        }

        if (link.LinkNetnsId is { } nsid)
        {
            writer.WriteNumber("link_netnsid", nsid);
        }

        if (includeLinkMode && link.Alias is { } alias)
        {
            // ip -j link show prints the alias; ip -j addr show does not.
            writer.WriteString("ifalias", alias);
        }
    }

    /// <summary>Renders JSON written by <paramref name="write"/> (compact, like ip -j).</summary>
    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>An iproute2-style keyword reader over the arguments after the verb.</summary>
internal sealed class IpTokens(IReadOnlyList<string> tokens)
{
    private int _next;

    public bool AtEnd => _next >= tokens.Count;

    public string Peek() => tokens[_next];

    public string Next() => tokens[_next++];

    public string Value(string keyword) => AtEnd ? throw new UserErrorException($"\"{keyword}\" needs a value") : Next();

    public uint UInt(string keyword)
    {
        string text = Value(keyword);
        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint value)
            ? value
            : throw new UserErrorException($"{keyword}: \"{text}\" is not a non-negative number");
    }

    public void SkipKeyword(string keyword)
    {
        if (!AtEnd && Peek() == keyword)
        {
            _next++;
        }
    }

    public void Expect(string keyword)
    {
        if (AtEnd || Next() != keyword)
        {
            throw new UserErrorException($"expected \"{keyword}\"");
        }
    }

    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw new UserErrorException($"unexpected \"{Peek()}\"");
        }
    }

    public static PhysicalAddress Mac(string text)
    {
        try
        {
            return PhysicalAddress.Parse(text.Replace(':', '-'));
        }
        catch (FormatException)
        {
            throw new UserErrorException($"\"{text}\" is not a hardware address (like 02:00:00:00:00:01)");
        }
    }

    public static IPAddress Ip(string text) =>
        IPAddress.TryParse(text, out IPAddress? address) ? address : throw new UserErrorException($"\"{text}\" is not an IP address");

    public static TimeSpan Centiseconds(uint value) => TimeSpan.FromMilliseconds(value * 10.0);

    /// <summary>A namespace name (or path), or a process id when the value is a number.</summary>
    public static (NetworkNamespace? Namespace, int? Pid) Namespace(string value)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            return (null, pid);
        }

        if (value.Contains('/'))
        {
            return (NetworkNamespace.OpenPath(value), null);
        }

        if (!NetworkNamespace.Exists(value))
        {
            throw new UserErrorException($"network namespace \"{value}\" does not exist");
        }

        return (NetworkNamespace.Open(value), null);
    }
}
