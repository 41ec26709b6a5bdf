using System.Runtime.InteropServices;

namespace Netlink;

/// <summary>
/// Opens a file that should be a network namespace, and proves it is one before anyone calls
/// setns on it, without blocking and without side effects: the path is opened with O_PATH
/// (a FIFO, a device or a regular file is never really opened), its file system must be nsfs,
/// and only then is it reopened for real and asked its namespace type (NS_GET_NSTYPE).
/// <c>-n /etc/passwd</c> becomes "not a network namespace (a regular file)" instead of
/// <c>setns EINVAL</c>, and a FIFO no longer blocks the open forever.
/// </summary>
internal static class NamespaceFile
{
    /// <summary>Opens <paramref name="path"/> (following links such as /proc/PID/ns/net) as a network namespace.</summary>
    /// <param name="path">The namespace file.</param>
    /// <param name="parameterName">Named in the <see cref="ArgumentException"/> when the file is something else.</param>
    /// <exception cref="ArgumentException">The file exists but is not a network namespace (it says what it is).</exception>
    /// <exception cref="NetlinkException">It cannot be opened (ENOENT, EACCES...).</exception>
    internal static SafeFileDescriptor OpenNetwork(string path, string parameterName)
    {
        string shown = LosslessUtf8.ToPrintable(path);
        using SafeFileDescriptor located = Open(path, Interop.Libc.O_PATH, shown);
        if (FileSystemType(located, shown) != Interop.Libc.NSFS_MAGIC)
        {
            throw new ArgumentException($"'{shown}' is not a network namespace: it is {DescribeFileType(located, shown)}, not a namespace file (/run/netns/NAME, /proc/PID/ns/net)", parameterName);
        }

        // Reopen the very inode O_PATH found, this time readable: setns and ioctls need a real open.
        SafeFileDescriptor opened = Open($"/proc/self/fd/{located.Fd}", Interop.Libc.O_RDONLY, shown);
        try
        {
            CheckIsNetwork(opened, shown, parameterName);
            return opened;
        }
        catch
        {
            opened.Dispose();
            throw;
        }
    }

    /// <summary>open(2) with O_CLOEXEC; the error names <paramref name="shown"/>.</summary>
    internal static SafeFileDescriptor Open(string path, int flags, string shown)
    {
        int fd = Interop.Libc.Open(path, flags | Interop.Libc.O_CLOEXEC, 0);
        return fd < 0 ? throw NetlinkException.FromLastError($"open({shown})") : new SafeFileDescriptor(fd);
    }

    private static unsafe void CheckIsNetwork(SafeFileDescriptor fd, string shown, string parameterName)
    {
        int type = Interop.Libc.Ioctl(fd, Interop.Libc.NS_GET_NSTYPE, null);
        if (type < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == Interop.Libc.ENOTTY)
            {
                // A kernel before 4.11 cannot say; setns(CLONE_NEWNET) will still refuse another type.
                return;
            }

            throw NetlinkException.FromErrno(errno, $"ioctl(NS_GET_NSTYPE) on {shown}");
        }

        if (type != Interop.Libc.CLONE_NEWNET)
        {
            throw new ArgumentException($"'{shown}' is not a network namespace: it is {NamespaceTypeName(type)} namespace", parameterName);
        }
    }

    private static unsafe long FileSystemType(SafeFileDescriptor fd, string shown)
    {
        Interop.Libc.StatFsBuffer status = default;
        return Interop.Libc.FStatFs(fd, &status) == 0 ? status.Type : throw NetlinkException.FromLastError($"fstatfs({shown})");
    }

    private static unsafe string DescribeFileType(SafeFileDescriptor fd, string shown)
    {
        Interop.Libc.StatxBuffer status = default;
        if (Interop.Libc.Statx(fd, string.Empty, Interop.Libc.AT_EMPTY_PATH, Interop.Libc.STATX_TYPE, &status) != 0)
        {
            throw NetlinkException.FromLastError($"statx({shown})");
        }

        return (status.Mode & Interop.Libc.S_IFMT) switch
        {
            0x8000 => "a regular file",
            0x4000 => "a directory",
            0x1000 => "a FIFO",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xc000 => "a socket",
            0xa000 => "a symbolic link",
            _ => "another kind of file",
        };
    }

    private static string NamespaceTypeName(int cloneFlag) => cloneFlag switch
    {
        0x00020000 => "a mount",
        0x02000000 => "a cgroup",
        0x04000000 => "a UTS",
        0x08000000 => "an IPC",
        0x10000000 => "a user",
        0x20000000 => "a PID",
        0x00000080 => "a time",
        _ => $"another (type 0x{cloneFlag:x})",
    };
}
