using System.Net.NetworkInformation;
using System.Runtime.InteropServices;

namespace Netlink.Packet;

/// <summary>
/// What the socket knows about its interface after open: whether it still exists, and its
/// current hardware address. When the interface is deleted the kernel unhooks the socket for
/// good and sets its bound index to -1 (packet_notifier, NETDEV_UNREGISTER); it reports ENETDOWN
/// once and then nothing ever arrives. The checks here turn that into one clear error on every
/// later call instead of a receive that waits forever.
/// </summary>
public sealed partial class PacketSocket
{
    /// <summary>How often a receive waiting on a down interface checks that it still exists (a deletion then wakes no one).</summary>
    private static readonly TimeSpan DownInterfaceRecheck = TimeSpan.FromSeconds(1);

    /// <summary>Throws the "interface deleted" error if the kernel has unbound the socket from its interface.</summary>
    private void ThrowIfInterfaceDeleted(string what)
    {
        if (BoundAddress(what).InterfaceIndex != InterfaceIndex)
        {
            throw InterfaceDeleted(what);
        }
    }

    /// <summary>The socket's own address (getsockname): the bound index, and the interface's hardware type and address.</summary>
    private Interop.Libc.SockAddrLl BoundAddress(string what)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return GetSocketName(_socket.SafeHandle, Describe($"getsockname ({what}) on"));
    }

    /// <summary>Copies the interface's current hardware address into <paramref name="destination"/>, checked to be usable as an Ethernet source.</summary>
    private unsafe void CopyEthernetSourceAddress(Span<byte> destination)
    {
        Interop.Libc.SockAddrLl bound = BoundAddress("sendto");
        if (bound.InterfaceIndex != InterfaceIndex)
        {
            throw InterfaceDeleted("sendto on");
        }

        if (bound.AddressLength != 6)
        {
            throw new PacketInterfaceException(Interop.Libc.EINVAL, Describe($"build an Ethernet header (the interface has a {bound.AddressLength}-byte hardware address, not 6) for"), InterfaceName, InterfaceIndex);
        }

        new ReadOnlySpan<byte>(bound.Address, 6).CopyTo(destination);
    }

    /// <summary>The error for every call after the interface was deleted: ENODEV, naming the interface.</summary>
    private PacketInterfaceException InterfaceDeleted(string what) =>
        new(Interop.Libc.ENODEV, Describe(what) + ", which was deleted (the socket is unbound for good; open a new one)", InterfaceName, InterfaceIndex);

    /// <summary>
    /// The ENETDOWN the kernel reports once when the interface goes down or is deleted: which of
    /// the two, and the matching exception.
    /// </summary>
    private PacketInterfaceException InterfaceWentDown(string what) =>
        BoundAddress(what).InterfaceIndex != InterfaceIndex
            ? InterfaceDeleted(what)
            : new PacketInterfaceException(Interop.Libc.ENETDOWN, Describe(what) + " (the interface went down)", InterfaceName, InterfaceIndex);

    /// <summary>True if the interface is administratively down (then the kernel wakes no receiver when it is deleted).</summary>
    private bool IsInterfaceDown()
    {
        try
        {
            string current = InterfaceRequests.GetName(_socket.SafeHandle, InterfaceIndex, _where);
            return !InterfaceRequests.IsUp(_socket.SafeHandle, current, InterfaceIndex);
        }
        catch (PacketInterfaceException e) when (e.IsNotFound)
        {
            return true;
        }
    }

    private static unsafe PhysicalAddress ToPhysicalAddress(in Interop.Libc.SockAddrLl address)
    {
        int length = Math.Min((int)address.AddressLength, 8);
        fixed (byte* bytes = address.Address)
        {
            return new PhysicalAddress(new ReadOnlySpan<byte>(bytes, length).ToArray());
        }
    }

    private static unsafe Interop.Libc.SockAddrLl GetSocketName(SafeHandle handle, string what)
    {
        var address = default(Interop.Libc.SockAddrLl);
        uint length = (uint)sizeof(Interop.Libc.SockAddrLl);
        if (Interop.Libc.GetSockName(handle, &address, &length) != 0)
        {
            throw NetlinkException.FromLastError(what);
        }

        return address;
    }
}
