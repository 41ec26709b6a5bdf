using Netlink.Encoding;

namespace Netlink.Route;

/// <summary>
/// Typed rtnetlink: links, addresses, routes, neighbours and rules of one network namespace.
/// Thread-safe: any number of tasks may share one client (one socket; replies are matched to
/// requests by sequence number). Each object kind lives in its own partial file.
/// </summary>
/// <example>
/// <code>
/// await using var client = RouteClient.Open();            // the current namespace
/// await using var blue = RouteClient.Open("blue");        // /run/netns/blue
/// </code>
/// </example>
public sealed partial class RouteClient : IDisposable, IAsyncDisposable
{
    private readonly NetworkNamespace? _ownedNamespace;

    private RouteClient(NetlinkConnection connection, NetworkNamespace? netns, NetworkNamespace? ownedNamespace, RouteClientOptions options)
    {
        Connection = connection;
        Namespace = netns;
        _ownedNamespace = ownedNamespace;
        Options = options;
    }

    /// <summary>The options in force.</summary>
    public RouteClientOptions Options { get; }

    /// <summary>The request engine underneath, for raw requests and the zero-allocation visitor path.</summary>
    public NetlinkConnection Connection { get; }

    /// <summary>The namespace the client works in (null: the current one); event subscriptions open there too.</summary>
    internal NetworkNamespace? Namespace { get; }

    /// <summary>Builds request messages without allocating once warm.</summary>
    internal NetlinkMessageWriterPool Writers { get; } = NetlinkMessageWriterPool.Shared;

    /// <summary>Opens a client on the current network namespace, or on <paramref name="netns"/> if given (the caller keeps owning it).</summary>
    public static RouteClient Open(NetworkNamespace? netns = null, RouteClientOptions? options = null) =>
        Create(netns, ownedNamespace: null, options);

    /// <summary>Opens a client on the named namespace (/run/netns/<paramref name="netnsName"/>).</summary>
    /// <exception cref="ArgumentException">The name is empty or contains '/'.</exception>
    /// <exception cref="NetlinkException">The namespace does not exist or cannot be entered.</exception>
    public static RouteClient Open(string netnsName, RouteClientOptions? options = null)
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

    private static RouteClient Create(NetworkNamespace? netns, NetworkNamespace? ownedNamespace, RouteClientOptions? options)
    {
        options ??= new RouteClientOptions();
        var connectionOptions = new NetlinkConnectionOptions
        {
            Timeout = options.Timeout,
            ExtendedAck = true,
            StrictChecking = options.StrictChecking,
            DumpAttempts = options.DumpAttempts,
            Describer = RouteMessageDescriber.Instance,
        };
        return new RouteClient(NetlinkConnection.Open(NetlinkProtocol.Route, netns, connectionOptions), netns, ownedNamespace, options);
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
