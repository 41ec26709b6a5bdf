using Netlink;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Cli;

namespace Nlctl.Objects.Completion;

/// <summary>
/// Completes the last of the words typed after <c>nlctl</c>: global options, objects, verbs and
/// keywords from the registered objects' grammars, and values by the keyword before them
/// (interface names of the -n namespace, table, protocol and scope names, states, namespaces).
/// </summary>
internal static class CompletionEngine
{
    /// <summary>Printed alone when the shell should complete file names.</summary>
    public const string FilesMarker = "\u0001files";

    private static readonly string[] GlobalOptions =
        ["-4", "-6", "-brief", "-color", "-details", "-family", "-help", "-json", "-netns", "-oneline", "-pretty", "-stats", "-timestamp", "-Version"];

    private static readonly Dictionary<string, ValueKind> KeywordValues = new(StringComparer.Ordinal)
    {
        ["dev"] = ValueKind.Device, ["master"] = ValueKind.Device, ["link"] = ValueKind.Device, ["iif"] = ValueKind.Device,
        ["oif"] = ValueKind.Device, ["-i"] = ValueKind.Device, ["--interface"] = ValueKind.Device,
        ["table"] = ValueKind.Table, ["lookup"] = ValueKind.Table, ["proto"] = ValueKind.Protocol, ["protocol"] = ValueKind.Protocol,
        ["scope"] = ValueKind.Scope, ["nud"] = ValueKind.NudState, ["netns"] = ValueKind.Namespace, ["-N"] = ValueKind.Namespace,
        ["--net"] = ValueKind.Namespace, ["state"] = ValueKind.SsState, ["exclude"] = ValueKind.SsState,
    };

    private static readonly HashSet<string> FreeValueKeywords =
    [
        "mtu", "address", "txqlen", "qlen", "name", "alias", "via", "src", "metric", "priority", "lladdr", "weight", "pref", "fwmark",
        "from", "to", "count", "-c", "--count", "label", "peer", "brd", "broadcast", "valid_lft", "preferred_lft", "id", "remote",
        "local", "group", "dstport", "ttl", "tos", "goto", "uidrange", "ipproto", "sport", "dport", "mark", "advmss", "hoplimit",
        "window", "initcwnd", "initrwnd", "--max-bytes", "-e", "--ethertype", "-d", "--dst", "-p", "--payload", "mode",
    ];

    /// <summary>The candidates for the last word of <paramref name="words"/> (the words after "nlctl").</summary>
    public static IEnumerable<string> Complete(IReadOnlyList<string> words)
    {
        string current = words.Count == 0 ? string.Empty : words[^1];
        var before = words.Take(Math.Max(0, words.Count - 1)).ToList();
        string? netns = null;
        int i = 0;
        while (i < before.Count && before[i].StartsWith('-'))
        {
            string option = before[i].TrimStart('-');
            if (option.Length > 0 && ("netns".StartsWith(option, StringComparison.Ordinal) || "family".StartsWith(option, StringComparison.Ordinal)))
            {
                if (i + 1 == before.Count)
                {
                    return Filter(option[0] == 'n' ? Values(ValueKind.Namespace, null) : Values(ValueKind.Family, null), current);
                }

                netns = option[0] == 'n' ? before[i + 1] : netns;
                i += 2;
                continue;
            }

            i++;
        }

        if (i == before.Count)
        {
            // The object (or a global option) is being typed.
            return current.StartsWith('-') ? Filter(GlobalOptions, current) : Filter(ObjectRegistry.All.Select(o => o.Name), current);
        }

        CliObject? target = ObjectRegistry.Find(before[i]);
        if (target?.Grammar is not { } grammar)
        {
            return [];
        }

        List<string> rest = before.Skip(i + 1).ToList();
        string? previous = rest.Count > 0 ? rest[^1] : null;
        if (previous is not null)
        {
            ValueKind kind = previous == "type" ? grammar.TypeValues : KeywordValues.GetValueOrDefault(previous);
            if (kind != ValueKind.None)
            {
                return Filter(Values(kind, netns), current);
            }

            if (FreeValueKeywords.Contains(previous))
            {
                return [];
            }
        }

        var candidates = new List<string>(grammar.Words);
        if (grammar.Verbs is { } verbs)
        {
            Verb? verb = rest.Count > 0 ? verbs.Resolve(rest[0]) : null;
            if (verb is null)
            {
                candidates.AddRange(verbs.Verbs.SelectMany(v => v.Names).Append("help"));
            }
            else
            {
                candidates.AddRange(verb.Keywords);
                if (verb.TakesDevice)
                {
                    candidates.AddRange(Values(ValueKind.Device, netns));
                }
            }
        }

        List<string> matches = [.. Filter(candidates, current)];
        return matches.Count == 0 && grammar.CompletesFiles && !current.StartsWith('-') ? [FilesMarker] : matches;
    }

    private static IEnumerable<string> Filter(IEnumerable<string> candidates, string prefix) =>
        candidates.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Values(ValueKind kind, string? netns) => kind switch
    {
        ValueKind.Device => Devices(netns),
        ValueKind.Table => RouteTableNames.Names.Append("all"),
        ValueKind.Protocol => RouteProtocolNames.Names,
        ValueKind.Scope => RouteScopeNames.Names,
        ValueKind.NudState => NeighbourStateNames.Names.Append("all"),
        ValueKind.Namespace => Directory.Exists(NetworkNamespace.RunDirectory) ? Directory.EnumerateFiles(NetworkNamespace.RunDirectory).Select(Path.GetFileName).OfType<string>() : [],
        ValueKind.LinkKind => ["veth", "bridge", "macvlan", "vxlan", "dummy", "vlan", "bond", "vrf", "ipip", "gre", "wireguard"],
        ValueKind.RouteType => RouteTypeNames.Names,
        ValueKind.SsState => Netlink.Diag.Iproute2.SocketStateNames.Names,
        ValueKind.Family => ["inet", "inet6"],
        _ => [],
    };

    private static IEnumerable<string> Devices(string? netns)
    {
        try
        {
            using NetworkNamespace? handle = Namespaces.Open(netns);
            using RouteClient client = RouteClient.Open(handle);
            return [.. client.ListLinksAsync().GetAwaiter().GetResult().Select(l => l.Name)];
        }
        catch (Exception e) when (e is UsageException or NetlinkException or IOException or UnauthorizedAccessException)
        {
            return []; // completion never fails loudly: nothing to offer
        }
    }
}
