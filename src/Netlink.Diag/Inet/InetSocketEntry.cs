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

    /// <summary>The fixed header (struct inet_diag_msg, 72 bytes) as the generated struct (a copy).</summary>
    public SockDiag.InetDiagMsg Header => Message;

    /// <summary>The Linux family number (AF_INET 2, AF_INET6 10).</summary>
    public byte LinuxFamily => Message.IdiagFamily;

    /// <summary>InterNetwork or InterNetworkV6.</summary>
    public AddressFamily Family => InetAddress.FromLinux(LinuxFamily);

    /// <summary>The state.</summary>
    public SocketState State => (SocketState)Message.IdiagState;

    /// <summary>The pending timer.</summary>
    public SocketTimer Timer => (SocketTimer)Message.IdiagTimer;

    /// <summary>Retransmits or probes (idiag_retrans).</summary>
    public byte TimerRetransmits => Message.IdiagRetrans;

    /// <summary>Local port.</summary>
    public ushort LocalPort => Message.Id.IdiagSport;

    /// <summary>Peer port.</summary>
    public ushort RemotePort => Message.Id.IdiagDport;

    /// <summary>Local address bytes (4 or 16, network order).</summary>
    public ReadOnlySpan<byte> LocalAddress => ((ReadOnlySpan<byte>)Message.Id.IdiagSrc)[..AddressLength];

    /// <summary>Peer address bytes (4 or 16, network order).</summary>
    public ReadOnlySpan<byte> RemoteAddress => ((ReadOnlySpan<byte>)Message.Id.IdiagDst)[..AddressLength];

    /// <summary>Bound interface index, 0 if none.</summary>
    public int InterfaceIndex => unchecked((int)Message.Id.IdiagIf);

    /// <summary>Kernel socket cookie (two host-order u32 words on the wire, low word first).</summary>
    public ulong Cookie => Cookies.Read(Message.Id.IdiagCookie);

    /// <summary>Milliseconds until the timer fires.</summary>
    public uint TimerExpiresMilliseconds => Message.IdiagExpires;

    /// <summary>Receive queue (or accept backlog in use).</summary>
    public uint ReceiveQueue => Message.IdiagRqueue;

    /// <summary>Send queue (or maximum accept backlog).</summary>
    public uint SendQueue => Message.IdiagWqueue;

    /// <summary>Owner uid.</summary>
    public uint Uid => Message.IdiagUid;

    /// <summary>Socket inode.</summary>
    public uint Inode => Message.IdiagInode;

    /// <summary>The header in the receive buffer, seen through the generated struct (no copy).</summary>
    private ref readonly SockDiag.InetDiagMsg Message => ref MemoryMarshal.AsRef<SockDiag.InetDiagMsg>(_header);

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
        if (!SockDiag.TryReadInetDiagReply(message, out SockDiag.InetDiagMsg header, out SockDiag.InetDiagAttrsReader attributes)
            || header.IdiagFamily is not (InetAddress.Inet or InetAddress.Inet6))
        {
            return false;
        }

        // The entry views the header where it is, in the receive buffer (TryRead checked its length).
        entry = new InetSocketEntry(protocol, message.Slice(Messages.NlMsgHeader.Size, SockDiag.InetDiagMsg.Size), attributes);
        return true;
    }
}
