using System.Runtime.InteropServices;

namespace Netlink.Packet;

/// <summary>
/// SIOCGIF* ioctls on a socket fd. The kernel answers them in the socket's network namespace,
/// which is why they are used instead of if_nametoindex (the calling thread's namespace).
/// </summary>
internal static unsafe class InterfaceRequests
{
    /// <summary>
    /// Throws unless <paramref name="name"/> can be an interface name (<see cref="InterfaceNames"/>).
    /// ':' is refused too: the kernel's interface ioctls cut a name at ':' (old alias syntax), so
    /// "eth0:1" would silently mean eth0.
    /// </summary>
    internal static void ValidateName(string name, string parameterName) => InterfaceNames.Validate(name, parameterName);

    /// <summary>SIOCGIFINDEX: the index of interface <paramref name="name"/> (compared by its exact bytes).</summary>
    internal static int GetIndex(SafeHandle socket, string name, string where)
    {
        Interop.Libc.IfReq request = WithName(name);
        if (Interop.Libc.Ioctl(socket, Interop.Libc.SIOCGIFINDEX, &request) != 0)
        {
            throw Failure(Marshal.GetLastPInvokeError(), $"look up interface '{name}'{where}", name, 0);
        }

        return request.Value;
    }

    /// <summary>SIOCGIFNAME: the name of interface <paramref name="index"/>.</summary>
    internal static string GetName(SafeHandle socket, int index, string where)
    {
        var request = new Interop.Libc.IfReq { Value = index };
        if (Interop.Libc.Ioctl(socket, Interop.Libc.SIOCGIFNAME, &request) != 0)
        {
            throw Failure(Marshal.GetLastPInvokeError(), $"look up interface index {index}{where}", null, index);
        }

        var name = new ReadOnlySpan<byte>(request.Name, Interop.Libc.IFNAMSIZ);
        int end = name.IndexOf((byte)0);
        return LosslessUtf8.GetString(end < 0 ? name : name[..end]);
    }

    /// <summary>SIOCGIFMTU: the MTU of interface <paramref name="name"/>.</summary>
    internal static int GetMtu(SafeHandle socket, string name, int index)
    {
        Interop.Libc.IfReq request = WithName(name);
        if (Interop.Libc.Ioctl(socket, Interop.Libc.SIOCGIFMTU, &request) != 0)
        {
            throw Failure(Marshal.GetLastPInvokeError(), $"read the MTU of interface '{name}' (index {index})", name, index);
        }

        return request.Value;
    }

    /// <summary>SIOCGIFFLAGS: true if interface <paramref name="name"/> is administratively up (IFF_UP).</summary>
    internal static bool IsUp(SafeHandle socket, string name, int index)
    {
        Interop.Libc.IfReq request = WithName(name);
        if (Interop.Libc.Ioctl(socket, Interop.Libc.SIOCGIFFLAGS, &request) != 0)
        {
            throw Failure(Marshal.GetLastPInvokeError(), $"read the flags of interface '{name}' (index {index})", name, index);
        }

        return (request.Flags & Interop.Libc.IFF_UP) != 0;
    }

    /// <summary>The error for a failed interface call: <see cref="PacketInterfaceException"/> for missing or down interfaces.</summary>
    internal static NetlinkException Failure(int errno, string operation, string? name, int index) =>
        errno is Interop.Libc.ENODEV or Interop.Libc.ENXIO or Interop.Libc.ENETDOWN
            ? new PacketInterfaceException(errno, operation, name, index)
            : new NetlinkException(errno, operation);

    /// <summary>An ifreq naming <paramref name="name"/> by its exact bytes (validated by the callers; checked again here, as the ioctl would cut it short).</summary>
    private static Interop.Libc.IfReq WithName(string name)
    {
        var request = default(Interop.Libc.IfReq);
        InterfaceNames.Validate(name, nameof(name)).CopyTo(new Span<byte>(request.Name, Interop.Libc.IFNAMSIZ - 1));
        return request;
    }
}
