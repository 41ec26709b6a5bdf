using System.Runtime.InteropServices;
using Netlink.Diag.Generated;

namespace Netlink.Diag;

/// <summary>Sees one UNIX socket in place, in the receive buffer; valid only during the call.</summary>
public delegate void UnixSocketVisitor(in UnixSocketEntry socket);

/// <summary>One unix_diag reply seen in place: the fixed header's fields and the generated attribute reader.</summary>
public readonly ref struct UnixSocketEntry
{
    /// <summary>AF_UNIX.</summary>
    internal const byte AfUnix = 1;

    private readonly ReadOnlySpan<byte> _header;

    private UnixSocketEntry(ReadOnlySpan<byte> header, SockDiag.UnixDiagAttrsReader attributes)
    {
        _header = header;
        Attributes = attributes;
    }

    /// <summary>The reply's attributes through the generated reader.</summary>
    public SockDiag.UnixDiagAttrsReader Attributes { get; }

    /// <summary>The socket type.</summary>
    public UnixSocketType Type => (UnixSocketType)Message.UdiagType;

    /// <summary>The state.</summary>
    public SocketState State => (SocketState)Message.UdiagState;

    /// <summary>Socket inode.</summary>
    public uint Inode => Message.UdiagIno;

    /// <summary>Kernel socket cookie (two host-order u32 words on the wire, low word first).</summary>
    public ulong Cookie => Cookies.Read(Message.UdiagCookie);

    /// <summary>The header in the receive buffer, seen through the generated struct (no copy).</summary>
    private ref readonly SockDiag.UnixDiagMsg Message => ref MemoryMarshal.AsRef<SockDiag.UnixDiagMsg>(_header);

    /// <summary>The raw sun_path bytes (empty if unbound).</summary>
    public ReadOnlySpan<byte> RawName => Attributes.TryGetNameBytes(out ReadOnlySpan<byte> name) ? name : default;

    /// <summary>Renders a sun_path as <c>ss</c> does: '@' + name for abstract names (inner NULs as '@'), the path up to its first NUL otherwise.</summary>
    public static string? FormatName(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return null;
        }

        if (name[0] == 0)
        {
            string text = System.Text.Encoding.UTF8.GetString(name[1..]);
            return "@" + text.Replace('\0', '@');
        }

        int nul = name.IndexOf((byte)0);
        return System.Text.Encoding.UTF8.GetString(nul >= 0 ? name[..nul] : name);
    }

    /// <summary>Copies everything into a <see cref="UnixSocketInfo"/> (allocates).</summary>
    public UnixSocketInfo ToUnixSocketInfo()
    {
        SockDiag.UnixDiagAttrsReader a = Attributes;
        ReadOnlySpan<byte> name = RawName;
        uint[] pending = [];
        if (a.TryGetIconsBytes(out ReadOnlySpan<byte> icons))
        {
            pending = MemoryMarshal.Cast<byte, uint>(icons[..(icons.Length & ~3)]).ToArray();
        }

        bool hasRqlen = a.TryGetRqlen(out SockDiag.UnixDiagRqlen rqlen);
        return new UnixSocketInfo
        {
            Type = Type,
            State = State,
            Inode = Inode,
            Cookie = Cookie,
            Path = FormatName(name),
            IsAbstract = !name.IsEmpty && name[0] == 0,
            RawName = name.ToArray(),
            PeerInode = a.TryGetPeer(out uint peer) ? peer : null,
            ReceiveQueue = hasRqlen ? rqlen.UdiagRqueue : 0,
            SendQueue = hasRqlen ? rqlen.UdiagWqueue : 0,
            Uid = a.TryGetUid(out uint uid) ? uid : null,
            FileNode = a.TryGetVfs(out SockDiag.UnixDiagVfs vfs) ? (vfs.UdiagVfsIno, vfs.UdiagVfsDev) : null,
            PendingConnections = pending,
            Shutdown = a.TryGetShutdown(out byte shutdown) ? shutdown : null,
            Memory = a.TryGetMeminfoBytes(out ReadOnlySpan<byte> memory) ? SocketMemory.FromArray(memory) : null,
        };
    }

    /// <summary>Parses one reply message; false if it is not a unix_diag_msg.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> message, out UnixSocketEntry entry)
    {
        entry = default;
        if (!SockDiag.TryReadUnixDiagReply(message, out SockDiag.UnixDiagMsg header, out SockDiag.UnixDiagAttrsReader attributes) || header.UdiagFamily != AfUnix)
        {
            return false;
        }

        entry = new UnixSocketEntry(message.Slice(Messages.NlMsgHeader.Size, SockDiag.UnixDiagMsg.Size), attributes);
        return true;
    }
}
