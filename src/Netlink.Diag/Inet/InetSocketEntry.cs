using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Netlink.Diag.Generated;
using Netlink.Encoding;

namespace Netlink.Diag;

/// <summary>Sees one inet socket in place, in the receive buffer; valid only during the call.</summary>
public delegate void InetSocketVisitor(in InetSocketEntry socket);

/// <summary>
/// One inet_diag reply seen in place (no copy, no allocation): the fixed header's fields, the
/// generated attribute reader, and <see cref="ToSocketInfo"/> for a copy to keep.
/// </summary>
public readonly ref struct InetSocketEntry
{
    private readonly ReadOnlySpan<byte> _header;

    internal InetSocketEntry(SocketProtocol protocol, ReadOnlySpan<byte> header, SockDiag.InetDiagAttrsReader attributes)
    {
        Protocol = protocol;
        _header = header;
        Attributes = attributes;
    }

    /// <summary>The protocol asked for.</summary>
    public SocketProtocol Protocol { get; }

    /// <summary>The reply's attributes (INET_DIAG_INFO, CONG, SKMEMINFO…) through the generated reader.</summary>
    public SockDiag.InetDiagAttrsReader Attributes { get; }

    /// <summary>The fixed header (struct inet_diag_msg, 72 bytes) as the generated struct.</summary>
    public SockDiag.InetDiagMsg Header => MemoryMarshal.Read<SockDiag.InetDiagMsg>(_header);

    /// <summary>The Linux family number (AF_INET 2, AF_INET6 10).</summary>
    public byte LinuxFamily => _header[0];

    /// <summary>InterNetwork or InterNetworkV6.</summary>
    public AddressFamily Family => InetAddress.FromLinux(LinuxFamily);

    /// <summary>The state.</summary>
    public SocketState State => (SocketState)_header[1];

    /// <summary>The pending timer.</summary>
    public SocketTimer Timer => (SocketTimer)_header[2];

    /// <summary>Retransmits or probes (idiag_retrans).</summary>
    public byte TimerRetransmits => _header[3];

    /// <summary>Local port.</summary>
    public ushort LocalPort => BinaryPrimitives.ReadUInt16BigEndian(_header[4..]);

    /// <summary>Peer port.</summary>
    public ushort RemotePort => BinaryPrimitives.ReadUInt16BigEndian(_header[6..]);

    /// <summary>Local address bytes (4 or 16, network order).</summary>
    public ReadOnlySpan<byte> LocalAddress => _header.Slice(8, AddressLength);

    /// <summary>Peer address bytes (4 or 16, network order).</summary>
    public ReadOnlySpan<byte> RemoteAddress => _header.Slice(24, AddressLength);

    /// <summary>Bound interface index, 0 if none.</summary>
    public int InterfaceIndex => MemoryMarshal.Read<int>(_header[40..]);

    /// <summary>Kernel socket cookie.</summary>
    public ulong Cookie => MemoryMarshal.Read<uint>(_header[44..]) | ((ulong)MemoryMarshal.Read<uint>(_header[48..]) << 32);

    /// <summary>Milliseconds until the timer fires.</summary>
    public uint TimerExpiresMilliseconds => MemoryMarshal.Read<uint>(_header[52..]);

    /// <summary>Receive queue (or accept backlog in use).</summary>
    public uint ReceiveQueue => MemoryMarshal.Read<uint>(_header[56..]);

    /// <summary>Send queue (or maximum accept backlog).</summary>
    public uint SendQueue => MemoryMarshal.Read<uint>(_header[60..]);

    /// <summary>Owner uid.</summary>
    public uint Uid => MemoryMarshal.Read<uint>(_header[64..]);

    /// <summary>Socket inode.</summary>
    public uint Inode => MemoryMarshal.Read<uint>(_header[68..]);

    private int AddressLength => LinuxFamily == InetAddress.Inet ? 4 : 16;

    /// <summary>Reads INET_DIAG_INFO into the generated tcp_info struct without allocating; <paramref name="length"/> is what the kernel sent.</summary>
    public bool TryGetTcpInfo(out SockDiag.TcpInfo info, out int length)
    {
        if (Protocol == SocketProtocol.Tcp && Attributes.TryGetInfoBytes(out ReadOnlySpan<byte> payload))
        {
            return Diag.TcpInfo.TryRead(payload, out info, out length);
        }

        info = default;
        length = 0;
        return false;
    }

    /// <summary>Copies everything into a <see cref="SocketInfo"/> (allocates).</summary>
    public SocketInfo ToSocketInfo()
    {
        SockDiag.InetDiagAttrsReader a = Attributes;
        SocketMemory? memory = null;
        if (a.TryGetSkmeminfoBytes(out ReadOnlySpan<byte> skmem))
        {
            memory = SocketMemory.FromArray(skmem);
        }
        else if (a.TryGetMeminfo(out SockDiag.InetDiagMeminfo meminfo))
        {
            memory = new SocketMemory
            {
                ReceiveAllocated = meminfo.IdiagRmem,
                SendQueued = meminfo.IdiagWmem,
                ForwardAllocated = meminfo.IdiagFmem,
                SendAllocated = meminfo.IdiagTmem,
            };
        }

        TcpInfo? tcpInfo = Protocol == SocketProtocol.Tcp && a.TryGetInfoBytes(out ReadOnlySpan<byte> info) ? Diag.TcpInfo.FromPayload(info) : null;
        return new SocketInfo
        {
            Family = Family,
            Protocol = Protocol,
            State = State,
            Local = new IPEndPoint(new IPAddress(LocalAddress), LocalPort),
            Remote = new IPEndPoint(new IPAddress(RemoteAddress), RemotePort),
            InterfaceIndex = InterfaceIndex,
            Cookie = Cookie,
            Inode = Inode,
            Uid = Uid,
            ReceiveQueue = ReceiveQueue,
            SendQueue = SendQueue,
            Timer = Timer,
            TimerExpires = TimeSpan.FromMilliseconds(TimerExpiresMilliseconds),
            TimerRetransmits = TimerRetransmits,
            TcpInfo = tcpInfo,
            Memory = memory,
            Congestion = a.TryGetCong(out string? cong) ? cong : null,
            Mark = a.TryGetMark(out uint mark) ? mark : null,
            Tos = a.TryGetTos(out byte tos) ? tos : null,
            TrafficClass = a.TryGetTclass(out byte tclass) ? tclass : null,
            Shutdown = a.TryGetShutdown(out byte shutdown) ? shutdown : null,
            CgroupId = a.TryGetCgroupId(out ulong cgroup) ? cgroup : null,
            V6Only = a.TryGetSkv6only(out byte v6only) ? v6only != 0 : null,
            ClassId = a.TryGetClassId(out uint classId) ? classId : null,
        };
    }

    /// <summary>Parses one reply message; false if it is not an inet_diag_msg of a known family.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> message, SocketProtocol protocol, out InetSocketEntry entry)
    {
        entry = default;
        if (!SockDiag.TryReadInetDiagReply(message, out _, out SockDiag.InetDiagAttrsReader attributes))
        {
            return false;
        }

        ReadOnlySpan<byte> header = message.Slice(Messages.NlMsgHeader.Size, SockDiag.InetDiagMsg.Size);
        if (header[0] is not (InetAddress.Inet or InetAddress.Inet6))
        {
            return false;
        }

        entry = new InetSocketEntry(protocol, header, attributes);
        return true;
    }
}
