using System.Net.Sockets;
using System.Text.Json;
using Netlink.Diag;

namespace Nlctl.Objects.Ss;

/// <summary>ss as one JSON array (docs/diag.md lists the fields).</summary>
internal static class SsJson
{
    public static void Write(Utf8JsonWriter json, IReadOnlyList<SsRow> rows, SsOptions o, IReadOnlyDictionary<ulong, IReadOnlyList<SocketOwner>>? owners)
    {
        json.WriteStartArray();
        foreach (SsRow row in rows)
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

                if (s.V6Only is { } v6only && s.Family == AddressFamily.InterNetworkV6)
                {
                    json.WriteBoolean("v6only", v6only);
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
                    json.WriteString("path", Nlctl.Output.Printable.Name(u.Path));
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
            if (o.Info && row.Inet is { TcpInfo: { } info } socket)
            {
                WriteTcpInfo(json, socket, info);
            }

            if (o.Memory && (row.Inet?.Memory ?? row.Unix?.Memory) is { } m)
            {
                json.WriteStartObject("skmem");
                json.WriteNumber("rmem_alloc", m.ReceiveAllocated);
                json.WriteNumber("rcvbuf", m.ReceiveBuffer);
                json.WriteNumber("wmem_alloc", m.SendAllocated);
                json.WriteNumber("sndbuf", m.SendBuffer);
                json.WriteNumber("fwd_alloc", m.ForwardAllocated);
                json.WriteNumber("wmem_queued", m.SendQueued);
                json.WriteNumber("optmem", m.OptionMemory);
                json.WriteNumber("backlog", m.Backlog);
                json.WriteNumber("drops", m.Drops);
                json.WriteEndObject();
            }

            if (owners is not null)
            {
                json.WriteStartArray("processes");
                if (owners.TryGetValue(row.Inode, out IReadOnlyList<SocketOwner>? holding))
                {
                    foreach (SocketOwner owner in holding)
                    {
                        json.WriteStartObject();
                        json.WriteString("comm", Nlctl.Output.Printable.Name(owner.Command));
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

    private static void WriteTcpInfo(Utf8JsonWriter json, SocketInfo socket, TcpInfo info)
    {
        json.WriteStartObject("tcp_info");
        if (socket.Congestion is { } congestion)
        {
            json.WriteString("congestion", congestion);
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
}
