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
    private readonly List<WeakReference<NetlinkEventSubscription>> _subscriptions = [];
    private int _disposed;

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

    /// <summary>
    /// Closes the socket and every event subscription the client made: pending requests, event
    /// streams and list-then-follow streams all end with <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Connection.Dispose();
        foreach (NetlinkEventSubscription subscription in TakeSubscriptions())
        {
            subscription.Dispose();
        }

        _ownedNamespace?.Dispose();
    }

    /// <summary>As <see cref="Dispose"/> (nothing to wait for: no request or stream runs in the background once the sockets are closed).</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Remembers <paramref name="subscription"/> for <see cref="Dispose"/>, weakly: a dropped
    /// subscription is still collected. (The socket-owning handle is tracked, which every stream of
    /// the subscription keeps alive, so a stream read without keeping the subscription is disposed too.)
    /// </summary>
    private void Track(NetlinkEventSubscription subscription)
    {
        lock (_subscriptions)
        {
            _subscriptions.RemoveAll(w => !w.TryGetTarget(out _));
            _subscriptions.Add(new WeakReference<NetlinkEventSubscription>(subscription));
        }

        if (_disposed != 0)
        {
            subscription.Dispose(); // the client was disposed meanwhile
            throw new ObjectDisposedException(nameof(RouteClient));
        }
    }

    private List<NetlinkEventSubscription> TakeSubscriptions()
    {
        lock (_subscriptions)
        {
            var alive = new List<NetlinkEventSubscription>();
            foreach (WeakReference<NetlinkEventSubscription> reference in _subscriptions)
            {
                if (reference.TryGetTarget(out NetlinkEventSubscription? subscription))
                {
                    alive.Add(subscription);
                }
            }

            _subscriptions.Clear();
            return alive;
        }
    }
}
