using System.Runtime.CompilerServices;
using Netlink.Encoding;
using Netlink.Generic;
using Netlink.Messages;

namespace Netlink.Codegen;

/// <summary>
/// What every generated <c>{Family}Client</c> shares: opening the socket (in a namespace if asked),
/// resolving a generic netlink family and its multicast groups by name, running a request and
/// decoding its reply, streaming a dump to NLMSG_DONE, and following multicast notifications.
/// Generated clients only add one typed method per operation. Thread-safe: one client serves any
/// number of tasks.
/// </summary>
public abstract class NetlinkFamilyClient : IDisposable, IAsyncDisposable
{
    private readonly NetworkNamespace? _netns;

    /// <summary>Takes over <paramref name="connection"/>.</summary>
    /// <param name="connection">The request connection.</param>
    /// <param name="protocol">The netlink protocol (for notification sockets).</param>
    /// <param name="family">The resolved generic netlink family, null for netlink-raw.</param>
    /// <param name="netns">The namespace the client works in (a reference of its own), or null for the current one.</param>
    protected NetlinkFamilyClient(NetlinkConnection connection, NetlinkProtocol protocol, GenericFamily? family, NetworkNamespace? netns)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        Protocol = protocol;
        GenericFamily = family;
        _netns = netns;
    }

    /// <summary>The connection requests go through (for the zero-allocation reader API).</summary>
    public NetlinkConnection Connection { get; }

    /// <summary>The netlink protocol.</summary>
    public NetlinkProtocol Protocol { get; }

    /// <summary>The generic netlink family as the kernel's controller resolved it (id, version, groups); null for netlink-raw.</summary>
    public GenericFamily? GenericFamily { get; }

    /// <summary>The generic netlink family id (the nlmsg_type of its messages); 0 for netlink-raw.</summary>
    public ushort FamilyId => GenericFamily?.Id ?? 0;

    /// <summary>Closes the socket; pending calls end with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>As <see cref="Dispose()"/>.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Opens a connection for a generic netlink family and resolves it by name (its id, version and multicast groups).</summary>
    /// <exception cref="NetlinkException">The family is not registered (ENOENT: is its module loaded?).</exception>
    protected static async Task<(NetlinkConnection Connection, GenericFamily Family, NetworkNamespace? Netns)> OpenGenericAsync(
        string familyName, NetworkNamespace? netns, NetlinkConnectionOptions? options, CancellationToken cancellationToken)
    {
        NetworkNamespace? own = Reference(netns);
        NetlinkConnection? connection = null;
        try
        {
            connection = NetlinkConnection.Open(NetlinkProtocol.Generic, own, options);
            GenericFamily family = await connection.ResolveGenericFamilyAsync(familyName, cancellationToken).ConfigureAwait(false);
            return (connection, family, own);
        }
        catch
        {
            connection?.Dispose();
            own?.Dispose();
            throw;
        }
    }

    /// <summary>Opens a connection for a netlink-raw family on protocol <paramref name="protonum"/>.</summary>
    protected static (NetlinkConnection Connection, NetworkNamespace? Netns) OpenRaw(int protonum, NetworkNamespace? netns, NetlinkConnectionOptions? options)
    {
        NetworkNamespace? own = Reference(netns);
        try
        {
            return (NetlinkConnection.Open((NetlinkProtocol)protonum, own, options), own);
        }
        catch
        {
            own?.Dispose();
            throw;
        }
    }

    /// <summary>Sends the request and returns its decoded reply.</summary>
    /// <exception cref="NetlinkException">The kernel refused the request.</exception>
    /// <exception cref="NetlinkDecodeException">The kernel acknowledged without a reply the decoder accepted.</exception>
    protected async Task<T> RequestAsync<T>(NetlinkMessageWriter request, NetlinkMessageDecoder<T> decoder, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        T? reply = default;
        bool found = false;
        await Connection.ExecuteAsync(
            request,
            message =>
            {
                if (!found && decoder(message, out T? value))
                {
                    reply = value;
                    found = true;
                }
            },
            cancellationToken).ConfigureAwait(false);
        return found ? reply! : throw new NetlinkDecodeException($"the kernel answered '{operation}' without a reply of that operation", 0);
    }

    /// <summary>Sends the request and waits for its ACK.</summary>
    /// <exception cref="NetlinkException">The kernel refused the request.</exception>
    protected Task AcknowledgedAsync(NetlinkMessageWriter request, CancellationToken cancellationToken) =>
        Connection.ExecuteAsync(request, null, cancellationToken);

    /// <summary>Streams a dump's decoded replies, to NLMSG_DONE, reading only as the consumer pulls.</summary>
    protected IAsyncEnumerable<T> StreamAsync<T>(NetlinkMessageWriter request, NetlinkMessageDecoder<T> decoder, CancellationToken cancellationToken) =>
        Connection.StreamAsync(request, decoder, cancellationToken);

    /// <summary>
    /// Joins a multicast group on a socket of its own (in the client's namespace) and streams the
    /// notifications <paramref name="decoder"/> accepts, with an overrun item where the kernel
    /// dropped some. Ends without an exception when cancelled or when the client is disposed.
    /// </summary>
    /// <param name="group">The group's name (genetlink) or number as text (netlink-raw).</param>
    /// <param name="decoder">Decodes one notification; false skips the message.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    protected async IAsyncEnumerable<NetlinkNotification<T>> NotificationsAsync<T>(
        string group, NetlinkMessageDecoder<T> decoder, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(decoder);
        uint id = GenericFamily is { } family ? family.GetMulticastGroupId(group) : uint.Parse(group, System.Globalization.CultureInfo.InvariantCulture);
        using NetlinkEventSubscription subscription = NetlinkEventSubscription.Open(Protocol, [id], _netns);
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        await foreach (NetlinkEvent e in subscription.ReadAllAsync(linked.Token).ConfigureAwait(false))
        {
            if (e.IsOverrun)
            {
                yield return NetlinkNotification<T>.Overrun;
            }
            else if (decoder(e.Message.Message, out T? value))
            {
                yield return NetlinkNotification<T>.Of(value, e.Groups);
            }
        }
    }

    private readonly CancellationTokenSource _disposed = new();

    /// <summary>Closes the connection and ends notification streams.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing || _disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        Connection.Dispose();
        _netns?.Dispose();
    }

    /// <summary>A reference of the client's own to <paramref name="netns"/>, so the caller may dispose theirs.</summary>
    private static NetworkNamespace? Reference(NetworkNamespace? netns) => netns is null ? null : NetworkNamespace.OpenPath(netns.Path);
}
