using System.Net.Sockets;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Netlink;

/// <summary>
/// An AF_NETLINK socket: sends datagrams to the kernel and receives them without ever truncating.
/// The fd is created with SOCK_CLOEXEC and owned by a <see cref="System.Net.Sockets.Socket"/>,
/// whose epoll engine provides readiness waits that honour cancellation and end promptly on
/// <see cref="Dispose"/>; the reads themselves are single recvmsg calls that read the source
/// address and a datagram of any size up to 4 MiB beyond the buffer whole (a larger one fails
/// loudly with EMSGSIZE, it is never cut short). One receive may be pending at a time; sends may
/// come from any thread.
/// </summary>
public sealed class NetlinkSocket : IDisposable
{
    /// <summary>The socket's receive buffer to start with: a dump datagram is at most 32 KiB unless the family asks for more.</summary>
    private const int InitialBufferSize = 64 * 1024;

    /// <summary>The per-thread second iovec of every receive (see <see cref="TryReceiveNow"/>).</summary>
    private const int OverflowSize = 4 * 1024 * 1024;

    [ThreadStatic]
    private static byte[]? t_overflow;

    private readonly Socket _socket;
    private readonly Memory<byte> _peekByte = new byte[1];
    private byte[]? _buffer;
    private int _receiving;
    private long _foreignDropped;
    private volatile bool _disposed;

    private NetlinkSocket(Socket socket, NetlinkProtocol protocol, uint portId)
    {
        _socket = socket;
        Protocol = protocol;
        PortId = portId;
    }

    /// <summary>The protocol the socket speaks.</summary>
    public NetlinkProtocol Protocol { get; }

    /// <summary>The port id the kernel assigned at bind (nl_pid from getsockname).</summary>
    public uint PortId { get; }

    /// <summary>The socket fd (for options this class does not wrap).</summary>
    public SafeHandle Handle => _socket.SafeHandle;

    /// <summary>
    /// Datagrams dropped by <see cref="ReceiveAsync(CancellationToken)"/> because their source
    /// address was not the kernel (another process can send to our port id).
    /// </summary>
    public long ForeignDatagramsDropped => Interlocked.Read(ref _foreignDropped);

    /// <summary>Opens and binds a netlink socket, in <paramref name="netns"/> if given (else the caller's namespace).</summary>
    /// <param name="protocol">The netlink protocol.</param>
    /// <param name="netns">The network namespace the socket belongs to; null for the current thread's.</param>
    /// <exception cref="NetlinkException">socket, bind or getsockname failed.</exception>
    public static NetlinkSocket Open(NetlinkProtocol protocol, NetworkNamespace? netns = null)
    {
        if ((uint)protocol > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "netlink protocols are 0..31");
        }

        SafeSocketHandle handle = SocketCalls.Create(Interop.Libc.AF_NETLINK, Interop.Libc.SOCK_RAW, (int)protocol, netns, $"socket(AF_NETLINK, {protocol})");
        Socket? socket = null;
        try
        {
            socket = new Socket(handle);
            uint portId = BindAndGetPortId(handle);
            return new NetlinkSocket(socket, protocol, portId);
        }
        catch
        {
            if (socket is null)
            {
                handle.Dispose();
            }
            else
            {
                socket.Dispose();
            }

            throw;
        }
    }

    /// <summary>Sends one datagram (one or more messages) to the kernel.</summary>
    /// <exception cref="ArgumentException"><paramref name="datagram"/> is empty.</exception>
    public void Send(ReadOnlySpan<byte> datagram) => SendTo(datagram, 0);

    /// <summary>Sends one datagram to port <paramref name="portId"/> (0 is the kernel) and/or multicast <paramref name="groups"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="datagram"/> is empty.</exception>
    public unsafe void SendTo(ReadOnlySpan<byte> datagram, uint portId, uint groups = 0)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (datagram.IsEmpty)
        {
            throw new ArgumentException("a netlink datagram cannot be empty", nameof(datagram));
        }

        if (NetlinkTrace.IsActive)
        {
            NetlinkTrace.Datagram(NetlinkTraceDirection.Send, Protocol, PortId, portId, datagram);
        }

        var address = new Interop.Libc.SockAddrNl { Family = Interop.Libc.AF_NETLINK, PortId = portId, Groups = groups };
        fixed (byte* bytes = datagram)
        {
            while (Interop.Libc.SendTo(_socket.SafeHandle, bytes, (nuint)datagram.Length, 0, &address, (uint)sizeof(Interop.Libc.SockAddrNl)) < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno != Interop.Libc.EINTR)
                {
                    throw NetlinkException.FromErrno(errno, "sendto");
                }
            }
        }
    }

    /// <summary>
    /// Receives the next datagram from the kernel; datagrams from any other sender are dropped
    /// and counted in <see cref="ForeignDatagramsDropped"/>. The memory is valid until the next receive.
    /// </summary>
    /// <exception cref="NetlinkOverrunException">ENOBUFS: the receive queue overflowed and messages were lost.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The socket was disposed, also while waiting.</exception>
    public async ValueTask<ReadOnlyMemory<byte>> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            NetlinkDatagram datagram = await ReceiveFromAsync(cancellationToken).ConfigureAwait(false);
            if (datagram.IsFromKernel)
            {
                return datagram.Data;
            }

            CountForeignDatagram();
        }
    }

    /// <summary>Counts a datagram from a non-kernel sender that a caller of <see cref="ReceiveFromAsync"/> dropped.</summary>
    internal void CountForeignDatagram() => Interlocked.Increment(ref _foreignDropped);

    /// <summary>As <see cref="ReceiveAsync(CancellationToken)"/>, failing with <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = new Deadline(timeout, cancellationToken);
        try
        {
            return await ReceiveAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.HasExpired)
        {
            throw deadline.TimeoutError("receive");
        }
    }

    /// <summary>
    /// Receives the next datagram from any sender, with its source address. Callers that act on
    /// the content must check <see cref="NetlinkDatagram.IsFromKernel"/>.
    /// </summary>
    /// <exception cref="NetlinkOverrunException">ENOBUFS: the receive queue overflowed and messages were lost.</exception>
    /// <exception cref="InvalidOperationException">Another receive is pending on this socket.</exception>
    public async ValueTask<NetlinkDatagram> ReceiveFromAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.Exchange(ref _receiving, 1) != 0)
        {
            throw new InvalidOperationException("another receive is already pending on this netlink socket");
        }

        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (TryReceiveNow(out NetlinkDatagram datagram))
                {
                    return datagram;
                }

                await WaitReadableAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _receiving, 0);
        }
    }

    /// <summary>
    /// Receives a datagram from any sender if one is queued, without waiting (the request engine's
    /// fast path: the kernel answers most requests inside the sendmsg call, so the reply is already
    /// there). Same rules as <see cref="ReceiveFromAsync"/>; the memory is valid until the next receive.
    /// </summary>
    /// <returns>False if nothing is queued.</returns>
    /// <exception cref="NetlinkOverrunException">ENOBUFS: the receive queue overflowed and messages were lost.</exception>
    /// <exception cref="InvalidOperationException">Another receive is pending on this socket.</exception>
    public bool TryReceiveFrom(out NetlinkDatagram datagram)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.Exchange(ref _receiving, 1) != 0)
        {
            throw new InvalidOperationException("another receive is already pending on this netlink socket");
        }

        try
        {
            return TryReceiveNow(out datagram);
        }
        finally
        {
            Volatile.Write(ref _receiving, 0);
        }
    }

    /// <summary>Sets a boolean SOL_NETLINK option.</summary>
    public void SetOption(NetlinkSocketOption option, bool enabled)
    {
        CheckOption(option);
        ObjectDisposedException.ThrowIf(_disposed, this);
        SocketCalls.SetInt(_socket.SafeHandle, Interop.Libc.SOL_NETLINK, (int)option, enabled ? 1 : 0, $"setsockopt(SOL_NETLINK, {option})");
    }

    /// <summary>Reads a boolean SOL_NETLINK option.</summary>
    public bool GetOption(NetlinkSocketOption option)
    {
        CheckOption(option);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return SocketCalls.GetInt(_socket.SafeHandle, Interop.Libc.SOL_NETLINK, (int)option, $"getsockopt(SOL_NETLINK, {option})") != 0;
    }

    /// <summary>Joins multicast group <paramref name="group"/> (a group number, not a bit mask; e.g. RTNLGRP_LINK = 1).</summary>
    public void JoinGroup(uint group)
    {
        ArgumentOutOfRangeException.ThrowIfZero(group);
        ObjectDisposedException.ThrowIf(_disposed, this);
        SocketCalls.SetInt(_socket.SafeHandle, Interop.Libc.SOL_NETLINK, Interop.Libc.NETLINK_ADD_MEMBERSHIP, (int)group, $"setsockopt(NETLINK_ADD_MEMBERSHIP, {group})", Capabilities.NetAdmin);
    }

    /// <summary>Leaves multicast group <paramref name="group"/>.</summary>
    public void LeaveGroup(uint group)
    {
        ArgumentOutOfRangeException.ThrowIfZero(group);
        ObjectDisposedException.ThrowIf(_disposed, this);
        SocketCalls.SetInt(_socket.SafeHandle, Interop.Libc.SOL_NETLINK, Interop.Libc.NETLINK_DROP_MEMBERSHIP, (int)group, $"setsockopt(NETLINK_DROP_MEMBERSHIP, {group})");
    }

    /// <summary>The receive buffer size as the kernel reports it (SO_RCVBUF; the kernel doubles what was set).</summary>
    public int ReceiveBufferSize
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return SocketCalls.GetInt(_socket.SafeHandle, Interop.Libc.SOL_SOCKET, Interop.Libc.SO_RCVBUF, "getsockopt(SO_RCVBUF)");
        }
    }

    /// <summary>Sets the receive buffer size.</summary>
    /// <param name="bytes">Requested size; the kernel doubles it for bookkeeping.</param>
    /// <param name="force">
    /// Use SO_RCVBUFFORCE to exceed net.core.rmem_max. It needs CAP_NET_ADMIN; without it the size
    /// is set with SO_RCVBUF instead, which the kernel caps at rmem_max (read <see cref="ReceiveBufferSize"/>).
    /// </param>
    public void SetReceiveBufferSize(int bytes, bool force = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        ObjectDisposedException.ThrowIf(_disposed, this);
        SocketCalls.SetBufferSize(_socket.SafeHandle, Interop.Libc.SO_RCVBUF, Interop.Libc.SO_RCVBUFFORCE, bytes, force, "SO_RCVBUF");
    }

    /// <summary>
    /// The name of interface <paramref name="index"/> in the socket's network namespace (SIOCGIFNAME on
    /// this socket: no netlink request, so it may be called while a dump is being read), or null if
    /// there is none.
    /// </summary>
    public string? GetInterfaceName(int index)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(index);
        try
        {
            return Packet.InterfaceRequests.GetName(_socket.SafeHandle, index, string.Empty);
        }
        catch (Packet.PacketInterfaceException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>The index of interface <paramref name="name"/> in the socket's network namespace (SIOCGIFINDEX), or null if there is none.</summary>
    /// <exception cref="ArgumentException">Not a valid interface name.</exception>
    public int? GetInterfaceIndex(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Packet.InterfaceRequests.ValidateName(name, nameof(name));
        try
        {
            return Packet.InterfaceRequests.GetIndex(_socket.SafeHandle, name, string.Empty);
        }
        catch (Packet.PacketInterfaceException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Sets the send buffer size, which bounds the largest datagram <see cref="Send"/> accepts (EMSGSIZE beyond it).</summary>
    /// <param name="bytes">Requested size; the kernel doubles it for bookkeeping.</param>
    /// <param name="force">Use SO_SNDBUFFORCE to exceed net.core.wmem_max; without CAP_NET_ADMIN, SO_SNDBUF (capped at wmem_max) instead.</param>
    public void SetSendBufferSize(int bytes, bool force = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        ObjectDisposedException.ThrowIf(_disposed, this);
        SocketCalls.SetBufferSize(_socket.SafeHandle, Interop.Libc.SO_SNDBUF, Interop.Libc.SO_SNDBUFFORCE, bytes, force, "SO_SNDBUF");
    }

    /// <summary>Attaches a classic BPF filter (SO_ATTACH_FILTER); it sees each message datagram and returns how many bytes to keep (0 drops).</summary>
    /// <exception cref="BpfProgramException">The kernel would refuse the program (<see cref="BpfVerifier"/>): the message names the instruction.</exception>
    public void AttachFilter(ReadOnlySpan<BpfInstruction> program)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SocketCalls.AttachFilter(_socket.SafeHandle, program);
    }

    /// <summary>Removes the BPF filter, if any (SO_DETACH_FILTER).</summary>
    public void DetachFilter()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SocketCalls.DetachFilter(_socket.SafeHandle);
    }

    /// <summary>Closes the socket. A pending receive ends with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        _socket.Dispose();
    }

    private static void CheckOption(NetlinkSocketOption option)
    {
        if (!Enum.IsDefined(option))
        {
            throw new ArgumentOutOfRangeException(nameof(option), option, "not a known netlink socket option");
        }
    }

    private static unsafe uint BindAndGetPortId(SafeSocketHandle handle)
    {
        // nl_pid 0 asks the kernel to pick a unique port id; read it back with getsockname.
        var address = new Interop.Libc.SockAddrNl { Family = Interop.Libc.AF_NETLINK };
        uint length = (uint)sizeof(Interop.Libc.SockAddrNl);
        if (Interop.Libc.Bind(handle, &address, length) != 0)
        {
            throw NetlinkException.FromLastError("bind(AF_NETLINK)");
        }

        if (Interop.Libc.GetSockName(handle, &address, &length) != 0)
        {
            throw NetlinkException.FromLastError("getsockname(AF_NETLINK)");
        }

        return address.PortId;
    }

    /// <summary>
    /// Reads one datagram if one is queued, without blocking, in one recvmsg call. The socket's own
    /// buffer (64 KiB, more once a larger datagram was seen) is the first iovec; a per-thread
    /// overflow area (<see cref="OverflowSize"/>, address space only until a datagram reaches
    /// into it) is the second, so a datagram larger than the buffer still arrives whole and is
    /// then moved into a grown buffer. This avoids a sizing MSG_PEEK call per datagram, which
    /// costs as much as the read itself for the small ACKs of a request stream. MSG_TRUNC makes
    /// the kernel report the real length, so a datagram too large even for both is a loud error,
    /// never a silent cut.
    /// </summary>
    private unsafe bool TryReceiveNow(out NetlinkDatagram datagram)
    {
        datagram = default;
        byte[] buffer = _buffer ??= GC.AllocateUninitializedArray<byte>(InitialBufferSize);
        byte[] overflow = t_overflow ??= GC.AllocateUninitializedArray<byte>(OverflowSize, pinned: true);
        var source = default(Interop.Libc.SockAddrNl);
        nint received;
        int flags;
        fixed (byte* bytes = buffer)
        fixed (byte* spill = overflow)
        {
            Interop.Libc.IoVec* iov = stackalloc Interop.Libc.IoVec[2];
            iov[0] = new Interop.Libc.IoVec { Base = bytes, Length = (nuint)buffer.Length };
            iov[1] = new Interop.Libc.IoVec { Base = spill, Length = (nuint)overflow.Length };
            var message = new Interop.Libc.MsgHdr { Name = &source, NameLength = (uint)sizeof(Interop.Libc.SockAddrNl), Iov = iov, IovLength = 2 };
            received = Interop.Libc.RecvMsg(_socket.SafeHandle, &message, Interop.Libc.MSG_DONTWAIT | Interop.Libc.MSG_TRUNC);
            flags = message.Flags;
        }

        if (received < 0)
        {
            return ReceiveFailed(Marshal.GetLastPInvokeError());
        }

        if ((flags & Interop.Libc.MSG_TRUNC) != 0 || received > buffer.Length + overflow.Length)
        {
            throw new NetlinkException(90 /* EMSGSIZE */, $"recvmsg (a {received}-byte datagram exceeded the {buffer.Length + overflow.Length}-byte receive area and was lost)");
        }

        int length = (int)received;
        if (length > buffer.Length)
        {
            // Rare: keep the whole datagram in one buffer, big enough for the next one too.
            byte[] grown = GC.AllocateUninitializedArray<byte>((int)BitOperations.RoundUpToPowerOf2((uint)length));
            buffer.CopyTo(grown, 0);
            overflow.AsSpan(0, length - buffer.Length).CopyTo(grown.AsSpan(buffer.Length));
            _buffer = buffer = grown;
        }

        var data = new ReadOnlyMemory<byte>(buffer, 0, length);
        if (NetlinkTrace.IsActive)
        {
            NetlinkTrace.Datagram(NetlinkTraceDirection.Receive, Protocol, PortId, source.PortId, data.Span);
        }

        datagram = new NetlinkDatagram(data, source.PortId, source.Groups);
        return true;
    }

    /// <summary>Maps a recvmsg errno: false to wait and retry, or an exception.</summary>
    private bool ReceiveFailed(int errno)
    {
        if (errno is Interop.Libc.EAGAIN or Interop.Libc.EINTR)
        {
            return false;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        throw NetlinkException.FromErrno(errno, "recvmsg");
    }

    private async ValueTask WaitReadableAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A 1-byte peek through the Socket waits on its epoll registration; the datagram stays queued.
            await _socket.ReceiveAsync(_peekByte, SocketFlags.Peek, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.NoBufferSpaceAvailable)
        {
            // The peek consumed the pending ENOBUFS (sock_error clears it): report it here.
            throw new NetlinkOverrunException("recvmsg");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
        {
            // Peeking one byte of a larger datagram: it is readable.
        }
        catch (SocketException) when (_disposed)
        {
            throw new ObjectDisposedException(nameof(NetlinkSocket));
        }
    }
}
