using System.Buffers;
using System.Buffers.Binary;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Netlink.Packet;

/// <summary>
/// An AF_PACKET socket bound to one interface and one EtherType (or every protocol): sends and
/// receives link-layer frames with the peer's hardware address. The socket is created with
/// protocol 0, so it receives nothing until it is bound; the BPF filter is attached before the
/// bind, so no frame ever reaches it unfiltered. Interface names and MTUs are resolved with
/// ioctls on the socket itself, i.e. in the socket's network namespace.
/// One receive may be pending at a time; sends may come from any thread.
/// </summary>
/// <example>
/// <code>
/// using var socket = PacketSocket.Open("eth0", EtherTypes.LocalExperimental1);
/// socket.SendTo("hello"u8, PhysicalAddress.Parse("FF-FF-FF-FF-FF-FF"));
/// PacketFrame frame = await socket.ReceiveFrameAsync(TimeSpan.FromSeconds(1));
/// Console.WriteLine($"{frame.Source} -> {frame.Destination}: {frame.Payload.Length} bytes");
/// </code>
/// </example>
public sealed partial class PacketSocket : IDisposable, IAsyncDisposable
{
    /// <summary>Length of an Ethernet header (destination, source, EtherType).</summary>
    public const int EthernetHeaderLength = 14;

    private const int VlanTagLength = 4;

    private readonly Socket _socket;
    private readonly Memory<byte> _peekByte = new byte[1];
    private readonly Lock _statisticsLock = new();
    private readonly Lock _promiscuousLock = new();
    private readonly string _where;
    private PacketStatistics _total;
    private PacketStatistics _taken;
    private bool _promiscuous;
    private int _receiving;
    private TaskCompletionSource? _receiveEnded;
    private volatile bool _disposed;

    private PacketSocket(Socket socket, string interfaceName, int interfaceIndex, ushort etherType, PacketSocketMode mode, ushort hardwareType, int addressLength, string where)
    {
        _socket = socket;
        InterfaceName = interfaceName;
        InterfaceIndex = interfaceIndex;
        EtherType = etherType;
        Mode = mode;
        HardwareType = hardwareType;
        HardwareAddressLength = addressLength;
        _where = where;
    }

    /// <summary>The interface the socket is bound to.</summary>
    public string InterfaceName { get; }

    /// <summary>The index of the interface the socket is bound to.</summary>
    public int InterfaceIndex { get; }

    /// <summary>The EtherType the socket is bound to (host byte order), or <see cref="EtherTypes.All"/>.</summary>
    public ushort EtherType { get; }

    /// <summary>Raw (whole frames) or datagram (payload only).</summary>
    public PacketSocketMode Mode { get; }

    /// <summary>The interface's ARPHRD_* hardware type (1 for Ethernet).</summary>
    public ushort HardwareType { get; }

    /// <summary>Length of the interface's hardware addresses (6 for Ethernet).</summary>
    public int HardwareAddressLength { get; }

    /// <summary>True if the interface's link header is Ethernet (Ethernet, veth, bridge, loopback...).</summary>
    public bool IsEthernet => HardwareType is Interop.Libc.ARPHRD_ETHER or Interop.Libc.ARPHRD_LOOPBACK;

    /// <summary>True while this socket holds the interface in promiscuous mode.</summary>
    public bool IsPromiscuous
    {
        get
        {
            lock (_promiscuousLock)
            {
                return _promiscuous;
            }
        }
    }

    /// <summary>The socket fd (for options this class does not wrap).</summary>
    public SafeHandle Handle => _socket.SafeHandle;

    /// <summary>The interface's current hardware address (read from the kernel on every call).</summary>
    /// <exception cref="PacketInterfaceException">The interface was deleted (ENODEV).</exception>
    public PhysicalAddress HardwareAddress
    {
        get
        {
            Interop.Libc.SockAddrLl address = BoundAddress("read the hardware address of");
            return address.InterfaceIndex == InterfaceIndex ? ToPhysicalAddress(address) : throw InterfaceDeleted("read the hardware address of");
        }
    }

    /// <summary>The interface's current MTU (SIOCGIFMTU on this socket, so in its namespace).</summary>
    /// <exception cref="PacketInterfaceException">The interface was deleted (ENODEV).</exception>
    public int Mtu
    {
        get
        {
            ThrowIfInterfaceDeleted("read the MTU of");
            return InterfaceRequests.GetMtu(_socket.SafeHandle, InterfaceName, InterfaceIndex);
        }
    }

    /// <summary>Opens a packet socket on interface <paramref name="interfaceName"/> for frames of <paramref name="etherType"/>.</summary>
    /// <param name="interfaceName">The interface, looked up in the socket's namespace (<see cref="PacketSocketOptions.Namespace"/>).</param>
    /// <param name="etherType">An EtherType of at least 0x0600 in host byte order, or <see cref="EtherTypes.All"/> to capture every protocol.</param>
    /// <param name="options">Mode, filter, promiscuous mode, namespace; null for the defaults (raw, no filter).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="etherType"/> is below 0x0600 and not <see cref="EtherTypes.All"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="interfaceName"/> is not a valid name, or the filter is one the kernel would refuse (<see cref="BpfProgramException"/>).</exception>
    /// <exception cref="PacketInterfaceException">The interface does not exist (ENODEV), or is down (ENETDOWN) and <see cref="PacketSocketOptions.AllowInterfaceDown"/> is false.</exception>
    /// <exception cref="NetlinkException">Another system call failed (EPERM without CAP_NET_RAW, EINVAL for a bad filter...).</exception>
    public static PacketSocket Open(string interfaceName, ushort etherType, PacketSocketOptions? options = null)
    {
        InterfaceRequests.ValidateName(interfaceName, nameof(interfaceName));
        return OpenCore(interfaceName, 0, etherType, options ?? new PacketSocketOptions());
    }

    /// <summary>Opens a packet socket on the interface with index <paramref name="interfaceIndex"/> for frames of <paramref name="etherType"/>.</summary>
    /// <param name="interfaceIndex">The interface index in the socket's namespace.</param>
    /// <param name="etherType">An EtherType of at least 0x0600 in host byte order, or <see cref="EtherTypes.All"/>.</param>
    /// <param name="options">Mode, filter, promiscuous mode, namespace; null for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interfaceIndex"/> is not positive, or <paramref name="etherType"/> is below 0x0600.</exception>
    /// <exception cref="PacketInterfaceException">No interface has that index (ENODEV), or it is down (ENETDOWN).</exception>
    public static PacketSocket Open(int interfaceIndex, ushort etherType, PacketSocketOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(interfaceIndex);
        return OpenCore(null, interfaceIndex, etherType, options ?? new PacketSocketOptions());
    }

    /// <summary>
    /// Sends a complete frame (raw mode): the link header is part of <paramref name="frame"/>, so the
    /// destination is whatever its header says. The size is checked against the MTU first.
    /// </summary>
    /// <exception cref="InvalidOperationException">The socket is in datagram mode (use <see cref="SendTo"/>).</exception>
    /// <exception cref="ArgumentException">The frame is shorter than an Ethernet header or larger than the MTU allows.</exception>
    /// <exception cref="PacketInterfaceException">The interface is down (ENETDOWN) or was deleted (ENODEV).</exception>
    public unsafe void Send(ReadOnlySpan<byte> frame)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Mode != PacketSocketMode.Raw)
        {
            throw new InvalidOperationException($"Send(frame) needs a raw socket; this one is in {Mode} mode, use SendTo(payload, destination)");
        }

        ThrowIfInterfaceDeleted("sendto on");

        ushort protocol = EtherType;
        if (IsEthernet)
        {
            if (frame.Length < EthernetHeaderLength)
            {
                throw new ArgumentException($"a raw Ethernet frame needs at least its {EthernetHeaderLength}-byte header, got {frame.Length} bytes", nameof(frame));
            }

            protocol = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        }

        CheckSize(frame, nameof(frame));
        var address = new Interop.Libc.SockAddrLl
        {
            Family = Interop.Libc.AF_PACKET,
            Protocol = BinaryPrimitives.ReverseEndianness(protocol),
            InterfaceIndex = InterfaceIndex,
        };
        SendCore(frame, &address);
    }

    /// <summary>
    /// Sends <paramref name="payload"/> to <paramref name="destination"/>. In datagram mode the kernel
    /// builds the link header; in raw mode on an Ethernet link this method builds it (destination,
    /// the interface's own address, EtherType). The size is checked against the MTU first.
    /// </summary>
    /// <param name="payload">The bytes after the link header.</param>
    /// <param name="destination">The receiver's hardware address (its length must match the interface's, 6 for Ethernet).</param>
    /// <param name="etherType">The EtherType to send; null for the socket's own (required when the socket is bound to <see cref="EtherTypes.All"/>).</param>
    /// <exception cref="ArgumentException">Wrong address length, missing or bad EtherType, or the payload is larger than the MTU.</exception>
    /// <exception cref="InvalidOperationException">Raw mode on a link whose header is not Ethernet.</exception>
    /// <exception cref="PacketInterfaceException">The interface is down (ENETDOWN) or was deleted (ENODEV).</exception>
    public unsafe void SendTo(ReadOnlySpan<byte> payload, PhysicalAddress destination, ushort? etherType = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(destination);
        ReadOnlySpan<byte> destinationBytes = destination.GetAddressBytes();
        if (destinationBytes.Length != HardwareAddressLength || destinationBytes.Length > 8)
        {
            throw new ArgumentException($"interface '{InterfaceName}' has {HardwareAddressLength}-byte hardware addresses, got {destinationBytes.Length} bytes", nameof(destination));
        }

        ushort protocol = etherType ?? EtherType;
        if (etherType is null && EtherType == EtherTypes.All)
        {
            throw new ArgumentException("this socket is bound to every protocol: pass the EtherType to send", nameof(etherType));
        }

        EtherTypes.Validate(protocol, nameof(etherType), allowAll: false);
        ThrowIfInterfaceDeleted("sendto on");

        if (Mode == PacketSocketMode.Raw)
        {
            if (!IsEthernet)
            {
                throw new InvalidOperationException($"interface '{InterfaceName}' (hardware type {HardwareType}) has no Ethernet header to build: use Send(frame) with a complete frame, or datagram mode");
            }

            int length = EthernetHeaderLength + payload.Length;
            byte[] rented = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                Span<byte> frame = rented.AsSpan(0, length);
                destinationBytes.CopyTo(frame);
                CopyEthernetSourceAddress(frame[6..12]);
                BinaryPrimitives.WriteUInt16BigEndian(frame[12..], protocol);
                payload.CopyTo(frame[EthernetHeaderLength..]);
                CheckSize(frame, nameof(payload));
                var rawAddress = new Interop.Libc.SockAddrLl
                {
                    Family = Interop.Libc.AF_PACKET,
                    Protocol = BinaryPrimitives.ReverseEndianness(protocol),
                    InterfaceIndex = InterfaceIndex,
                };
                SendCore(frame, &rawAddress);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }

            return;
        }

        CheckSize(payload, nameof(payload));
        var address = new Interop.Libc.SockAddrLl
        {
            Family = Interop.Libc.AF_PACKET,
            Protocol = BinaryPrimitives.ReverseEndianness(protocol),
            InterfaceIndex = InterfaceIndex,
            AddressLength = (byte)destinationBytes.Length,
        };
        destinationBytes.CopyTo(new Span<byte>(address.Address, 8));
        SendCore(payload, &address);
    }

    /// <summary>
    /// Receives the next frame into <paramref name="buffer"/>. Never silently truncates: the result
    /// carries the frame's real length and <see cref="PacketReceiveResult.Truncated"/>. For raw
    /// Ethernet frames a buffer of <see cref="Mtu"/> + 18 bytes is always enough.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The socket was disposed, also while waiting.</exception>
    /// <exception cref="PacketInterfaceException">The interface went down (ENETDOWN) while bound.</exception>
    /// <exception cref="InvalidOperationException">Another receive is pending on this socket.</exception>
    public async ValueTask<PacketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        EnterReceive();
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (TryReceiveNow(buffer, out PacketReceiveResult result))
                {
                    return result;
                }

                await WaitReadableAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ExitReceive();
        }
    }

    /// <summary>As <see cref="ReceiveAsync(Memory{byte}, CancellationToken)"/>, failing with <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async ValueTask<PacketReceiveResult> ReceiveAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = new Deadline(timeout, cancellationToken);
        try
        {
            return await ReceiveAsync(buffer, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.HasExpired)
        {
            throw deadline.TimeoutError(Describe("packet receive on"));
        }
    }

    /// <summary>Receives the next frame into a new array of exactly its size (never truncated).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The socket was disposed, also while waiting.</exception>
    /// <exception cref="PacketInterfaceException">The interface went down (ENETDOWN) while bound.</exception>
    public async ValueTask<PacketFrame> ReceiveFrameAsync(CancellationToken cancellationToken = default)
    {
        EnterReceive();
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (TryPeekLength(out int length))
                {
                    byte[] data = GC.AllocateUninitializedArray<byte>(length);
                    if (TryReceiveNow(data, out PacketReceiveResult result))
                    {
                        // The only receiver peeked this frame's size, so it fits; if not, say so.
                        if (result.Truncated)
                        {
                            throw new NetlinkException(Interop.Libc.EMSGSIZE, Describe($"recvmsg (frame of {result.Length} bytes, sized {length}) on"));
                        }

                        int header = Mode == PacketSocketMode.Raw && IsEthernet ? EthernetHeaderLength : 0;
                        return new PacketFrame(data, header, result.Source, result.PacketType, result.EtherType, result.InterfaceIndex);
                    }
                }

                await WaitReadableAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ExitReceive();
        }
    }

    /// <summary>As <see cref="ReceiveFrameAsync(CancellationToken)"/>, failing with <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async ValueTask<PacketFrame> ReceiveFrameAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = new Deadline(timeout, cancellationToken);
        try
        {
            return await ReceiveFrameAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.HasExpired)
        {
            throw deadline.TimeoutError(Describe("packet receive on"));
        }
    }

    /// <summary>
    /// Counters since the socket was opened. Reading them does not disturb
    /// <see cref="GetStatisticsDelta"/>: the kernel's counters (which reset on every read) are
    /// summed in user space under a lock.
    /// </summary>
    public PacketStatistics GetStatistics()
    {
        lock (_statisticsLock)
        {
            CollectKernelStatistics();
            return _total;
        }
    }

    /// <summary>Counters since the previous call of this method (or since the socket was opened).</summary>
    public PacketStatistics GetStatisticsDelta()
    {
        lock (_statisticsLock)
        {
            CollectKernelStatistics();
            PacketStatistics delta = _total - _taken;
            _taken = _total;
            return delta;
        }
    }

    /// <summary>Turns promiscuous mode on or off for this socket (PACKET_ADD/DROP_MEMBERSHIP, PACKET_MR_PROMISC). Idempotent; the kernel counts holders per interface and undoes it when the socket closes.</summary>
    /// <exception cref="PacketInterfaceException">The interface is gone.</exception>
    public unsafe void SetPromiscuous(bool enabled)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_promiscuousLock)
        {
            if (_promiscuous == enabled)
            {
                return;
            }

            var request = new Interop.Libc.PacketMreq { InterfaceIndex = InterfaceIndex, Type = Interop.Libc.PACKET_MR_PROMISC };
            int option = enabled ? Interop.Libc.PACKET_ADD_MEMBERSHIP : Interop.Libc.PACKET_DROP_MEMBERSHIP;
            if (Interop.Libc.SetSockOpt(_socket.SafeHandle, Interop.Libc.SOL_PACKET, option, &request, (uint)sizeof(Interop.Libc.PacketMreq)) != 0)
            {
                string what = enabled ? "PACKET_ADD_MEMBERSHIP" : "PACKET_DROP_MEMBERSHIP";
                throw InterfaceRequests.Failure(Marshal.GetLastPInvokeError(), Describe($"setsockopt({what}, PACKET_MR_PROMISC) on"), InterfaceName, InterfaceIndex);
            }

            _promiscuous = enabled;
        }
    }

    /// <summary>Replaces the socket's BPF filter (SO_ATTACH_FILTER swaps it atomically).</summary>
    /// <exception cref="BpfProgramException">The kernel would refuse the program (<see cref="BpfVerifier"/>): the message names the instruction.</exception>
    public void SetFilter(ReadOnlySpan<BpfInstruction> program)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SocketCalls.AttachFilter(_socket.SafeHandle, program);
    }

    /// <summary>Removes the BPF filter, if any: from now on every frame of the bound EtherType is delivered.</summary>
    public void RemoveFilter()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SocketCalls.DetachFilter(_socket.SafeHandle);
    }

    /// <summary>Closes the socket (which also leaves promiscuous mode). A pending receive ends with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        _socket.Dispose();
    }

    /// <summary>
    /// Closes the socket like <see cref="Dispose"/>, then waits until a pending receive has ended
    /// (with <see cref="ObjectDisposedException"/>), so the caller's receive buffer is no longer in use.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Dispose();
        if (Volatile.Read(ref _receiveEnded) is { } receiveEnded)
        {
            await receiveEnded.Task.ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"packet socket ({Mode}, EtherType 0x{EtherType:x4}) on interface '{InterfaceName}' (index {InterfaceIndex}){_where}";

    private static PacketSocket OpenCore(string? name, int index, ushort etherType, PacketSocketOptions options)
    {
        EtherTypes.Validate(etherType, nameof(etherType), allowAll: true);
        if (!Enum.IsDefined(options.Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Mode, "not a packet socket mode");
        }

        if (options.ReceiveBufferSize is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ReceiveBufferSize, "the receive buffer size must be positive");
        }

        if (!options.Filter.IsEmpty)
        {
            BpfVerifier.Verify(options.Filter.Span, nameof(options));
        }

        string where = options.Namespace is null ? string.Empty : $" in network namespace '{options.Namespace}'";
        int type = options.Mode == PacketSocketMode.Raw ? Interop.Libc.SOCK_RAW : Interop.Libc.SOCK_DGRAM;

        // Protocol 0: the socket is hooked to no protocol and receives nothing until bind, so
        // nothing can queue before the filter is in place (socket(ETH_P_ALL) would start capturing at once).
        SafeSocketHandle handle = SocketCalls.Create(Interop.Libc.AF_PACKET, type, 0, options.Namespace, $"socket(AF_PACKET, {options.Mode}){where}");
        Socket? socket = null;
        PacketSocket? result = null;
        try
        {
            socket = new Socket(handle);
            if (name is null)
            {
                name = InterfaceRequests.GetName(handle, index, where);
            }
            else
            {
                index = InterfaceRequests.GetIndex(handle, name, where);
            }

            string described = $"interface '{name}' (index {index}){where}";
            if (options.ReceiveBufferSize is int bytes)
            {
                SocketCalls.SetInt(handle, Interop.Libc.SOL_SOCKET, Interop.Libc.SO_RCVBUF, bytes, $"setsockopt(SO_RCVBUF) for {described}");
            }

            if (!options.Filter.IsEmpty)
            {
                SocketCalls.AttachFilter(handle, options.Filter.Span);
            }

            Interop.Libc.SockAddrLl bound = Bind(handle, etherType, index, name, described);
            CheckInterfaceUp(handle, name, index, described, options.AllowInterfaceDown);

            result = new PacketSocket(socket, name, index, etherType, options.Mode, bound.HardwareType, bound.AddressLength, where);
            if (options.Promiscuous)
            {
                result.SetPromiscuous(true);
            }

            return result;
        }
        catch
        {
            if (result is not null)
            {
                result.Dispose();
            }
            else if (socket is not null)
            {
                socket.Dispose();
            }
            else
            {
                handle.Dispose();
            }

            throw;
        }
    }

    private static unsafe Interop.Libc.SockAddrLl Bind(SafeSocketHandle handle, ushort etherType, int index, string name, string described)
    {
        var address = new Interop.Libc.SockAddrLl
        {
            Family = Interop.Libc.AF_PACKET,
            Protocol = BinaryPrimitives.ReverseEndianness(etherType),
            InterfaceIndex = index,
        };
        if (Interop.Libc.Bind(handle, &address, (uint)sizeof(Interop.Libc.SockAddrLl)) != 0)
        {
            throw InterfaceRequests.Failure(Marshal.GetLastPInvokeError(), $"bind packet socket to {described}", name, index);
        }

        return GetSocketName(handle, $"getsockname on {described}");
    }

    /// <summary>
    /// The kernel binds to a down interface but flags the socket with ENETDOWN (and hooks it up
    /// once the interface comes up). Read and clear that pending error here, so that it is
    /// reported where it belongs (Open) or, when allowed, not reported at all.
    /// </summary>
    private static void CheckInterfaceUp(SafeSocketHandle handle, string name, int index, string described, bool allowDown)
    {
        int pending = SocketCalls.GetInt(handle, Interop.Libc.SOL_SOCKET, Interop.Libc.SO_ERROR, $"getsockopt(SO_ERROR) for {described}");
        bool down = pending == Interop.Libc.ENETDOWN || !InterfaceRequests.IsUp(handle, name, index);
        if (down && !allowDown)
        {
            throw new PacketInterfaceException(Interop.Libc.ENETDOWN, $"open packet socket on {described} (the interface is down)", name, index);
        }

        if (pending != 0 && pending != Interop.Libc.ENETDOWN)
        {
            throw new NetlinkException(pending, $"bind packet socket to {described}");
        }
    }

    private string Describe(string what) => $"{what} interface '{InterfaceName}' (index {InterfaceIndex}){_where}";

    private void EnterReceive()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.Exchange(ref _receiving, 1) != 0)
        {
            throw new InvalidOperationException("another receive is already pending on this packet socket");
        }

        Volatile.Write(ref _receiveEnded, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    /// <summary>Ends a receive: the buffer is no longer used, so <see cref="DisposeAsync"/> may return.</summary>
    private void ExitReceive()
    {
        TaskCompletionSource? receiveEnded = Volatile.Read(ref _receiveEnded);
        Volatile.Write(ref _receiving, 0);
        receiveEnded?.TrySetResult();
    }

    /// <summary>Rejects a frame the interface cannot carry, before anything is sent.</summary>
    private void CheckSize(ReadOnlySpan<byte> bytes, string parameterName)
    {
        int limit;
        string rule;
        int mtu = Mtu;
        if (Mode == PacketSocketMode.Datagram)
        {
            limit = mtu;
            rule = $"MTU {mtu}";
        }
        else if (IsEthernet)
        {
            // As the kernel does: 4 more bytes when the frame carries an 802.1Q/802.1ad tag.
            ushort type = BinaryPrimitives.ReadUInt16BigEndian(bytes[12..]);
            bool tagged = type is EtherTypes.Vlan or EtherTypes.QinQ;
            limit = mtu + EthernetHeaderLength + (tagged ? VlanTagLength : 0);
            rule = tagged ? $"MTU {mtu} + {EthernetHeaderLength}-byte header + {VlanTagLength}-byte VLAN tag" : $"MTU {mtu} + {EthernetHeaderLength}-byte header";
        }
        else
        {
            // Unknown link header length: the kernel checks (EMSGSIZE).
            return;
        }

        if (bytes.Length > limit)
        {
            throw new ArgumentException($"a {bytes.Length}-byte frame is too large for {Describe("").TrimStart()}: at most {limit} bytes ({rule})", parameterName);
        }
    }

    private unsafe void SendCore(ReadOnlySpan<byte> bytes, Interop.Libc.SockAddrLl* address)
    {
        fixed (byte* data = bytes)
        {
            while (Interop.Libc.SendTo(_socket.SafeHandle, data, (nuint)bytes.Length, Interop.Libc.MSG_DONTWAIT, address, (uint)sizeof(Interop.Libc.SockAddrLl)) < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == Interop.Libc.EINTR)
                {
                    continue;
                }

                if (errno == Interop.Libc.EAGAIN)
                {
                    // The send buffer is full: wait until the socket is writable again.
                    _socket.Poll(-1, SelectMode.SelectWrite);
                    continue;
                }

                ObjectDisposedException.ThrowIf(_disposed, this);
                throw InterfaceRequests.Failure(errno, Describe("sendto on"), InterfaceName, InterfaceIndex);
            }
        }
    }

    /// <summary>Reads one frame into <paramref name="buffer"/> if one is queued, without blocking.</summary>
    private unsafe bool TryReceiveNow(Memory<byte> buffer, out PacketReceiveResult result)
    {
        result = default;
        var source = default(Interop.Libc.SockAddrLl);
        nint length;
        Span<byte> span = buffer.Span;
        fixed (byte* bytes = span)
        {
            var iov = new Interop.Libc.IoVec { Base = bytes, Length = (nuint)span.Length };
            var message = new Interop.Libc.MsgHdr { Name = &source, NameLength = (uint)sizeof(Interop.Libc.SockAddrLl), Iov = &iov, IovLength = 1 };

            // MSG_TRUNC: return the frame's real length even when the buffer is smaller.
            length = Interop.Libc.RecvMsg(_socket.SafeHandle, &message, Interop.Libc.MSG_TRUNC | Interop.Libc.MSG_DONTWAIT);
        }

        if (length < 0)
        {
            return ReceiveFailed(Marshal.GetLastPInvokeError());
        }

        int real = checked((int)length);
        result = new PacketReceiveResult(
            real,
            Math.Min(real, span.Length),
            ToPhysicalAddress(source),
            (PacketType)source.PacketType,
            BinaryPrimitives.ReverseEndianness(source.Protocol),
            source.InterfaceIndex);
        return true;
    }

    /// <summary>The length of the next queued frame, without consuming it or blocking.</summary>
    private unsafe bool TryPeekLength(out int length)
    {
        var sizing = default(Interop.Libc.MsgHdr);
        nint size = Interop.Libc.RecvMsg(_socket.SafeHandle, &sizing, Interop.Libc.MSG_PEEK | Interop.Libc.MSG_TRUNC | Interop.Libc.MSG_DONTWAIT);
        if (size < 0)
        {
            length = 0;
            return ReceiveFailed(Marshal.GetLastPInvokeError());
        }

        length = checked((int)size);
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
        if (errno == Interop.Libc.ENETDOWN)
        {
            throw InterfaceWentDown("recvmsg on");
        }

        throw InterfaceRequests.Failure(errno, Describe("recvmsg on"), InterfaceName, InterfaceIndex);
    }

    /// <summary>Kernel counters since the last read, added to the running total. Call under <see cref="_statisticsLock"/>.</summary>
    private unsafe void CollectKernelStatistics()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var stats = default(Interop.Libc.TpacketStats);
        uint length = (uint)sizeof(Interop.Libc.TpacketStats);
        if (Interop.Libc.GetSockOpt(_socket.SafeHandle, Interop.Libc.SOL_PACKET, Interop.Libc.PACKET_STATISTICS, &stats, &length) != 0)
        {
            throw NetlinkException.FromLastError(Describe("getsockopt(PACKET_STATISTICS) on"));
        }

        _total += new PacketStatistics(stats.Packets, stats.Drops);
    }

    /// <summary>
    /// Waits until a frame (or an error) is queued. Fails at once if the interface was deleted; on a
    /// down interface, wakes up every <see cref="DownInterfaceRecheck"/> to look again, because
    /// deleting a down interface wakes no receiver.
    /// </summary>
    private async ValueTask WaitReadableAsync(CancellationToken cancellationToken)
    {
        ThrowIfInterfaceDeleted("receive on");
        if (!IsInterfaceDown())
        {
            await PeekAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var recheck = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        recheck.CancelAfter(DownInterfaceRecheck);
        try
        {
            await PeekAsync(recheck.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Time to look at the interface again; the caller's loop calls back in.
        }
    }

    private async ValueTask PeekAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A 1-byte peek through the Socket waits on its epoll registration; the frame stays queued.
            await _socket.ReceiveAsync(_peekByte, SocketFlags.Peek, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
        {
            // Peeking one byte of a larger frame: it is readable.
        }
        catch (SocketException) when (_disposed)
        {
            throw new ObjectDisposedException(nameof(PacketSocket));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.NetworkDown)
        {
            // The peek consumed the socket's pending ENETDOWN (the interface went down or was deleted): report it here.
            throw InterfaceWentDown("receive on");
        }
        catch (SocketException e)
        {
            throw new NetlinkException(e.NativeErrorCode, Describe($"receive ({e.SocketErrorCode}) on"));
        }
    }
}
