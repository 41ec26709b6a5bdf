using System.Runtime.InteropServices;

namespace Netlink;

/// <summary>Owns a plain file descriptor (a namespace file, for example) and closes it once.</summary>
internal sealed class SafeFileDescriptor : SafeHandle
{
    internal SafeFileDescriptor(int fd)
        : base(invalidHandleValue: -1, ownsHandle: true) => SetHandle(fd);

    public override bool IsInvalid => handle < 0;

    internal int Fd => (int)handle;

    /// <summary>open(2) with O_CLOEXEC; throws <see cref="NetlinkException"/> with the errno on failure.</summary>
    internal static SafeFileDescriptor Open(string path, int flags = Interop.Libc.O_RDONLY, uint mode = 0)
    {
        int fd = Interop.Libc.Open(path, flags | Interop.Libc.O_CLOEXEC, mode);
        return fd < 0 ? throw NetlinkException.FromLastError($"open({path})") : new SafeFileDescriptor(fd);
    }

    protected override bool ReleaseHandle() => Interop.Libc.Close((int)handle) == 0;
}
