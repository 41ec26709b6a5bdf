using System.Globalization;
using System.Text;
using Netlink.Diag;
using Netlink.Diag.Iproute2;

namespace Nlctl.Objects.Ss;

/// <summary>
/// The text ss adds after the columns: -p's <c>users:((…))</c>, -o's <c>timer:(…)</c>, -e's
/// <c>uid: ino: sk: v6only: &lt;-&gt;</c> (one line), and -m's <c>skmem:(…)</c> and -i's TCP
/// details (each on a line of its own after a tab). Rates are printed for people (<c>436.5Gbps</c>).
/// </summary>
internal static class SsDetails
{
    /// <summary>What goes in the Process column: users, timer, extended info, each after a space (as ss writes them).</summary>
    public static string Process(SsRow row, SsOptions o, IReadOnlyDictionary<ulong, IReadOnlyList<SocketOwner>>? owners)
    {
        var text = new StringBuilder();
        if (owners is not null && owners.TryGetValue(row.Inode, out IReadOnlyList<SocketOwner>? holding))
        {
            text.Append(" users:(").AppendJoin(',', holding.Select(h => string.Create(CultureInfo.InvariantCulture, $"(\"{h.Command}\",pid={h.Pid},fd={h.FileDescriptor})"))).Append(')');
        }

        if (o.Timers && row.Inet is { Timer: not SocketTimer.None } timed)
        {
            text.Append(CultureInfo.InvariantCulture, $" timer:({SocketTimerNames.Format(timed.Timer)},{Duration(timed.TimerExpires)},{timed.TimerRetransmits})");
        }

        if (o.Extended)
        {
            if (row.Uid != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" uid:{row.Uid}");
            }

            text.Append(CultureInfo.InvariantCulture, $" ino:{row.Inode} sk:{row.Cookie:x}");
            if (row.Inet?.CgroupId is { } cgroup && SsCgroup.Describe(cgroup) is { } where)
            {
                text.Append(" cgroup:").Append(where);
            }

            if (row.Inet?.V6Only is { } v6only && row.Inet.Family == System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                text.Append(" v6only:").Append(v6only ? '1' : '0');
            }

            byte shutdown = row.Inet?.Shutdown ?? row.Unix?.Shutdown ?? 0;
            text.Append(' ').Append((shutdown & 1) != 0 ? '-' : '<').Append('-').Append((shutdown & 2) != 0 ? '-' : '>');
        }

        return text.ToString();
    }

    /// <summary>The lines after a socket's line (each printed after a newline and a tab), for -m and -i.</summary>
    public static IEnumerable<string> ExtraLines(SsRow row, SsOptions o)
    {
        if (o.Memory && (row.Inet?.Memory ?? row.Unix?.Memory) is { } m)
        {
            yield return string.Create(
                CultureInfo.InvariantCulture,
                $" skmem:(r{m.ReceiveAllocated},rb{m.ReceiveBuffer},t{m.SendAllocated},tb{m.SendBuffer},f{m.ForwardAllocated},w{m.SendQueued},o{m.OptionMemory},bl{m.Backlog},d{m.Drops})");
        }

        if (o.Info && row.Inet is { TcpInfo: { } info } socket)
        {
            yield return TcpInfoText(socket, info);
        }
    }

    /// <summary>
    /// ss -i's TCP line, fields in ss 6.1's order, each only when it says something. Not shown: the
    /// BBR/DCTCP details (bbr:(...), which need the congestion-info extension) and the option
    /// words ss 6.1 leaves out too.
    /// </summary>
    private static string TcpInfoText(SocketInfo socket, TcpInfo i)
    {
        var t = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        void Add(bool when, string text)
        {
            if (when)
            {
                t.Append(' ').Append(text);
            }
        }

        Add(socket.Congestion is not null, socket.Congestion ?? string.Empty);
        Add((i.Options & 4) != 0, string.Create(c, $"wscale:{i.SendWindowScale},{i.ReceiveWindowScale}"));
        Add(i.RetransmitTimeout > TimeSpan.Zero, "rto:" + Milliseconds(i.RetransmitTimeout));
        Add(i.Backoff != 0, string.Create(c, $"backoff:{i.Backoff}"));
        Add(i.Rtt > TimeSpan.Zero, $"rtt:{Milliseconds(i.Rtt)}/{Milliseconds(i.RttVariance)}");
        Add(i.AckTimeout > TimeSpan.Zero, "ato:" + Milliseconds(i.AckTimeout));
        Add(i.SendMss != 0, string.Create(c, $"mss:{i.SendMss}"));
        Add(i.PathMtu != 0, string.Create(c, $"pmtu:{i.PathMtu}"));
        Add(i.ReceiveMss != 0, string.Create(c, $"rcvmss:{i.ReceiveMss}"));
        Add(i.AdvertisedMss != 0, string.Create(c, $"advmss:{i.AdvertisedMss}"));
        Add(i.CongestionWindow != 0, string.Create(c, $"cwnd:{i.CongestionWindow}"));
        Add(i.SendSsthresh is > 0 and < 0xffff, string.Create(c, $"ssthresh:{i.SendSsthresh}"));
        Add(i.BytesSent != 0, string.Create(c, $"bytes_sent:{i.BytesSent}"));
        Add(i.BytesRetransmitted != 0, string.Create(c, $"bytes_retrans:{i.BytesRetransmitted}"));
        Add(i.BytesAcked != 0, string.Create(c, $"bytes_acked:{i.BytesAcked}"));
        Add(i.BytesReceived != 0, string.Create(c, $"bytes_received:{i.BytesReceived}"));
        Add(i.SegmentsOut != 0, string.Create(c, $"segs_out:{i.SegmentsOut}"));
        Add(i.SegmentsIn != 0, string.Create(c, $"segs_in:{i.SegmentsIn}"));
        Add(i.DataSegmentsOut != 0, string.Create(c, $"data_segs_out:{i.DataSegmentsOut}"));
        Add(i.DataSegmentsIn != 0, string.Create(c, $"data_segs_in:{i.DataSegmentsIn}"));
        double rttMicros = i.Rtt.TotalMicroseconds;
        Add(rttMicros > 0 && i.SendMss != 0 && i.CongestionWindow != 0, $"send {Rate((double)i.CongestionWindow * i.SendMss * 8_000_000 / rttMicros)}bps");
        Add(i.LastDataSent > TimeSpan.Zero, string.Create(c, $"lastsnd:{(long)i.LastDataSent.TotalMilliseconds}"));
        Add(i.LastDataReceived > TimeSpan.Zero, string.Create(c, $"lastrcv:{(long)i.LastDataReceived.TotalMilliseconds}"));
        Add(i.LastAckReceived > TimeSpan.Zero, string.Create(c, $"lastack:{(long)i.LastAckReceived.TotalMilliseconds}"));
        if (i.PacingRate is not 0 and not ulong.MaxValue)
        {
            string max = i.MaxPacingRate is not 0 and not ulong.MaxValue ? $"/{Rate(i.MaxPacingRate * 8.0)}bps" : string.Empty;
            Add(true, $"pacing_rate {Rate(i.PacingRate * 8.0)}bps{max}");
        }

        Add(i.DeliveryRate != 0, $"delivery_rate {Rate(i.DeliveryRate * 8.0)}bps");
        Add(i.Delivered != 0, string.Create(c, $"delivered:{i.Delivered}"));
        Add(i.DeliveredCe != 0, string.Create(c, $"delivered_ce:{i.DeliveredCe}"));
        Add(i.DeliveryRateAppLimited, "app_limited");
        Add(i.BusyTime > TimeSpan.Zero, string.Create(c, $"busy:{(long)i.BusyTime.TotalMilliseconds}ms"));
        Add(i.Unacked != 0, string.Create(c, $"unacked:{i.Unacked}"));
        Add(i.Retransmitting != 0 || i.TotalRetransmits != 0, string.Create(c, $"retrans:{i.Retransmitting}/{i.TotalRetransmits}"));
        Add(i.Lost != 0, string.Create(c, $"lost:{i.Lost}"));
        Add(i.Sacked != 0 && socket.State != SocketState.Listen, string.Create(c, $"sacked:{i.Sacked}"));
        Add(i.DsackDups != 0, string.Create(c, $"dsack_dups:{i.DsackDups}"));
        Add(i.Reordering is not 3 and not 0, string.Create(c, $"reordering:{i.Reordering}"));
        Add(i.ReorderingSeen != 0, string.Create(c, $"reord_seen:{i.ReorderingSeen}"));
        Add(i.ReceiveRtt > TimeSpan.Zero, "rcv_rtt:" + Milliseconds(i.ReceiveRtt));
        Add(i.ReceiveSpace != 0, string.Create(c, $"rcv_space:{i.ReceiveSpace}"));
        Add(i.ReceiveSsthresh != 0, string.Create(c, $"rcv_ssthresh:{i.ReceiveSsthresh}"));
        Add(i.NotSentBytes != 0, string.Create(c, $"notsent:{i.NotSentBytes}"));
        Add(i.MinRtt > TimeSpan.Zero && i.MinRtt.TotalMicroseconds < uint.MaxValue, "minrtt:" + Milliseconds(i.MinRtt));
        Add(i.ReceiveOutOfOrderPackets != 0, string.Create(c, $"rcv_ooopack:{i.ReceiveOutOfOrderPackets}"));
        Add(i.SendWindow != 0, string.Create(c, $"snd_wnd:{i.SendWindow}"));
        return t.ToString();
    }

    /// <summary>A rate for people, as ss prints it without -n: 436.5G, 12.0M, 950.</summary>
    public static string Rate(double bitsPerSecond) => bitsPerSecond switch
    {
        > 1e12 => (bitsPerSecond / 1e12).ToString("0.0", CultureInfo.InvariantCulture) + "T",
        > 1e9 => (bitsPerSecond / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + "G",
        > 1e6 => (bitsPerSecond / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + "M",
        > 1e3 => (bitsPerSecond / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + "K",
        _ => bitsPerSecond.ToString("G6", CultureInfo.InvariantCulture),
    };

    /// <summary>A timer's time left as ss prints it: 119min, 59sec, 1.200ms, 200ms.</summary>
    public static string Duration(TimeSpan left)
    {
        long total = Math.Max(0, (long)left.TotalMilliseconds);
        long minutes = total / 60_000;
        long seconds = total / 1000 % 60;
        long millis = total % 1000;
        var text = new StringBuilder();
        if (minutes > 0)
        {
            millis = 0;
            text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append("min");
            if (minutes > 9)
            {
                seconds = 0;
            }
        }

        if (seconds > 0)
        {
            if (seconds > 9)
            {
                millis = 0;
            }

            text.Append(seconds.ToString(CultureInfo.InvariantCulture)).Append(millis > 0 ? "." : "sec");
        }

        if (millis > 0)
        {
            text.Append(millis.ToString(seconds > 0 ? "000" : "0", CultureInfo.InvariantCulture)).Append("ms");
        }

        return text.Length > 0 ? text.ToString() : "0ms";
    }

    private static string Milliseconds(TimeSpan value) => (value.TotalMicroseconds / 1000).ToString("G6", CultureInfo.InvariantCulture);
}
