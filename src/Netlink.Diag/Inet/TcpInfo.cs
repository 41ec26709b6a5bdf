using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Netlink.Diag.Generated;

namespace Netlink.Diag;

/// <summary>
/// TCP connection state from INET_DIAG_INFO (struct tcp_info). Times are converted to
/// <see cref="TimeSpan"/>; the kernel's raw struct is in <see cref="Raw"/>. Older kernels send a
/// shorter struct: fields beyond <see cref="Length"/> read as 0.
/// </summary>
public sealed record TcpInfo
{
    private TcpInfo(in SockDiag.TcpInfo raw, int length)
    {
        Raw = raw;
        Length = length;
    }

    /// <summary>The struct as the kernel sent it (zero beyond <see cref="Length"/>).</summary>
    public SockDiag.TcpInfo Raw { get; }

    /// <summary>How many bytes of tcp_info the kernel sent (232 up to 6.6, 248 up to 6.17, 280 later; bytes beyond 280 are not decoded).</summary>
    public int Length { get; }

    /// <summary>TCP state.</summary>
    public SocketState State => (SocketState)Raw.State;

    /// <summary>Congestion avoidance state (TCP_CA_*: 0 open, 1 disorder, 2 CWR, 3 recovery, 4 loss).</summary>
    public byte CongestionAvoidanceState => Raw.CaState;

    /// <summary>Retransmits of the current unacknowledged segment.</summary>
    public byte Retransmits => Raw.Retransmits;

    /// <summary>Unanswered zero window or keepalive probes.</summary>
    public byte Probes => Raw.Probes;

    /// <summary>Exponential backoff count.</summary>
    public byte Backoff => Raw.Backoff;

    /// <summary>TCPI_OPT_* bits (1 timestamps, 2 SACK, 4 window scaling, 8 ECN…).</summary>
    public byte Options => Raw.Options;

    /// <summary>Send window scale.</summary>
    public int SendWindowScale => Raw.SndRcvWscale & 0x0f;

    /// <summary>Receive window scale.</summary>
    public int ReceiveWindowScale => Raw.SndRcvWscale >> 4;

    /// <summary>The delivery rate was limited by the application.</summary>
    public bool DeliveryRateAppLimited => (Raw.AppLimitedFastopenFail & 1) != 0;

    /// <summary>Retransmission timeout.</summary>
    public TimeSpan RetransmitTimeout => Micros(Raw.Rto);

    /// <summary>Delayed ACK timeout.</summary>
    public TimeSpan AckTimeout => Micros(Raw.Ato);

    /// <summary>Send MSS.</summary>
    public uint SendMss => Raw.SndMss;

    /// <summary>Receive MSS.</summary>
    public uint ReceiveMss => Raw.RcvMss;

    /// <summary>Segments sent and not yet acknowledged.</summary>
    public uint Unacked => Raw.Unacked;

    /// <summary>Segments selectively acknowledged.</summary>
    public uint Sacked => Raw.Sacked;

    /// <summary>Segments considered lost.</summary>
    public uint Lost => Raw.Lost;

    /// <summary>Segments retransmitted and in flight.</summary>
    public uint Retransmitting => Raw.Retrans;

    /// <summary>Time since data was last sent.</summary>
    public TimeSpan LastDataSent => TimeSpan.FromMilliseconds(Raw.LastDataSent);

    /// <summary>Time since data was last received.</summary>
    public TimeSpan LastDataReceived => TimeSpan.FromMilliseconds(Raw.LastDataRecv);

    /// <summary>Time since an ACK was last received.</summary>
    public TimeSpan LastAckReceived => TimeSpan.FromMilliseconds(Raw.LastAckRecv);

    /// <summary>Path MTU.</summary>
    public uint PathMtu => Raw.Pmtu;

    /// <summary>Receive slow start threshold.</summary>
    public uint ReceiveSsthresh => Raw.RcvSsthresh;

    /// <summary>Smoothed round-trip time.</summary>
    public TimeSpan Rtt => Micros(Raw.Rtt);

    /// <summary>Round-trip time variance.</summary>
    public TimeSpan RttVariance => Micros(Raw.Rttvar);

    /// <summary>Send slow start threshold (segments; 0x7fffffff = infinite).</summary>
    public uint SendSsthresh => Raw.SndSsthresh;

    /// <summary>Congestion window (segments).</summary>
    public uint CongestionWindow => Raw.SndCwnd;

    /// <summary>Advertised MSS.</summary>
    public uint AdvertisedMss => Raw.Advmss;

    /// <summary>Reordering metric.</summary>
    public uint Reordering => Raw.Reordering;

    /// <summary>Receiver-side RTT estimate.</summary>
    public TimeSpan ReceiveRtt => Micros(Raw.RcvRtt);

    /// <summary>Receive buffer space the receiver advertises.</summary>
    public uint ReceiveSpace => Raw.RcvSpace;

    /// <summary>Retransmitted segments over the connection's life.</summary>
    public uint TotalRetransmits => Raw.TotalRetrans;

    /// <summary>Pacing rate in bytes per second.</summary>
    public ulong PacingRate => Raw.PacingRate;

    /// <summary>Maximum pacing rate in bytes per second (ulong.MaxValue = unlimited).</summary>
    public ulong MaxPacingRate => Raw.MaxPacingRate;

    /// <summary>Bytes acknowledged by the peer.</summary>
    public ulong BytesAcked => Raw.BytesAcked;

    /// <summary>Bytes received.</summary>
    public ulong BytesReceived => Raw.BytesReceived;

    /// <summary>Segments sent.</summary>
    public uint SegmentsOut => Raw.SegsOut;

    /// <summary>Segments received.</summary>
    public uint SegmentsIn => Raw.SegsIn;

    /// <summary>Bytes queued and not yet sent.</summary>
    public uint NotSentBytes => Raw.NotsentBytes;

    /// <summary>Minimum RTT seen.</summary>
    public TimeSpan MinRtt => Micros(Raw.MinRtt);

    /// <summary>Data segments received.</summary>
    public uint DataSegmentsIn => Raw.DataSegsIn;

    /// <summary>Data segments sent.</summary>
    public uint DataSegmentsOut => Raw.DataSegsOut;

    /// <summary>Delivery rate in bytes per second.</summary>
    public ulong DeliveryRate => Raw.DeliveryRate;

    /// <summary>Time spent busy sending.</summary>
    public TimeSpan BusyTime => Micros(Raw.BusyTime);

    /// <summary>Time limited by the receive window.</summary>
    public TimeSpan ReceiveWindowLimited => Micros(Raw.RwndLimited);

    /// <summary>Time limited by the send buffer.</summary>
    public TimeSpan SendBufferLimited => Micros(Raw.SndbufLimited);

    /// <summary>Segments delivered.</summary>
    public uint Delivered => Raw.Delivered;

    /// <summary>Segments delivered with ECN CE marks.</summary>
    public uint DeliveredCe => Raw.DeliveredCe;

    /// <summary>Bytes sent, retransmissions included.</summary>
    public ulong BytesSent => Raw.BytesSent;

    /// <summary>Bytes retransmitted.</summary>
    public ulong BytesRetransmitted => Raw.BytesRetrans;

    /// <summary>Duplicate SACK blocks received.</summary>
    public uint DsackDups => Raw.DsackDups;

    /// <summary>Reordering events seen.</summary>
    public uint ReorderingSeen => Raw.ReordSeen;

    /// <summary>Out-of-order packets received.</summary>
    public uint ReceiveOutOfOrderPackets => Raw.RcvOoopack;

    /// <summary>Peer's advertised receive window (bytes).</summary>
    public uint SendWindow => Raw.SndWnd;

    /// <summary>Local receive window (bytes); 0 on kernels sending 232 bytes.</summary>
    public uint ReceiveWindow => Raw.RcvWnd;

    /// <summary>PLB or timeout triggered rehashes; 0 on kernels sending 232 bytes.</summary>
    public uint Rehash => Raw.Rehash;

    /// <summary>RTO timeouts over the connection's life.</summary>
    public ushort TotalRto => Raw.TotalRto;

    /// <summary>RTO recoveries.</summary>
    public ushort TotalRtoRecoveries => Raw.TotalRtoRecoveries;

    /// <summary>Time spent in RTO recoveries.</summary>
    public TimeSpan TotalRtoTime => TimeSpan.FromMilliseconds(Raw.TotalRtoTime);

    /// <summary>Reads the payload of INET_DIAG_INFO; shorter payloads leave later fields 0, longer ones are cut.</summary>
    /// <returns>Null if the payload is shorter than the fixed start (8 bytes).</returns>
    public static TcpInfo? FromPayload(ReadOnlySpan<byte> payload) =>
        TryRead(payload, out SockDiag.TcpInfo raw, out int length) ? new TcpInfo(raw, length) : null;

    /// <summary>Copies up to <see cref="SockDiag.TcpInfo.Size"/> bytes into a zeroed struct (no allocation).</summary>
    internal static bool TryRead(ReadOnlySpan<byte> payload, out SockDiag.TcpInfo raw, out int length)
    {
        raw = default;
        length = payload.Length;
        if (length < 8)
        {
            return false;
        }

        payload[..Math.Min(length, Unsafe.SizeOf<SockDiag.TcpInfo>())].CopyTo(MemoryMarshal.AsBytes(new Span<SockDiag.TcpInfo>(ref raw)));
        return true;
    }

    private static TimeSpan Micros(ulong value) => TimeSpan.FromMicroseconds(value);
}
