namespace Netlink;

/// <summary>
/// Which namespace a file stands for: the device and inode of its nsfs inode. Two namespace
/// files (a bind mount under /run/netns, /proc/PID/ns/net, an open fd) are the same namespace
/// exactly when these are equal; the inode is the number in <c>net:[N]</c>.
/// </summary>
internal readonly record struct NamespaceIdentity(uint DeviceMajor, uint DeviceMinor, ulong Inode)
{
    /// <summary>statx on the file behind <paramref name="fd"/> itself (AT_EMPTY_PATH; an O_PATH fd is fine).</summary>
    /// <exception cref="NetlinkException">statx failed.</exception>
    internal static unsafe NamespaceIdentity Of(SafeFileDescriptor fd, string what)
    {
        Interop.Libc.StatxBuffer status = default;
        if (Interop.Libc.Statx(fd, string.Empty, Interop.Libc.AT_EMPTY_PATH, Interop.Libc.STATX_TYPE | Interop.Libc.STATX_INO, &status) != 0)
        {
            throw NetlinkException.FromLastError($"statx({what})");
        }

        return new NamespaceIdentity(status.DeviceMajor, status.DeviceMinor, status.Inode);
    }
}
