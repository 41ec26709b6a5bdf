using Netlink;
using Netlink.Diag;
using Netlink.Route;
using Nlctl.Cli;
using Nlctl.Output;

namespace Nlctl.Objects.Ss;

/// <summary>
/// <c>nlctl ss</c>: sockets as <c>ss</c> lists them, with ss's own options after the object
/// (<c>nlctl -n NS ss -tlnp</c>: the global -n is the namespace, ss's -n is accepted and changes
/// nothing since the output is always numeric; ss's -N NETNS also names a namespace).
/// </summary>
internal static class SsObject
{
    private const string Usage = """
        Usage: nlctl ss [ OPTIONS ] [ state STATE | exclude STATE ]... [ FILTER ]
           -t, --tcp          TCP sockets            -u, --udp        UDP sockets
           -w, --raw          raw sockets            -x, --unix       UNIX sockets
           -l, --listening    listening and unconnected sockets only
           -a, --all          sockets in every state (default: connected ones)
           -n, --numeric      accepted: the output is always numeric
           -p, --processes    the processes using each socket (users:(...))
           -e, --extended     uid, inode, cookie, v6only, shutdown state
           -m, --memory       socket memory (skmem:(...))
           -i, --info         TCP internals (rtt, cwnd, rates, ...)
           -o, --options      timers (timer:(...))
           -s, --summary      socket counts
           -4, --ipv4 / -6, --ipv6   one address family (and no UNIX sockets unless -x)
           -H, --no-header    no column header
           -N, --net=NETNS    in the named network namespace (as the global -n)
           -j, --json         a JSON array (also the global -j)
        STATE := { all | connected | synchronized | bucket | big | established | syn-sent | syn-recv |
                   fin-wait-1 | fin-wait-2 | time-wait | closed | close-wait | last-ack | listening | closing }
        FILTER := [ not ] { sport | dport } [ = | != | < | <= | > | >= ] :PORT
                | [ not ] { src | dst } [ = | != ] { ADDR[/LEN][:PORT] | [ADDR6][/LEN][:PORT] | *:PORT }
                joined by and, or, parentheses. Without -t/-u/-w/-x: UNIX, raw, UDP and TCP sockets.

        """;

    public static CliObject Definition { get; } = new()
    {
        Names = ["ss"],
        Summary = "sockets, as ss lists them (ss's options: nlctl ss -tlnp)",
        Usage = Usage,
        Run = RunAsync,
        Grammar = new Completion.Grammar(null)
        {
            Words = ["-t", "-u", "-w", "-x", "-l", "-a", "-n", "-p", "-e", "-m", "-i", "-o", "-s", "-4", "-6", "-H", "-N", "-j", "state", "exclude", "sport", "dport", "src", "dst"],
        },
    };

    private static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        SsOptions o = SsOptions.Parse(args);
        if (o.Help)
        {
            context.Text.Write(Usage);
            return;
        }

        if (o.Netns is not null && context.Options.Netns is not null && o.Netns != context.Options.Netns)
        {
            throw new UsageException($"Error: two namespaces given: -n {context.Options.Netns} and ss -N {o.Netns}.");
        }

        bool json = context.Json || o.Json;
        using NetworkNamespace? netns = Namespaces.Open(o.Netns ?? context.Options.Netns);
        if (o.Summary)
        {
            SsSummary.Write(context.Text, json, netns);
            return;
        }

        await using SockDiagClient client = SockDiagClient.Open(netns);
        List<SsRow> rows = await SsQuery.CollectAsync(client, o, cancellationToken);
        IReadOnlyDictionary<ulong, IReadOnlyList<SocketOwner>>? owners = o.Processes ? SocketProcessMap.Scan() : null;
        if (json)
        {
            using JsonOutput output = context.Output.BeginJson();
            SsJson.Write(output.Writer, rows, o, owners);
            return;
        }

        Func<int, string> deviceName = DeviceNames(netns, rows);
        SsTable.Write(context.Text, rows, o, deviceName, owners);
    }

    /// <summary>Names for sockets bound to a device ("%eth0"), looked up only when one is.</summary>
    private static Func<int, string> DeviceNames(NetworkNamespace? netns, List<SsRow> rows)
    {
        if (!rows.Any(r => r.Inet is { InterfaceIndex: not 0 }))
        {
            return index => index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var names = new Dictionary<int, string>();
        using RouteClient client = RouteClient.Open(netns);
        foreach (SsRow row in rows.Where(r => r.Inet is { InterfaceIndex: not 0 }))
        {
            int index = row.Inet!.InterfaceIndex;
            names.TryAdd(index, client.GetLinkName(index) ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return index => names[index];
    }
}
