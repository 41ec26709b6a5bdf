namespace Netlink.Diag;

/// <summary>One UNIX socket as unix_diag reports it.</summary>
public sealed record UnixSocketInfo
{
    /// <summary>Stream, datagram or seqpacket.</summary>
    public required UnixSocketType Type { get; init; }

    /// <summary>State: Listen, Established (connected) or Close (unconnected).</summary>
    public required SocketState State { get; init; }

    /// <summary>Socket inode (the N of <c>socket:[N]</c>).</summary>
    public required uint Inode { get; init; }

    /// <summary>Kernel socket cookie.</summary>
    public ulong Cookie { get; init; }

    /// <summary>
    /// Bound address as <c>ss</c> prints it: a file system path, or for an abstract name
    /// '@' followed by the name (NUL bytes inside shown as '@'); null if unbound.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>True when bound to an abstract name (sun_path starting with NUL).</summary>
    public bool IsAbstract { get; init; }

    /// <summary>The raw sun_path bytes the kernel sent (abstract names keep their leading NUL); empty if unbound.</summary>
    public ReadOnlyMemory<byte> RawName { get; init; }

    /// <summary>Inode of the peer socket, if connected.</summary>
    public uint? PeerInode { get; init; }

    /// <summary>Receive queue: queued bytes/datagrams, or for listeners pending connections.</summary>
    public uint ReceiveQueue { get; init; }

    /// <summary>Send queue: for listeners the backlog limit, else bytes the peer has not read.</summary>
    public uint SendQueue { get; init; }

    /// <summary>Owner uid, when reported (Linux 5.3+).</summary>
    public uint? Uid { get; init; }

    /// <summary>Inode and device of the socket file for a path name.</summary>
    public (uint Inode, uint Device)? FileNode { get; init; }

    /// <summary>Inodes of connections waiting to be accepted (listeners only).</summary>
    public IReadOnlyList<uint> PendingConnections { get; init; } = [];

    /// <summary>Shutdown bits (1 receive, 2 send), when reported.</summary>
    public byte? Shutdown { get; init; }

    /// <summary>Memory counters, when asked.</summary>
    public SocketMemory? Memory { get; init; }

    /// <summary>
    /// Equal when every property is: the raw name and the pending connections by content (the
    /// compiler's record equality would compare them by reference, so two dumps of the same socket
    /// would never be equal).
    /// </summary>
    public bool Equals(UnixSocketInfo? other) =>
        other is not null
        && Type == other.Type
        && State == other.State
        && Inode == other.Inode
        && Cookie == other.Cookie
        && Path == other.Path
        && IsAbstract == other.IsAbstract
        && RawName.Span.SequenceEqual(other.RawName.Span)
        && PeerInode == other.PeerInode
        && ReceiveQueue == other.ReceiveQueue
        && SendQueue == other.SendQueue
        && Uid == other.Uid
        && FileNode == other.FileNode
        && PendingConnections.SequenceEqual(other.PendingConnections)
        && Shutdown == other.Shutdown
        && Equals(Memory, other.Memory);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, State, Inode, Cookie, Path, PeerInode);

    /// <inheritdoc/>
    public override string ToString() => $"unix {Type} {State.ToSsName()} {Path ?? "*"} inode {Inode} peer {PeerInode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*"}";
}
