using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Netlink;

/// <summary>
/// A handle on a Linux network namespace (an open nsfs file). Open existing ones by name
/// (<c>/run/netns/NAME</c>), path, fd or pid; create and delete named ones the way
/// <c>ip netns add/del</c> does. Sockets are put inside with <see cref="NetlinkSocket.Open"/>
/// (which calls <see cref="RunInside{T}(Func{T})"/>); the calling thread never changes namespace.
/// </summary>
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

    private readonly SafeFileDescriptor _handle;
    private readonly bool _deleteOnDispose;

    private NetworkNamespace(SafeFileDescriptor handle, string path, string? name, bool deleteOnDispose)
    {
        _handle = handle;
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

    /// <summary>
    /// The kernel's identity of this namespace, e.g. <c>net:[4026532281]</c>, comparable with
    /// <see cref="CurrentThreadId"/>. (Read from inside, on a short-lived thread: the fd's own
    /// /proc link shows the bind-mount path instead.)
    /// </summary>
    public string Id => RunInside(() => CurrentThreadId);

    /// <summary>The identity of the calling thread's network namespace, e.g. <c>net:[4026531840]</c>.</summary>
    public static string CurrentThreadId => ReadLink(ThreadNamespacePath);

    /// <summary>Opens the named namespace <c>/run/netns/<paramref name="name"/></c>.</summary>
    /// <exception cref="NetlinkException">It does not exist (ENOENT) or cannot be opened.</exception>
    public static NetworkNamespace Open(string name)
    {
        ValidateName(name);
        string path = System.IO.Path.Combine(RunDirectory, name);
        return new NetworkNamespace(SafeFileDescriptor.Open(path), path, name, deleteOnDispose: false);
    }

    /// <summary>Opens the namespace file at <paramref name="path"/> (a bind mount or /proc/PID/ns/net).</summary>
    public static NetworkNamespace OpenPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new NetworkNamespace(SafeFileDescriptor.Open(path), path, null, deleteOnDispose: false);
    }

    /// <summary>Opens the network namespace of process <paramref name="pid"/>.</summary>
    public static NetworkNamespace OpenProcess(int pid)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pid);
        return OpenPath($"/proc/{pid}/ns/net");
    }

    /// <summary>Opens the namespace behind a namespace fd the caller owns (it is reopened; the caller keeps its fd).</summary>
    public static NetworkNamespace OpenFileDescriptor(int fd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fd);
        return OpenPath($"/proc/self/fd/{fd}");
    }

    /// <summary>Opens the calling thread's current network namespace.</summary>
    public static NetworkNamespace OpenCurrent() => OpenPath(ThreadNamespacePath);

    /// <summary>True if a named namespace exists under <see cref="RunDirectory"/>.</summary>
    public static bool Exists(string name)
    {
        ValidateName(name);
        return File.Exists(System.IO.Path.Combine(RunDirectory, name));
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

    /// <summary>Deletes a named namespace like <c>ip netns del</c>: lazily unmounts and removes <c>/run/netns/NAME</c>.
    /// The namespace itself lives on while sockets or processes still use it.</summary>
    /// <exception cref="NetlinkException">ENOENT if there is no such namespace.</exception>
    public static void Delete(string name)
    {
        ValidateName(name);
        string path = System.IO.Path.Combine(RunDirectory, name);
        if (Interop.Libc.Umount2(path, Interop.Libc.MNT_DETACH) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno != Interop.Libc.EINVAL)
            {
                // EINVAL: not a mount point (half-created); still remove the file below.
                throw NetlinkException.FromErrno(errno, $"umount2({path})");
            }
        }

        File.Delete(path);
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

    /// <summary>Closes the namespace fd; for one made by <see cref="CreateTemporary"/>, also deletes the name.</summary>
    public void Dispose()
    {
        _handle.Dispose();
        if (_deleteOnDispose && Name is not null && File.Exists(Path))
        {
            Delete(Name);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name ?? Path;

    private static NetworkNamespace Create(string name, bool deleteOnDispose)
    {
        ValidateName(name);
        EnsureRunDirectoryIsSharedMount();
        string path = System.IO.Path.Combine(RunDirectory, name);

        // The mount point: an empty file created exclusively, so an existing name fails with EEXIST.
        SafeFileDescriptor.Open(path, Interop.Libc.O_RDONLY | Interop.Libc.O_CREAT | Interop.Libc.O_EXCL, 0).Dispose();
        try
        {
            RunOnDedicatedThread(() =>
            {
                using SafeFileDescriptor original = SafeFileDescriptor.Open(ThreadNamespacePath);
                if (Interop.Libc.Unshare(Interop.Libc.CLONE_NEWNET) != 0)
                {
                    throw NetlinkException.FromLastError("unshare(CLONE_NEWNET)");
                }

                try
                {
                    if (Interop.Libc.Mount(ThreadNamespacePath, path, "none", Interop.Libc.MS_BIND, 0) != 0)
                    {
                        throw NetlinkException.FromLastError($"mount --bind {ThreadNamespacePath} {path}");
                    }
                }
                finally
                {
                    // If this fails the thread stays in the new namespace; it ends right after, so nothing else runs there.
                    Interop.Libc.SetNs(original, Interop.Libc.CLONE_NEWNET);
                }
            });
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return new NetworkNamespace(SafeFileDescriptor.Open(path), path, name, deleteOnDispose);
    }

    private static T RunInsideOnThisThread<T>(SafeFileDescriptor target, Func<T> action)
    {
        using SafeFileDescriptor original = SafeFileDescriptor.Open(ThreadNamespacePath);
        if (Interop.Libc.SetNs(target, Interop.Libc.CLONE_NEWNET) != 0)
        {
            throw NetlinkException.FromLastError("setns(CLONE_NEWNET)");
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

    private static void RunOnDedicatedThread(Action action)
    {
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
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
                    throw NetlinkException.FromErrno(errno, $"mount --make-rshared {RunDirectory}");
                }

                // EINVAL: not a mount point yet. Bind it onto itself, then retry.
                if (Interop.Libc.Mount(RunDirectory, RunDirectory, "none", Interop.Libc.MS_BIND | Interop.Libc.MS_REC, 0) != 0)
                {
                    throw NetlinkException.FromLastError($"mount --rbind {RunDirectory} {RunDirectory}");
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
            throw new ArgumentException($"'{name}' is not a valid namespace name (no '/', not '.' or '..')", nameof(name));
        }
    }

    private static string ReadLink(string path) =>
        new FileInfo(path).LinkTarget ?? throw new InvalidOperationException($"{path} is not a symbolic link");
}
