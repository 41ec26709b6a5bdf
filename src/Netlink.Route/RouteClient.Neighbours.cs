using System.Diagnostics.CodeAnalysis;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>Neighbours: ARP and NDP cache entries and bridge FDB entries.</summary>
public sealed partial class RouteClient
{
    /// <summary>
    /// Lists neighbour entries (all states; <c>ip neigh show</c> hides NOARP ones). Filters on interface
    /// and master run in the kernel (strict checking) and again here.
    /// </summary>
    /// <exception cref="NetlinkDumpInterruptedException{T}">Every attempt was interrupted; carries the last partial list.</exception>
    public async Task<IReadOnlyList<Neighbour>> ListNeighboursAsync(NeighbourFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= new NeighbourFilter();
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        NeighbourRequests.WriteDump(lease.Writer, filter);
        return await Connection.DumpAsync(
            lease.Writer,
            (NetlinkMessage message, [MaybeNullWhen(false)] out Neighbour neighbour) =>
                NeighbourDecoder.TryDecode(message, out neighbour)
                && (filter.Family == NeighbourFamily.Unspecified || neighbour.Family == filter.Family)
                && (filter.InterfaceIndex == 0 || neighbour.InterfaceIndex == filter.InterfaceIndex)
                && (filter.MasterIndex == 0 || neighbour.MasterIndex == filter.MasterIndex || neighbour.Family != NeighbourFamily.Bridge),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a neighbour entry (NLM_F_CREATE | NLM_F_EXCL; <c>ip neigh add</c>, <c>bridge fdb add</c>).</summary>
    /// <exception cref="ArgumentException">The entry is invalid; nothing was sent.</exception>
    /// <exception cref="NetlinkException">EEXIST if it exists, or another refusal.</exception>
    public Task AddNeighbourAsync(Neighbour neighbour, CancellationToken cancellationToken = default) =>
        SendNeighbourAsync(writer => NeighbourRequests.WriteNew(writer, neighbour, NeighbourRequests.AddFlags), cancellationToken);

    /// <summary>Adds or replaces a neighbour entry (NLM_F_CREATE | NLM_F_REPLACE; <c>ip neigh replace</c>).</summary>
    /// <exception cref="ArgumentException">The entry is invalid; nothing was sent.</exception>
    /// <exception cref="NetlinkException">The kernel refused it.</exception>
    public Task ReplaceNeighbourAsync(Neighbour neighbour, CancellationToken cancellationToken = default) =>
        SendNeighbourAsync(writer => NeighbourRequests.WriteNew(writer, neighbour, NeighbourRequests.ReplaceFlags), cancellationToken);

    /// <summary>Deletes a neighbour entry (by interface and destination; FDB entries by interface, address and VLAN).</summary>
    /// <exception cref="ArgumentException">The entry is invalid; nothing was sent.</exception>
    /// <exception cref="NetlinkException">ENOENT if there is no such entry.</exception>
    public Task DeleteNeighbourAsync(Neighbour neighbour, CancellationToken cancellationToken = default) =>
        SendNeighbourAsync(writer => NeighbourRequests.WriteDelete(writer, neighbour), cancellationToken);

    private async Task SendNeighbourAsync(Action<NetlinkMessageWriter> build, CancellationToken cancellationToken)
    {
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        build(lease.Writer);
        await Connection.RequestAsync(lease.Writer, cancellationToken).ConfigureAwait(false);
    }
}
