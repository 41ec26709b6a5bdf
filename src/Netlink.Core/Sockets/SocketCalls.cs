using System.Runtime.InteropServices;

namespace Netlink;

/// <summary>
/// Socket system calls shared by every socket type in the library (netlink now, AF_PACKET
/// later): fd creation with SOCK_CLOEXEC, optionally inside a namespace, options and filters.
/// All pinning of caller memory happens here or in the socket classes.
/// </summary>
internal static unsafe class SocketCalls
{
    /// <summary>Creates a socket fd with SOCK_CLOEXEC, inside <paramref name="netns"/> if given, owned by a <see cref="System.Net.Sockets.SafeSocketHandle"/>.</summary>
    internal static System.Net.Sockets.SafeSocketHandle Create(int domain, int type, int protocol, NetworkNamespace? netns, string what)
    {
        int fd;
        int errno = 0;
        if (netns is null)
        {
            fd = Interop.Libc.Socket(domain, type | Interop.Libc.SOCK_CLOEXEC, protocol);
            if (fd < 0)
            {
                errno = Marshal.GetLastPInvokeError();
            }
        }
        else
        {
            (fd, errno) = netns.RunInside(() =>
            {
                int created = Interop.Libc.Socket(domain, type | Interop.Libc.SOCK_CLOEXEC, protocol);
                return (created, created < 0 ? Marshal.GetLastPInvokeError() : 0);
            });
        }

        if (fd < 0)
        {
            throw NetlinkException.FromErrno(errno, what, domain == Interop.Libc.AF_PACKET ? Capabilities.NetRaw : null);
        }

        return new System.Net.Sockets.SafeSocketHandle(fd, ownsHandle: true);
    }

    internal static void SetInt(SafeHandle socket, int level, int name, int value, string what, string? capabilityIfDenied = null)
    {
        if (Interop.Libc.SetSockOpt(socket, level, name, &value, sizeof(int)) != 0)
        {
            throw NetlinkException.FromLastError(what, capabilityIfDenied);
        }
    }

    /// <summary>
    /// SO_RCVBUF/SO_SNDBUF, or with <paramref name="force"/> their *FORCE variants, which need
    /// CAP_NET_ADMIN: without it (EPERM) the plain option is set instead, capped by the kernel at
    /// net.core.rmem_max/wmem_max, rather than failing over a size the caller only asked for.
    /// </summary>
    internal static void SetBufferSize(SafeHandle socket, int option, int forceOption, int bytes, bool force, string optionName)
    {
        if (force)
        {
            if (Interop.Libc.SetSockOpt(socket, Interop.Libc.SOL_SOCKET, forceOption, &bytes, sizeof(int)) == 0)
            {
                return;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno != Interop.Libc.EPERM)
            {
                throw NetlinkException.FromErrno(errno, $"setsockopt({optionName}FORCE)");
            }
        }

        SetInt(socket, Interop.Libc.SOL_SOCKET, option, bytes, $"setsockopt({optionName})");
    }

    internal static int GetInt(SafeHandle socket, int level, int name, string what)
    {
        int value = 0;
        uint length = sizeof(int);
        if (Interop.Libc.GetSockOpt(socket, level, name, &value, &length) != 0)
        {
            throw NetlinkException.FromLastError(what);
        }

        return value;
    }

    /// <summary>SO_ATTACH_FILTER with a classic BPF program, checked by <see cref="BpfVerifier"/> first.</summary>
    internal static void AttachFilter(SafeHandle socket, ReadOnlySpan<BpfInstruction> program)
    {
        BpfVerifier.Verify(program, nameof(program));

        fixed (BpfInstruction* instructions = program)
        {
            var fprog = new SockFprog { Length = (ushort)program.Length, Filter = instructions };
            if (Interop.Libc.SetSockOpt(socket, Interop.Libc.SOL_SOCKET, Interop.Libc.SO_ATTACH_FILTER, &fprog, (uint)sizeof(SockFprog)) != 0)
            {
                throw NetlinkException.FromLastError("setsockopt(SO_ATTACH_FILTER)");
            }
        }
    }

    /// <summary>SO_DETACH_FILTER. ENOENT (no filter attached) is not an error.</summary>
    internal static void DetachFilter(SafeHandle socket)
    {
        int unused = 0;
        if (Interop.Libc.SetSockOpt(socket, Interop.Libc.SOL_SOCKET, Interop.Libc.SO_DETACH_FILTER, &unused, sizeof(int)) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno != Interop.Libc.ENOENT)
            {
                throw NetlinkException.FromErrno(errno, "setsockopt(SO_DETACH_FILTER)");
            }
        }
    }

    /// <summary><c>struct sock_fprog</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct SockFprog
    {
        internal ushort Length;
        internal BpfInstruction* Filter;
    }
}
