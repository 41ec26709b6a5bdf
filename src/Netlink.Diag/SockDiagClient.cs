using Netlink.Encoding;

namespace Netlink.Diag;

/// <summary>
/// Socket monitoring over NETLINK_SOCK_DIAG, what <c>ss</c> shows: TCP, UDP and raw sockets over
/// IPv4 and IPv6 (inet_diag) and UNIX sockets (unix_diag) of one network namespace, filtered
/// by the kernel (state mask and bytecode filter). Thread-safe: any number of tasks may share one
/// client. Sockets are listed per network namespace: the client sees the sockets of the
/// namespace its netlink socket was opened in.
/// </summary>
/// <example>
/// <code>
/// await using var diag = SockDiagClient.Open();                 // the current namespace
/// var listeners = await diag.ListSocketsAsync(new SocketQuery { Protocol = SocketProtocol.Tcp, States = SocketStates.Listen });
/// foreach (SocketInfo s in listeners) Console.WriteLine($"{s.Local} inode {s.Inode}");
/// </code>
/// </example>
public sealed partial class SockDiagClient : IDisposable, IAsyncDisposable
{
    private readonly NetworkNamespace? _ownedNamespace;

    private SockDiagClient(NetlinkConnection connection, NetworkNamespace? ownedNamespace, SockDiagClientOptions options)
    {
        Connection = connection;
        _ownedNamespace = ownedNamespace;
        Options = options;
    }

    /// <summary>The options in force.</summary>
    public SockDiagClientOptions Options { get; }

    /// <summary>The request engine underneath, for raw requests.</summary>
    public NetlinkConnection Connection { get; }

    /// <summary>Builds request messages without allocating once warm.</summary>
    internal NetlinkMessageWriterPool Writers { get; } = NetlinkMessageWriterPool.Shared;

    /// <summary>Opens a client on the current network namespace, or on <paramref name="netns"/> if given (the caller keeps owning it).</summary>
    public static SockDiagClient Open(NetworkNamespace? netns = null, SockDiagClientOptions? options = null) =>
        Create(netns, ownedNamespace: null, options);

    /// <summary>Opens a client on the named namespace (/run/netns/<paramref name="netnsName"/>).</summary>
    /// <exception cref="ArgumentException">The name is empty or contains '/'.</exception>
    /// <exception cref="NetlinkException">The namespace does not exist or cannot be entered.</exception>
    public static SockDiagClient Open(string netnsName, SockDiagClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(netnsName);
        NetworkNamespace netns = NetworkNamespace.Open(netnsName);
        try
        {
            return Create(netns, ownedNamespace: netns, options);
        }
        catch
        {
            netns.Dispose();
            throw;
        }
    }

    private static SockDiagClient Create(NetworkNamespace? netns, NetworkNamespace? ownedNamespace, SockDiagClientOptions? options)
    {
        options ??= new SockDiagClientOptions();
        var connectionOptions = new NetlinkConnectionOptions
        {
            Timeout = options.Timeout,
            ExtendedAck = true,
            DumpAttempts = options.DumpAttempts,
            ReceiveBufferSize = options.ReceiveBufferSize,
            Describer = SockDiagMessageDescriber.Instance,
        };
        return new SockDiagClient(NetlinkConnection.Open(NetlinkProtocol.SockDiag, netns, connectionOptions), ownedNamespace, options);
    }

    /// <summary>Closes the socket; pending requests fail with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Connection.Dispose();
        _ownedNamespace?.Dispose();
    }

    /// <summary>Closes the socket (as <see cref="Dispose"/>; nothing runs in the background).</summary>
    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync().ConfigureAwait(false);
        _ownedNamespace?.Dispose();
    }
}
