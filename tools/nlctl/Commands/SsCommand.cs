using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Netlink;
using Netlink.Diag;
using Nlctl.Cli;

namespace Nlctl.Commands;

/// <summary>
/// <c>nlctl ss</c>: sockets like <c>ss -n</c> (numeric always), through sock_diag. Without -l/-a
/// only connected sockets are shown; without -t/-u/-w/-x only TCP. The global <c>-n</c> is the
/// network namespace, so <c>ss</c>'s own <c>-n</c> is not needed (output is always numeric).
/// </summary>
internal static class SsCommand
{
    private static readonly Option<bool> Tcp = new("--tcp", "-t") { Description = "TCP sockets" };
    private static readonly Option<bool> Udp = new("--udp", "-u") { Description = "UDP sockets" };
    private static readonly Option<bool> Raw = new("--raw", "-w") { Description = "Raw sockets (needs the raw_diag module)" };
    private static readonly Option<bool> Unix = new("--unix", "-x") { Description = "UNIX sockets" };
    private static readonly Option<bool> Listening = new("--listening", "-l") { Description = "Only listening (and unconnected datagram) sockets" };
    private static readonly Option<bool> All = new("--all", "-a") { Description = "Sockets in every state" };
    private static readonly Option<bool> Extended = new("--extended", "-e") { Description = "Owner uid, inode and socket cookie" };
    private static readonly Option<bool> Processes = new("--processes", "-p") { Description = "Processes holding each socket (scans /proc)" };
    private static readonly Option<bool> Info = new("--info", "-i") { Description = "TCP internals: congestion algorithm, rtt, cwnd, retransmits, bytes, rates" };
    private static readonly Option<bool> Ipv4 = new("--ipv4", "-4") { Description = "Only IPv4 sockets" };
    private static readonly Option<bool> Ipv6 = new("--ipv6", "-6") { Description = "Only IPv6 sockets" };

    public static Command Create()
    {
        var command = new Command("ss", "List sockets like ss -n: Netid State Recv-Q Send-Q Local Address:Port Peer Address:Port Process (with -j: a JSON array)")
        {
            Tcp, Udp, Raw, Unix, Listening, All, Extended, Processes, Info, Ipv4, Ipv6,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            CommandContext context = CommandContext.From(parseResult);
            var options = new SsOptions(
                parseResult.GetValue(Tcp), parseResult.GetValue(Udp), parseResult.GetValue(Raw), parseResult.GetValue(Unix),
                parseResult.GetValue(Listening), parseResult.GetValue(All), parseResult.GetValue(Extended),
                parseResult.GetValue(Processes), parseResult.GetValue(Info), parseResult.GetValue(Ipv4), parseResult.GetValue(Ipv6));
            using NetworkNamespace? netns = context.OpenNamespace();
            await using SockDiagClient client = SockDiagClient.Open(netns);
            List<Row> rows = await CollectAsync(client, options, cancellationToken);
            IReadOnlyDictionary<ulong, IReadOnlyList<SocketOwner>>? owners = options.Processes ? SocketProcessMap.Scan() : null;
            if (context.Json)
            {
                WriteJson(context.Output, rows, options, owners);
            }
            else
            {
                WriteText(context.Output, rows, options, owners);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The kernel state mask for -l / -a / neither (ss's default: connected only).</summary>
    internal static SocketStates StatesFor(bool listening, bool all) =>
        all ? SocketStates.All : listening ? SocketStates.Listening : SocketStates.Connected;

    /// <summary>Formats an endpoint as ss -n does: a.b.c.d:port, [v6]:port, '*' for port 0.</summary>
    internal static string FormatEndPoint(IPEndPoint endPoint)
    {
        string address = endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endPoint.Address}]" : endPoint.Address.ToString();
        return endPoint.Port == 0 ? address + ":*" : address + ":" + endPoint.Port.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<List<Row>> CollectAsync(SockDiagClient client, SsOptions o, CancellationToken cancellationToken)
    {
        SocketStates states = StatesFor(o.Listening, o.All);
        AddressFamily family = o.Ipv4 == o.Ipv6 ? AddressFamily.Unspecified : o.Ipv4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
        bool anyProtocol = o.Tcp || o.Udp || o.Raw || o.Unix;
        var rows = new List<Row>();
        foreach ((bool selected, SocketProtocol protocol, string netid) in new[] { (o.Tcp || !anyProtocol, SocketProtocol.Tcp, "tcp"), (o.Udp, SocketProtocol.Udp, "udp"), (o.Raw, SocketProtocol.Raw, "raw") })
        {
            if (!selected)
            {
                continue;
            }

            var query = new SocketQuery
            {
                Protocol = protocol,
                Family = family,
                States = states,
                Extensions = o.Info && protocol == SocketProtocol.Tcp ? SocketExtensions.TcpInfo | SocketExtensions.Congestion : SocketExtensions.None,
            };
            foreach (SocketInfo s in await client.ListSocketsAsync(query, cancellationToken))
            {
                rows.Add(new Row(netid, s, null));
            }
        }

        if (o.Unix)
        {
            foreach (UnixSocketInfo u in await client.ListUnixSocketsAsync(new UnixSocketQuery { States = states }, cancellationToken))
            {
                string netid = u.Type switch { UnixSocketType.Stream => "u_str", UnixSocketType.Datagram => "u_dgr", UnixSocketType.SeqPacket => "u_seq", _ => "unix" };
                rows.Add(new Row(netid, null, u));
            }
        }

        return rows;
    }

    private static void WriteText(TextWriter output, List<Row> rows, SsOptions o, IReadOnlyDictionary<ulong, IReadOnlyList<SocketOwner>>? owners)
    {
        var lines = new List<string[]> { new[] { "Netid", "State", "Recv-Q", "Send-Q", "Local Address:Port", "Peer Address:Port", "Process" } };
        foreach (Row row in rows)
        {
            var extra = new StringBuilder();
            if (owners is not null && owners.TryGetValue(row.Inode, out IReadOnlyList<SocketOwner>? holding))
            {
                extra.Append("users:(").AppendJoin(',', holding.Select(h => $"(\"{h.Command}\",pid={h.Pid},fd={h.FileDescriptor})")).Append(')');
            }

            if (o.Extended)
            {
                Append(extra, $"uid:{row.Uid} ino:{row.Inode} sk:{row.Cookie:x}");
            }

            if (o.Info && row.Inet?.TcpInfo is { } info)
            {
                Append(extra, FormatTcpInfo(row.Inet, info));
            }

            lines.Add([row.Netid, row.State.ToSsName(), row.ReceiveQueue.ToString(CultureInfo.InvariantCulture), row.SendQueue.ToString(CultureInfo.InvariantCulture), row.Local, row.Peer, extra.ToString()]);
        }

        int columns = lines[0].Length - 1;
        var widths = new int[columns];
        foreach (string[] line in lines)
        {
            for (int i = 0; i < columns; i++)
            {
                widths[i] = Math.Max(widths[i], line[i].Length);
            }
        }

        foreach (string[] line in lines)
        {
            var text = new StringBuilder();
            for (int i = 0; i < columns; i++)
            {
                // Queues right-aligned, the rest left-aligned, as ss does.
                text.Append(i is 2 or 3 ? line[i].PadLeft(widths[i]) : line[i].PadRight(widths[i])).Append(' ');
            }

            text.Append(line[columns]);
            output.WriteLine(text.ToString().TrimEnd());
        }
    }

    private static string FormatTcpInfo(SocketInfo socket, TcpInfo info)
    {
        var text = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        text.Append(c, $"{socket.Congestion} rto:{info.RetransmitTimeout.TotalMilliseconds:0.###} rtt:{info.Rtt.TotalMilliseconds:0.###}/{info.RttVariance.TotalMilliseconds:0.###} mss:{info.SendMss} cwnd:{info.CongestionWindow}");
        if (info.SendSsthresh < 0x7fffffff)
        {
            text.Append(c, $" ssthresh:{info.SendSsthresh}");
        }

        text.Append(c, $" bytes_sent:{info.BytesSent} bytes_acked:{info.BytesAcked} bytes_received:{info.BytesReceived} retrans:{info.Retransmitting}/{info.TotalRetransmits}");
        text.Append(c, $" pacing_rate:{info.PacingRate * 8}bps delivery_rate:{info.DeliveryRate * 8}bps minrtt:{info.MinRtt.TotalMilliseconds:0.###}");
        return text.ToString();
    }

    private static void Append(StringBuilder text, string part)
    {
        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(part);
    }

    private static void WriteJson(TextWriter output, List<Row> rows, SsOptions o, IReadOnlyDictionary<ulong, IReadOnlyList<SocketOwner>>? owners)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (Row row in rows)
            {
                json.WriteStartObject();
                json.WriteString("netid", row.Netid);
                json.WriteString("state", row.State.ToSsName());
                json.WriteNumber("recv_q", row.ReceiveQueue);
                json.WriteNumber("send_q", row.SendQueue);
                if (row.Inet is { } s)
                {
                    json.WriteString("family", s.Family == AddressFamily.InterNetwork ? "inet" : "inet6");
                    json.WriteString("local_address", s.Local.Address.ToString());
                    json.WriteNumber("local_port", s.Local.Port);
                    json.WriteString("peer_address", s.Remote.Address.ToString());
                    json.WriteNumber("peer_port", s.Remote.Port);
                    if (s.InterfaceIndex != 0)
                    {
                        json.WriteNumber("ifindex", s.InterfaceIndex);
                    }

                    if (s.Timer != SocketTimer.None)
                    {
                        json.WriteString("timer", s.Timer.ToString().ToLowerInvariant());
                        json.WriteNumber("timer_expires_ms", (long)s.TimerExpires.TotalMilliseconds);
                    }
                }
                else if (row.Unix is { } u)
                {
                    json.WriteString("family", "unix");
                    json.WriteString("type", u.Type.ToString().ToLowerInvariant());
                    if (u.Path is null)
                    {
                        json.WriteNull("path");
                    }
                    else
                    {
                        json.WriteString("path", u.Path);
                    }

                    json.WriteBoolean("abstract", u.IsAbstract);
                    if (u.PeerInode is { } peer)
                    {
                        json.WriteNumber("peer_inode", peer);
                    }
                }

                json.WriteNumber("uid", row.Uid);
                json.WriteNumber("inode", row.Inode);
                json.WriteNumber("cookie", row.Cookie);
                if (o.Info && row.Inet?.TcpInfo is { } info)
                {
                    WriteTcpInfo(json, row.Inet, info);
                }

                if (owners is not null)
                {
                    json.WriteStartArray("processes");
                    if (owners.TryGetValue(row.Inode, out IReadOnlyList<SocketOwner>? holding))
                    {
                        foreach (SocketOwner owner in holding)
                        {
                            json.WriteStartObject();
                            json.WriteString("comm", owner.Command);
                            json.WriteNumber("pid", owner.Pid);
                            json.WriteNumber("fd", owner.FileDescriptor);
                            json.WriteEndObject();
                        }
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteTcpInfo(Utf8JsonWriter json, SocketInfo socket, TcpInfo info)
    {
        json.WriteStartObject("tcp_info");
        if (socket.Congestion is { } cong)
        {
            json.WriteString("congestion", cong);
        }

        json.WriteNumber("rtt_us", (long)info.Rtt.TotalMicroseconds);
        json.WriteNumber("rttvar_us", (long)info.RttVariance.TotalMicroseconds);
        json.WriteNumber("min_rtt_us", (long)info.MinRtt.TotalMicroseconds);
        json.WriteNumber("rto_us", (long)info.RetransmitTimeout.TotalMicroseconds);
        json.WriteNumber("snd_mss", info.SendMss);
        json.WriteNumber("cwnd", info.CongestionWindow);
        json.WriteNumber("ssthresh", info.SendSsthresh);
        json.WriteNumber("retransmits", info.Retransmits);
        json.WriteNumber("total_retrans", info.TotalRetransmits);
        json.WriteNumber("bytes_acked", info.BytesAcked);
        json.WriteNumber("bytes_received", info.BytesReceived);
        json.WriteNumber("bytes_sent", info.BytesSent);
        json.WriteNumber("bytes_retrans", info.BytesRetransmitted);
        json.WriteNumber("delivery_rate", info.DeliveryRate);
        json.WriteNumber("pacing_rate", info.PacingRate);
        json.WriteNumber("tcp_info_len", info.Length);
        json.WriteEndObject();
    }

    private sealed record SsOptions(bool Tcp, bool Udp, bool Raw, bool Unix, bool Listening, bool All, bool Extended, bool Processes, bool Info, bool Ipv4, bool Ipv6);

    private sealed record Row(string Netid, SocketInfo? Inet, UnixSocketInfo? Unix)
    {
        public SocketState State => Inet?.State ?? Unix!.State;

        public uint ReceiveQueue => Inet?.ReceiveQueue ?? Unix!.ReceiveQueue;

        public uint SendQueue => Inet?.SendQueue ?? Unix!.SendQueue;

        public ulong Inode => Inet?.Inode ?? Unix!.Inode;

        public uint Uid => Inet?.Uid ?? Unix!.Uid ?? 0;

        public ulong Cookie => Inet?.Cookie ?? Unix!.Cookie;

        // ss prints a UNIX socket as "path inode" and its peer as "* peer-inode".
        public string Local => Inet is { } s ? FormatEndPoint(s.Local) : $"{Unix!.Path ?? "*"} {Unix.Inode}";

        public string Peer => Inet is { } s ? FormatEndPoint(s.Remote) : $"* {Unix!.PeerInode ?? 0}";
    }
}
