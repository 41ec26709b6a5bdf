using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Netlink;

/// <summary>
/// A handle on a Linux network namespace (an open nsfs file). Open existing ones by name
/// (<c>/run/netns/NAME</c>), path, fd or pid; create and delete named ones the way
/// <c>ip netns add/del</c> does. Sockets are put inside with <see cref="NetlinkSocket.Open"/>
/// (which calls <see cref="RunInside{T}(Func{T})"/>); the calling thread never changes namespace.
/// </summary>
/// <remarks>
/// Every open checks, without blocking, that the file really is a network namespace (a FIFO or a
/// regular file is refused with <see cref="ArgumentException"/>). A handle remembers which
/// namespace it holds (<see cref="Inode"/>), so the one <see cref="CreateTemporary"/> made is the
/// only one its <see cref="Dispose"/> deletes, even if someone else has since reused the name.
/// Names are bytes (<see cref="LosslessUtf8"/>): a name that is not UTF-8 is passed through exactly.
/// </remarks>
/// <example>
/// <code>
/// using var ns = NetworkNamespace.CreateTemporary("nltest-xyz");
/// using var socket = NetlinkSocket.Open(NetlinkProtocol.Route, ns);
/// </code>
/// </example>
public sealed class NetworkNamespace : IDisposable
{
    /// <summary>Where named namespaces are bind-mounted (as iproute2 does).</summary>
    public const string RunDirectory = "/run/netns";

    private const string ThreadNamespacePath = "/proc/thread-self/ns/net";
    private static readonly object RunDirectoryLock = new();

    /// <summary>NAME_MAX: the longest file name, in bytes.</summary>
    private const int MaxNameLength = 255;

    private readonly SafeFileDescriptor _handle;
    private readonly NamespaceIdentity _identity;
    private readonly bool _deleteOnDispose;
    private int _disposed;

    private NetworkNamespace(SafeFileDescriptor handle, string path, string? name, bool deleteOnDispose)
    {
        _handle = handle;
        _identity = NamespaceIdentity.Of(handle, LosslessUtf8.ToPrintable(path));
        Path = path;
        Name = name;
        _deleteOnDispose = deleteOnDispose;
    }

    /// <summary>The name under <see cref="RunDirectory"/>, or null if opened another way.</summary>
    public string? Name { get; }

    /// <summary>The path the namespace was opened from.</summary>
    public string Path { get; }

    /// <summary>The open namespace fd.</summary>
    public SafeHandle Handle => _handle;

    /// <summary>The namespace's inode number: the N in <c>net:[N]</c>, the same for every file that refers to it.</summary>
    public ulong Inode => _identity.Inode;

    /// <summary>
    /// The kernel's identity of this namespace, e.g. <c>net:[4026532281]</c>, comparable with
    /// <see cref="CurrentThreadId"/>.
    /// </summary>
    public string Id => $"net:[{Inode}]";

    /// <summary>The identity of the calling thread's network namespace, e.g. <c>net:[4026531840]</c>.</summary>
    public static string CurrentThreadId => ReadLink(ThreadNamespacePath);

    /// <summary>Opens the named namespace <c>/run/netns/<paramref name="name"/></c>.</summary>
    /// <exception cref="ArgumentException">The name is not valid, or the file is not a network namespace.</exception>
    /// <exception cref="NetlinkException">It does not exist (ENOENT) or cannot be opened.</exception>
    public static NetworkNamespace Open(string name)
    {
        ValidateName(name);
        return OpenChecked(PathOf(name), name, nameof(name));
    }

    /// <summary>Opens the namespace file at <paramref name="path"/> (a bind mount or /proc/PID/ns/net).</summary>
    /// <exception cref="ArgumentException">The file is not a network namespace (the message says what it is), or the path cannot round-trip as bytes.</exception>
    /// <exception cref="NetlinkException">It does not exist (ENOENT) or cannot be opened.</exception>
    public static NetworkNamespace OpenPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        LosslessUtf8.GetByteCount(path, nameof(path));
        return OpenChecked(path, null, nameof(path));
    }

    /// <summary>Opens the network namespace of process <paramref name="pid"/>.</summary>
    public static NetworkNamespace OpenProcess(int pid)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pid);
        return OpenChecked($"/proc/{pid}/ns/net", null, nameof(pid));
    }

    /// <summary>Opens the namespace behind a namespace fd the caller owns (it is reopened; the caller keeps its fd).</summary>
    /// <exception cref="ArgumentException">The fd is not a network namespace.</exception>
    public static NetworkNamespace OpenFileDescriptor(int fd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fd);
        return OpenChecked($"/proc/self/fd/{fd}", null, nameof(fd));
    }

    /// <summary>Opens the calling thread's current network namespace.</summary>
    public static NetworkNamespace OpenCurrent() => OpenChecked(ThreadNamespacePath, null, "path");

    /// <summary>True if a named namespace exists under <see cref="RunDirectory"/> (a file by that exact name).</summary>
    public static unsafe bool Exists(string name)
    {
        ValidateName(name);
        Interop.Libc.StatxBuffer status = default;
        return Interop.Libc.Statx(Interop.Libc.AT_FDCWD, PathOf(name), Interop.Libc.AT_SYMLINK_NOFOLLOW, Interop.Libc.STATX_TYPE, &status) == 0;
    }

    /// <summary>
    /// Creates a new named namespace like <c>ip netns add</c>: a fresh network namespace bind-mounted
    /// at <c>/run/netns/NAME</c>, which stays until <see cref="Delete(string)"/>.
    /// </summary>
    /// <exception cref="NetlinkException">EEXIST if the name is taken, or the errno of the failing call.</exception>
    public static NetworkNamespace Create(string name) => Create(name, deleteOnDispose: false);

    /// <summary>Creates a named namespace that <see cref="Dispose"/> deletes again.</summary>
    /// <param name="name">The name; null picks <c>netlink-</c> plus random hex.</param>
    public static NetworkNamespace CreateTemporary(string? name = null) =>
        Create(name ?? $"netlink-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}", deleteOnDispose: true);

    /// <summary>Deletes a named namespace like <c>ip netns del</c>: lazily unmounts and removes <c>/run/netns/NAME</c>,
    /// whichever namespace is mounted there. The namespace itself lives on while sockets or processes still use it.</summary>
    /// <exception cref="NetlinkException">ENOENT if there is no such namespace; EPERM without CAP_SYS_ADMIN.</exception>
    public static void Delete(string name)
    {
        ValidateName(name);
        string path = PathOf(name);
        if (Interop.Libc.Umount2(path, Interop.Libc.MNT_DETACH) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno != Interop.Libc.EINVAL)
            {
                // EINVAL: not a mount point (half-created); still remove the file below.
                throw NetlinkException.FromErrno(errno, $"umount2({LosslessUtf8.ToPrintable(path)})", Capabilities.SysAdmin);
            }
        }

        if (Interop.Libc.Unlink(path) != 0)
        {
            throw NetlinkException.FromLastError($"unlink({LosslessUtf8.ToPrintable(path)})");
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> synchronously on a dedicated new thread that has entered this
    /// namespace, and returns its result. The thread restores its namespace in a <c>finally</c> and
    /// then ends, so no other work ever runs in the wrong namespace. Do not await inside the action.
    /// </summary>
    public T RunInside<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = RunInsideOnThisThread(_handle, action);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = "netns-enter",
        };
        thread.UnsafeStart();
        thread.Join();
        failure?.Throw();
        return result;
    }

    /// <summary>Runs <paramref name="action"/> on a dedicated thread inside this namespace (see <see cref="RunInside{T}(Func{T})"/>).</summary>
    public void RunInside(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        RunInside(() =>
        {
            action();
            return true;
        });
    }

    /// <summary>
    /// Closes the namespace fd; for one made by <see cref="CreateTemporary"/>, also deletes the name,
    /// but only while the name still refers to the namespace this handle created: if someone else
    /// deleted it and made a new one under the same name, that one is left alone.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _handle.Dispose();
        if (_deleteOnDispose)
        {
            DeleteIfStillOurs();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => LosslessUtf8.ToPrintable(Name ?? Path);

    private static NetworkNamespace OpenChecked(string path, string? name, string parameterName) =>
        new(NamespaceFile.OpenNetwork(path, parameterName), path, name, deleteOnDispose: false);

    private static string PathOf(string name) => System.IO.Path.Combine(RunDirectory, name);

    /// <summary>
    /// Unmounts and removes <see cref="Path"/> if the namespace mounted there is still ours. The
    /// mount is checked and unmounted through one O_PATH fd (umount of /proc/self/fd/N acts on that
    /// very mount), so a namespace mounted there by someone else in between is never touched; and
    /// unlink fails with EBUSY if someone mounts theirs after our unmount.
    /// </summary>
    private void DeleteIfStillOurs()
    {
        string shown = LosslessUtf8.ToPrintable(Path);
        int fd = Interop.Libc.Open(Path, Interop.Libc.O_PATH | Interop.Libc.O_NOFOLLOW | Interop.Libc.O_CLOEXEC, 0);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == Interop.Libc.ENOENT)
            {
                return;
            }

            throw NetlinkException.FromErrno(errno, $"open({shown})");
        }

        using var mountPoint = new SafeFileDescriptor(fd);
        if (NamespaceIdentity.Of(mountPoint, shown) != _identity)
        {
            return;
        }

        if (Interop.Libc.Umount2($"/proc/self/fd/{fd}", Interop.Libc.MNT_DETACH) != 0)
        {
            throw NetlinkException.FromLastError($"umount2({shown})", Capabilities.SysAdmin);
        }

        if (Interop.Libc.Unlink(Path) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is not (Interop.Libc.ENOENT or Interop.Libc.EBUSY))
            {
                throw NetlinkException.FromErrno(errno, $"unlink({shown})");
            }
        }
    }

    private static NetworkNamespace Create(string name, bool deleteOnDispose)
    {
        ValidateName(name);
        EnsureRunDirectoryIsSharedMount();
        string path = PathOf(name);
        string shown = LosslessUtf8.ToPrintable(path);

        // The mount point: an empty file created exclusively, so an existing name fails with EEXIST.
        NamespaceFile.Open(path, Interop.Libc.O_RDONLY | Interop.Libc.O_CREAT | Interop.Libc.O_EXCL, shown).Dispose();
        try
        {
            // The handle is the new namespace itself, opened by the thread that made it, so this
            // object knows which namespace it created whatever happens to the name later.
            SafeFileDescriptor handle = RunOnDedicatedThread(() =>
            {
                using SafeFileDescriptor original = SafeFileDescriptor.Open(ThreadNamespacePath);
                if (Interop.Libc.Unshare(Interop.Libc.CLONE_NEWNET) != 0)
                {
                    throw NetlinkException.FromLastError("unshare(CLONE_NEWNET)", Capabilities.SysAdmin);
                }

                try
                {
                    SafeFileDescriptor created = SafeFileDescriptor.Open(ThreadNamespacePath);
                    if (Interop.Libc.Mount(ThreadNamespacePath, path, "none", Interop.Libc.MS_BIND, 0) != 0)
                    {
                        int errno = Marshal.GetLastPInvokeError();
                        created.Dispose();
                        throw NetlinkException.FromErrno(errno, $"mount --bind {ThreadNamespacePath} {shown}", Capabilities.SysAdmin);
                    }

                    return created;
                }
                finally
                {
                    // If this fails the thread stays in the new namespace; it ends right after, so nothing else runs there.
                    Interop.Libc.SetNs(original, Interop.Libc.CLONE_NEWNET);
                }
            });
            return new NetworkNamespace(handle, path, name, deleteOnDispose);
        }
        catch
        {
            Interop.Libc.Unlink(path);
            throw;
        }
    }

    private static T RunInsideOnThisThread<T>(SafeFileDescriptor target, Func<T> action)
    {
        using SafeFileDescriptor original = SafeFileDescriptor.Open(ThreadNamespacePath);
        if (Interop.Libc.SetNs(target, Interop.Libc.CLONE_NEWNET) != 0)
        {
            throw NetlinkException.FromLastError("setns(CLONE_NEWNET)", Capabilities.SysAdmin);
        }

        try
        {
            return action();
        }
        finally
        {
            // If this fails the thread stays in the target namespace; it is ours and ends when we return.
            Interop.Libc.SetNs(original, Interop.Libc.CLONE_NEWNET);
        }
    }

    private static T RunOnDedicatedThread<T>(Func<T> action)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = action();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = "netns-create",
        };
        thread.UnsafeStart();
        thread.Join();
        failure?.Throw();
        return result;
    }

    /// <summary>
    /// Makes /run/netns a shared mount point as iproute2 does, so namespace mounts made here
    /// propagate to other mount namespaces and can be unmounted from them.
    /// </summary>
    private static void EnsureRunDirectoryIsSharedMount()
    {
        lock (RunDirectoryLock)
        {
            Directory.CreateDirectory(RunDirectory);
            bool boundOnItself = false;
            while (Interop.Libc.Mount(string.Empty, RunDirectory, "none", Interop.Libc.MS_SHARED | Interop.Libc.MS_REC, 0) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno != Interop.Libc.EINVAL || boundOnItself)
                {
                    throw NetlinkException.FromErrno(errno, $"mount --make-rshared {RunDirectory}", Capabilities.SysAdmin);
                }

                // EINVAL: not a mount point yet. Bind it onto itself, then retry.
                if (Interop.Libc.Mount(RunDirectory, RunDirectory, "none", Interop.Libc.MS_BIND | Interop.Libc.MS_REC, 0) != 0)
                {
                    throw NetlinkException.FromLastError($"mount --rbind {RunDirectory} {RunDirectory}", Capabilities.SysAdmin);
                }

                boundOnItself = true;
            }
        }
    }

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/') || name is "." or ".." || name.Contains('\0'))
        {
            throw new ArgumentException($"'{LosslessUtf8.ToPrintable(name)}' is not a valid namespace name (no '/', not '.' or '..')", nameof(name));
        }

        // The name is a file name: its exact bytes, at most NAME_MAX of them.
        if (LosslessUtf8.GetByteCount(name, nameof(name)) > MaxNameLength)
        {
            throw new ArgumentException($"a namespace name is at most {MaxNameLength} bytes", nameof(name));
        }
    }

    private static string ReadLink(string path) =>
        new FileInfo(path).LinkTarget ?? throw new InvalidOperationException($"{path} is not a symbolic link");
}
