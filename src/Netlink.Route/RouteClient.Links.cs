using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>Links: list, get, add, change, delete.</summary>
public sealed partial class RouteClient
{
    /// <summary>
    /// Lists links. The filter's kind and master are applied by the kernel (strict mode), so only
    /// matching links cross into user space. Interrupted dumps are retried
    /// (<see cref="RouteClientOptions.DumpAttempts"/>), then reported with the partial result.
    /// </summary>
    /// <exception cref="NetlinkDumpInterruptedException{T}">Every attempt was interrupted by concurrent changes.</exception>
    /// <example>
    /// <code>
    /// foreach (Link link in await client.ListLinksAsync(new LinkFilter { Kind = "veth" }))
    ///     Console.WriteLine($"{link.Index}: {link.Name} mtu {link.Mtu}");
    /// </code>
    /// </example>
    public async Task<IReadOnlyList<Link>> ListLinksAsync(LinkFilter? filter = null, CancellationToken cancellationToken = default)
    {
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        LinkRequests.WriteDump(lease.Writer, filter);
        return await Connection.DumpAsync<Link>(lease.Writer, LinkDecoder.TryDecode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The zero-allocation path for huge link tables: runs one dump and hands each link's generated
    /// header and attribute reader to <paramref name="visitor"/> in place. Not retried when
    /// interrupted (the visitor has seen the messages): check <see cref="NetlinkReplySummary.Interrupted"/>.
    /// </summary>
    public Task<NetlinkReplySummary> VisitLinksAsync(LinkVisitor visitor, LinkFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return VisitAsync(
            writer => LinkRequests.WriteDump(writer, filter),
            message =>
            {
                if (message.Type == RtLink.Messages.GetlinkReply && RtLink.TryReadGetlink(message.Bytes, out RtLink.Ifinfomsg header, out RtLink.LinkAttrsReader attributes))
                {
                    visitor(in header, attributes);
                }
            },
            cancellationToken);
    }

    /// <summary>Gets one link by index (RTM_GETLINK with ifi_index).</summary>
    /// <exception cref="NetlinkException">ENODEV: no such link.</exception>
    public Task<Link> GetLinkAsync(int index, CancellationToken cancellationToken = default) =>
        GetOneLinkAsync(writer => LinkRequests.WriteGet(writer, index), cancellationToken);

    /// <summary>Gets one link by name (RTM_GETLINK with IFLA_IFNAME: the kernel looks it up).</summary>
    /// <exception cref="ArgumentException">The name is not a valid interface name.</exception>
    /// <exception cref="NetlinkException">ENODEV: no such link.</exception>
    public Task<Link> GetLinkAsync(string name, CancellationToken cancellationToken = default) =>
        GetOneLinkAsync(writer => LinkRequests.WriteGet(writer, name), cancellationToken);

    /// <summary>
    /// The name of link <paramref name="index"/>, or null if there is none: one ioctl on the client's
    /// socket (its namespace), no netlink request and no allocation beyond the string, so printers
    /// may call it per route, also from a <see cref="ForEachRouteAsync"/> callback.
    /// </summary>
    public string? GetLinkName(int index) =>
        (Connection.Socket ?? throw new InvalidOperationException("the client has no socket")).GetInterfaceName(index);

    /// <summary>The index of link <paramref name="name"/>, or null if there is none (one ioctl, see <see cref="GetLinkName"/>).</summary>
    /// <exception cref="ArgumentException">Not a valid interface name.</exception>
    public int? GetLinkIndex(string name) =>
        (Connection.Socket ?? throw new InvalidOperationException("the client has no socket")).GetInterfaceIndex(name);

    /// <summary>Gets one link by name, or null if there is none.</summary>
    public async Task<Link?> FindLinkAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetLinkAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (NetlinkException e) when (e.Errno == Errno.ENODEV)
        {
            return null;
        }
    }

    /// <summary>
    /// Creates a link (RTM_NEWLINK with NLM_F_CREATE|NLM_F_EXCL) and returns it as the kernel reports it.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is invalid (checked before sending).</exception>
    /// <exception cref="NetlinkException">The kernel refused, e.g. EEXIST if the name is taken.</exception>
    /// <example>
    /// <code>
    /// await client.AddLinkAsync(new VethSpec("veth0", "veth1") { PeerNamespace = blue, Mtu = 9000 });
    /// Link br = await client.AddLinkAsync(new BridgeSpec("br0") { Stp = true, Up = true });
    /// </code>
    /// </example>
    public async Task<Link> AddLinkAsync(LinkSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        NetworkNamespace? peerNamespace = (spec as VethSpec)?.PeerNamespace;
        await SendWithNamespaceAsync(writer => LinkRequests.WriteAdd(writer, spec), peerNamespace, cancellationToken).ConfigureAwait(false);
        return await GetLinkAsync(spec.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes a link: everything set in <paramref name="changes"/>, in one request.</summary>
    /// <exception cref="ArgumentException">A change is invalid (checked before sending).</exception>
    /// <exception cref="NetlinkException">The kernel refused.</exception>
    public Task SetLinkAsync(int index, LinkChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return SendWithNamespaceAsync(writer => LinkRequests.WriteSet(writer, index, changes), changes.Namespace, cancellationToken);
    }

    /// <summary>Changes the link named <paramref name="name"/> (looked up first).</summary>
    public async Task SetLinkAsync(string name, LinkChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        changes.Validate();
        Link link = await GetLinkAsync(name, cancellationToken).ConfigureAwait(false);
        await SetLinkAsync(link.Index, changes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets IFF_UP.</summary>
    public Task SetLinkUpAsync(int index, CancellationToken cancellationToken = default) =>
        SetLinkAsync(index, new LinkChanges { Up = true }, cancellationToken);

    /// <summary>Clears IFF_UP.</summary>
    public Task SetLinkDownAsync(int index, CancellationToken cancellationToken = default) =>
        SetLinkAsync(index, new LinkChanges { Up = false }, cancellationToken);

    /// <summary>Enslaves the link to <paramref name="masterIndex"/>, or releases it with 0.</summary>
    public Task SetLinkMasterAsync(int index, int masterIndex, CancellationToken cancellationToken = default) =>
        SetLinkAsync(index, new LinkChanges { MasterIndex = masterIndex }, cancellationToken);

    /// <summary>Moves the link into <paramref name="target"/> (it disappears from this namespace).</summary>
    public Task MoveLinkAsync(int index, NetworkNamespace target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return SetLinkAsync(index, new LinkChanges { Namespace = target }, cancellationToken);
    }

    /// <summary>Moves the link into the named namespace (/run/netns/<paramref name="netnsName"/>).</summary>
    public async Task MoveLinkAsync(int index, string netnsName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(netnsName);
        using NetworkNamespace target = NetworkNamespace.Open(netnsName);
        await MoveLinkAsync(index, target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves the link into the namespace of process <paramref name="pid"/>.</summary>
    public Task MoveLinkToProcessAsync(int index, int pid, CancellationToken cancellationToken = default) =>
        SetLinkAsync(index, new LinkChanges { NamespacePid = pid }, cancellationToken);

    /// <summary>Deletes a link (a veth's peer goes with it).</summary>
    /// <exception cref="NetlinkException">ENODEV: no such link.</exception>
    public Task DeleteLinkAsync(int index, CancellationToken cancellationToken = default) =>
        SendAsync(writer => LinkRequests.WriteDelete(writer, index), cancellationToken);

    /// <summary>Deletes the link named <paramref name="name"/> (RTM_DELLINK with IFLA_IFNAME).</summary>
    public Task DeleteLinkAsync(string name, CancellationToken cancellationToken = default) =>
        SendAsync(writer => LinkRequests.WriteDelete(writer, name), cancellationToken);

    private async Task<Link> GetOneLinkAsync(Action<NetlinkMessageWriter> build, CancellationToken cancellationToken)
    {
        Link? found = null;
        await VisitAsync(
            build,
            message =>
            {
                if (LinkDecoder.TryDecode(message, out Link? link))
                {
                    found = link;
                }
            },
            cancellationToken).ConfigureAwait(false);
        return found ?? throw new NetlinkException(Errno.ENODEV, "RTM_GETLINK: no link in the reply");
    }

    /// <summary>Builds a request with <paramref name="build"/> (which validates) and sends it, waiting for the ACK.</summary>
    private async Task SendAsync(Action<NetlinkMessageWriter> build, CancellationToken cancellationToken)
    {
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        build(lease.Writer);
        await Connection.RequestAsync(lease.Writer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds a request and runs it, visiting each reply in place.</summary>
    private async Task<NetlinkReplySummary> VisitAsync(Action<NetlinkMessageWriter> build, NetlinkMessageVisitor visitor, CancellationToken cancellationToken)
    {
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        build(lease.Writer);
        return await Connection.ExecuteAsync(lease.Writer, visitor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="SendAsync"/>, keeping <paramref name="netns"/>'s descriptor open until the kernel has read it.</summary>
    private async Task SendWithNamespaceAsync(Action<NetlinkMessageWriter> build, NetworkNamespace? netns, CancellationToken cancellationToken)
    {
        bool added = false;
        try
        {
            netns?.Handle.DangerousAddRef(ref added);
            await SendAsync(build, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (added)
            {
                netns!.Handle.DangerousRelease();
            }
        }
    }
}
