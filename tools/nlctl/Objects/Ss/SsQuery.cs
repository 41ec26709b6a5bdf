using System.Net.Sockets;
using Netlink;
using Netlink.Diag;
using Netlink.Diag.Iproute2;

namespace Nlctl.Objects.Ss;

/// <summary>Lists the sockets the options select, in ss's order: UNIX, raw, UDP, TCP; IPv4 before IPv6.</summary>
internal static class SsQuery
{
    public static async Task<List<SsRow>> CollectAsync(SockDiagClient client, SsOptions o, CancellationToken cancellationToken)
    {
        var rows = new List<SsRow>();
        bool inetOnly = o.Ipv4 || o.Ipv6;
        if (o.Unix || (o.AnyProtocol && !inetOnly))
        {
            await AddUnixAsync(client, o, rows, cancellationToken);
        }

        foreach ((bool selected, SocketProtocol protocol, string netid) in new[]
        {
            (o.Raw || o.AnyProtocol, SocketProtocol.Raw, "raw"),
            (o.Udp || o.AnyProtocol, SocketProtocol.Udp, "udp"),
            (o.Tcp || o.AnyProtocol, SocketProtocol.Tcp, "tcp"),
        })
        {
            if (!selected)
            {
                continue;
            }

            foreach (AddressFamily family in Families(o))
            {
                try
                {
                    IReadOnlyList<SocketInfo> sockets = await client.ListSocketsAsync(Query(o, protocol, family), cancellationToken);
                    rows.AddRange(sockets.Select(s => new SsRow(netid, s, null)));
                }
                catch (NetlinkException e) when (protocol == SocketProtocol.Raw && !o.Raw && e.Errno is 2 or 22 or 93)
                {
                    // Raw sockets need the raw_diag module: when not asked for by name, their absence is not an error (as in ss).
                }
            }
        }

        return rows;
    }

    private static IEnumerable<AddressFamily> Families(SsOptions o)
    {
        if (o.Ipv4 || !o.Ipv6)
        {
            yield return AddressFamily.InterNetwork;
        }

        if (o.Ipv6 || !o.Ipv4)
        {
            yield return AddressFamily.InterNetworkV6;
        }
    }

    private static SocketQuery Query(SsOptions o, SocketProtocol protocol, AddressFamily family)
    {
        SocketExtensions extensions = SocketExtensions.None;
        if (o.Info && protocol == SocketProtocol.Tcp)
        {
            extensions |= SocketExtensions.TcpInfo | SocketExtensions.Congestion;
        }

        if (o.Memory)
        {
            extensions |= SocketExtensions.SocketMemory;
        }

        if (o.Extended)
        {
            extensions |= SocketExtensions.Shutdown;
        }

        return new SocketQuery { Protocol = protocol, Family = family, States = o.States, Extensions = extensions, Filter = o.Filter };
    }

    private static async Task AddUnixAsync(SockDiagClient client, SsOptions o, List<SsRow> rows, CancellationToken cancellationToken)
    {
        if (o.Filter is not null)
        {
            return; // an address or port expression selects inet sockets only
        }

        IReadOnlyList<UnixSocketInfo> sockets = await client.ListUnixSocketsAsync(new UnixSocketQuery { States = o.States, IncludeMemory = o.Memory }, cancellationToken);
        foreach (UnixSocketInfo u in sockets)
        {
            rows.Add(new SsRow(UnixSocketTypeNames.Format(u.Type), null, u));
        }
    }
}
