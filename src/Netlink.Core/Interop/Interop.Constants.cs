using System.Runtime.InteropServices;

/// <summary>Linux constants used by the imports (values from the kernel's uapi headers, x86-64/arm64 agree).</summary>
internal static partial class Interop
{
    internal static partial class Libc
    {
        // socket(2) domains and types.
        internal const int AF_NETLINK = 16;
        internal const int AF_PACKET = 17;
        internal const int SOCK_DGRAM = 2;
        internal const int SOCK_RAW = 3;
        internal const int SOCK_NONBLOCK = 0x800;
        internal const int SOCK_CLOEXEC = 0x80000;

        // SOL_SOCKET options.
        internal const int SOL_SOCKET = 1;
        internal const int SO_SNDBUF = 7;
        internal const int SO_RCVBUF = 8;
        internal const int SO_ATTACH_FILTER = 26;
        internal const int SO_DETACH_FILTER = 27;
        internal const int SO_RCVBUFFORCE = 33;
        internal const int SO_SNDBUFFORCE = 32;

        // SOL_NETLINK options (linux/netlink.h).
        internal const int SOL_NETLINK = 270;
        internal const int NETLINK_ADD_MEMBERSHIP = 1;
        internal const int NETLINK_DROP_MEMBERSHIP = 2;

        // send/recv flags.
        internal const int MSG_PEEK = 0x2;
        internal const int MSG_CTRUNC = 0x8;
        internal const int MSG_TRUNC = 0x20;
        internal const int MSG_DONTWAIT = 0x40;

        // open(2) flags.
        internal const int O_RDONLY = 0;
        internal const int O_CREAT = 0x40;
        internal const int O_EXCL = 0x80;
        internal const int O_NONBLOCK = 0x800;
        internal const int O_CLOEXEC = 0x80000;
        internal const int O_PATH = 0x200000;

        /// <summary>O_NOFOLLOW: 0x20000 in the generic layout (x86-64), 0x8000 on arm64 (its own fcntl.h).</summary>
        internal static int O_NOFOLLOW => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x8000 : 0x20000;

        // statx(2) and fstatfs(2).
        internal const int AT_FDCWD = -100;
        internal const int AT_SYMLINK_NOFOLLOW = 0x100;
        internal const int AT_EMPTY_PATH = 0x1000;
        internal const uint STATX_TYPE = 0x1;
        internal const uint STATX_INO = 0x100;
        internal const ushort S_IFMT = 0xf000;
        internal const long NSFS_MAGIC = 0x6e736673;

        /// <summary>NS_GET_NSTYPE, _IO(0xb7, 0x3): the CLONE_NEW* type of the namespace behind an nsfs fd.</summary>
        internal const nuint NS_GET_NSTYPE = 0xb703;

        // Namespaces and mounts.
        internal const int CLONE_NEWNET = 0x40000000;
        internal const ulong MS_BIND = 0x1000;
        internal const ulong MS_REC = 0x4000;
        internal const ulong MS_SHARED = 0x100000;
        internal const int MNT_DETACH = 2;

        // errno values the code reacts to (the full name table is Netlink.Errno).
        internal const int EINTR = 4;
        internal const int EAGAIN = 11;
        internal const int EINVAL = 22;
        internal const int EEXIST = 17;
        internal const int ENOENT = 2;
        internal const int ENOBUFS = 105;
        internal const int EPERM = 1;
        internal const int EBUSY = 16;
        internal const int ENOTTY = 25;
    }
}
