using Netlink.Encoding;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>Routes: list, visit, look up, add, replace, append, delete.</summary>
public sealed partial class RouteClient
{
    private const int ENOENT = 2;

    /// <summary>
    /// Lists routes (main table of both families by default; see <see cref="RouteFilter"/>). The kernel
    /// filters with strict checking; a dump interrupted by concurrent changes is retried
    /// <see cref="RouteClientOptions.DumpAttempts"/> times in all.
    /// </summary>
    /// <exception cref="NetlinkDumpInterruptedException{T}">Every attempt was interrupted; carries the last partial list of routes.</exception>
    /// <exception cref="NetlinkException">The kernel refused the dump.</exception>
    public async Task<IReadOnlyList<Route>> ListRoutesAsync(RouteFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= RouteFilter.Default;
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        RouteRequests.WriteDump(lease.Writer, filter);
        try
        {
            return await Connection.DumpAsync(lease.Writer, (NetlinkMessage message, [MaybeNullWhen(false)] out Route route) => TryDecodeMatching(message, filter, out route), cancellationToken).ConfigureAwait(false);
        }
        catch (NetlinkException e) when (e.Errno == ENOENT && filter.Table != RouteTables.All)
        {
            // A single-family dump of a table that does not exist: "FIB table does not exist".
            return [];
        }
    }

    /// <summary>
    /// Dumps routes and hands each matching one to <paramref name="visitor"/> as the generated header
    /// and attribute reader over the receive buffer: nothing is allocated per route, for hot loops over
    /// huge tables. Not retried when interrupted (the visitor has already seen the routes): check
    /// <see cref="NetlinkReplySummary.Interrupted"/>.
    /// </summary>
    /// <returns>The reply summary (messages seen, whether the dump was interrupted).</returns>
    public Task<NetlinkReplySummary> VisitRoutesAsync(RouteVisitor visitor, RouteFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        filter ??= RouteFilter.Default;
        return DumpRoutesAsync(
            filter,
            message =>
            {
                if (message.Type == RtRoute.Messages.NewrouteNtf
                    && RtRoute.TryReadNewroute(message.Bytes, out RtRoute.Rtmsg header, out RtRoute.RouteAttrsReader attributes)
                    && filter.Matches(in header, in attributes))
                {
                    visitor(in header, in attributes);
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// Dumps routes and hands each matching one to <paramref name="onRoute"/> as a <see cref="Route"/>
    /// as soon as it is decoded, keeping none: for printing or exporting a huge table, where a list
    /// of a million routes would only be built to be walked once (the objects die young, so the GC
    /// never copies them). Not retried when interrupted (the callback has already seen the routes):
    /// check <see cref="NetlinkReplySummary.Interrupted"/>. The callback runs on whichever thread reads
    /// the replies; keep it short and do not call back into this client from it.
    /// </summary>
    /// <returns>The reply summary (messages seen, whether the dump was interrupted).</returns>
    public Task<NetlinkReplySummary> ForEachRouteAsync(Action<Route> onRoute, RouteFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onRoute);
        filter ??= RouteFilter.Default;
        return DumpRoutesAsync(
            filter,
            message =>
            {
                if (TryDecodeMatching(message, filter, out Route? route))
                {
                    onRoute(route);
                }
            },
            cancellationToken);
    }

    /// <summary>Runs one filtered route dump, handing every message to <paramref name="visitor"/>; a missing table is an empty dump.</summary>
    private async Task<NetlinkReplySummary> DumpRoutesAsync(RouteFilter filter, NetlinkMessageVisitor visitor, CancellationToken cancellationToken)
    {
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        RouteRequests.WriteDump(lease.Writer, filter);
        try
        {
            return await Connection.ExecuteAsync(lease.Writer, visitor, cancellationToken).ConfigureAwait(false);
        }
        catch (NetlinkException e) when (e.Errno == ENOENT && filter.Table != RouteTables.All)
        {
            // A single-family dump of a table that does not exist: "FIB table does not exist".
            return default;
        }
    }

    /// <summary>
    /// Looks up the route the kernel would use for <paramref name="destination"/>, as <c>ip route get</c>
    /// does (RTM_GETROUTE with RTA_DST and RTM_F_LOOKUP_TABLE, so the result carries its table).
    /// </summary>
    /// <exception cref="NetlinkException">No route (ENETUNREACH, EHOSTUNREACH…), or an invalid request.</exception>
    public async Task<Route> GetRouteAsync(IPAddress destination, RouteLookup? options = null, CancellationToken cancellationToken = default)
    {
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        RouteRequests.WriteLookup(lease.Writer, destination, options ?? new RouteLookup());
        Route? result = null;
        await Connection.ExecuteAsync(
            lease.Writer,
            message =>
            {
                if (result is null && RouteDecoder.TryDecode(message, out Route? route))
                {
                    result = route;
                }
            },
            cancellationToken).ConfigureAwait(false);
        return result ?? throw new InvalidOperationException($"the kernel answered the lookup of {destination} without a route");
    }

    /// <summary>Adds a route (NLM_F_CREATE | NLM_F_EXCL, <c>ip route add</c>).</summary>
    /// <exception cref="ArgumentException">The route is invalid; nothing was sent.</exception>
    /// <exception cref="NetlinkException">The kernel refused it: EEXIST if it exists, ENETUNREACH for an unreachable gateway…</exception>
    public Task AddRouteAsync(Route route, CancellationToken cancellationToken = default) =>
        SendNewRouteAsync(route, RouteRequests.AddFlags, cancellationToken);

    /// <summary>Adds or replaces a route (NLM_F_CREATE | NLM_F_REPLACE, <c>ip route replace</c>).</summary>
    /// <exception cref="ArgumentException">The route is invalid; nothing was sent.</exception>
    /// <exception cref="NetlinkException">The kernel refused it.</exception>
    public Task ReplaceRouteAsync(Route route, CancellationToken cancellationToken = default) =>
        SendNewRouteAsync(route, RouteRequests.ReplaceFlags, cancellationToken);

    /// <summary>Appends a route after existing ones of the same prefix (NLM_F_CREATE | NLM_F_APPEND, <c>ip route append</c>).</summary>
    /// <exception cref="ArgumentException">The route is invalid; nothing was sent.</exception>
    /// <exception cref="NetlinkException">The kernel refused it.</exception>
    public Task AppendRouteAsync(Route route, CancellationToken cancellationToken = default) =>
        SendNewRouteAsync(route, RouteRequests.AppendFlags, cancellationToken);

    /// <summary>
    /// Deletes a route (<c>ip route del</c>). Destination and table must match; gateway, device, metric,
    /// protocol, type and scope are compared only when set, so a route from <see cref="ListRoutesAsync"/>
    /// deletes exactly itself.
    /// </summary>
    /// <exception cref="ArgumentException">The route is invalid; nothing was sent.</exception>
    /// <exception cref="NetlinkException">ESRCH if no such route.</exception>
    public async Task DeleteRouteAsync(Route route, CancellationToken cancellationToken = default)
    {
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        RouteRequests.WriteDelete(lease.Writer, route);
        await Connection.RequestAsync(lease.Writer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds many routes in batches (many requests per sendmsg, <see cref="NetlinkConnection.ExecuteBatchAsync"/>)
    /// with NLM_F_CREATE | NLM_F_EXCL, and reports each one's outcome: one failing (EEXIST…) does not
    /// stop the others. Every route is validated before anything is sent. The requests carry no
    /// NLM_F_ACK: the kernel reports failures only, and each window's barrier ACK confirms the rest,
    /// so 10,000 routes cost the kernel a few dozen replies instead of 10,000.
    /// </summary>
    /// <returns>One result per route, in order (<see cref="NetlinkBatchResult.Index"/> is the route's position).</returns>
    /// <exception cref="ArgumentException">A route is invalid (the message names its position); nothing was sent.</exception>
    public Task<IReadOnlyList<NetlinkBatchResult>> AddRoutesAsync(IEnumerable<Route> routes, CancellationToken cancellationToken = default) =>
        BatchAsync(routes, (writer, route) => RouteRequests.WriteNew(writer, route, WithoutAck(RouteRequests.AddFlags)), cancellationToken);

    /// <summary>Adds or replaces many routes in batches (NLM_F_CREATE | NLM_F_REPLACE); see <see cref="AddRoutesAsync"/>.</summary>
    /// <exception cref="ArgumentException">A route is invalid; nothing was sent.</exception>
    public Task<IReadOnlyList<NetlinkBatchResult>> ReplaceRoutesAsync(IEnumerable<Route> routes, CancellationToken cancellationToken = default) =>
        BatchAsync(routes, (writer, route) => RouteRequests.WriteNew(writer, route, WithoutAck(RouteRequests.ReplaceFlags)), cancellationToken);

    /// <summary>Deletes many routes in batches, each matched as <see cref="DeleteRouteAsync"/> does; see <see cref="AddRoutesAsync"/>.</summary>
    /// <exception cref="ArgumentException">A route is invalid; nothing was sent.</exception>
    public Task<IReadOnlyList<NetlinkBatchResult>> DeleteRoutesAsync(IEnumerable<Route> routes, CancellationToken cancellationToken = default) =>
        BatchAsync(routes, (writer, route) => RouteRequests.WriteDelete(writer, route, WithoutAck(RouteRequests.DeleteFlags)), cancellationToken);

    /// <summary>Batched requests need no ACK each: the window's barrier ACK confirms every request that did not fail.</summary>
    private static NlMsgFlags WithoutAck(NlMsgFlags flags) => flags & ~NlMsgFlags.Ack;

    private async Task<IReadOnlyList<NetlinkBatchResult>> BatchAsync(IEnumerable<Route> routes, Action<NetlinkMessageWriter, Route> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routes);
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        int index = 0;
        foreach (Route route in routes)
        {
            try
            {
                ArgumentNullException.ThrowIfNull(route);
                write(lease.Writer, route);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"route {index} ({route?.Destination}): {e.Message}", nameof(routes), e);
            }

            index++;
        }

        if (index == 0)
        {
            return [];
        }

        return await Connection.ExecuteBatchAsync(lease.Writer, cancellationToken).ConfigureAwait(false);
    }

    private static bool TryDecodeMatching(NetlinkMessage message, RouteFilter filter, [MaybeNullWhen(false)] out Route route)
    {
        route = null;
        return message.Type == RtRoute.Messages.NewrouteNtf
            && RtRoute.TryReadNewroute(message.Bytes, out RtRoute.Rtmsg header, out RtRoute.RouteAttrsReader attributes)
            && filter.Matches(in header, in attributes)
            && RouteDecoder.TryDecode(in header, in attributes, out route);
    }

    private async Task SendNewRouteAsync(Route route, NlMsgFlags flags, CancellationToken cancellationToken)
    {
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        RouteRequests.WriteNew(lease.Writer, route, flags);
        await Connection.RequestAsync(lease.Writer, cancellationToken).ConfigureAwait(false);
    }
}
