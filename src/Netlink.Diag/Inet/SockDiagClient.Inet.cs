using Netlink.Encoding;

namespace Netlink.Diag;

public sealed partial class SockDiagClient
{
    /// <summary>
    /// Lists the inet sockets <paramref name="query"/> selects (protocol, families, states,
    /// extensions and bytecode filter all applied by the kernel). An interrupted dump
    /// (NLM_F_DUMP_INTR) is retried up to <see cref="SockDiagClientOptions.DumpAttempts"/> times.
    /// </summary>
    /// <exception cref="NetlinkException">The kernel refused (e.g. ENOENT: the protocol's diag module is missing, EINVAL: a bad filter).</exception>
    /// <exception cref="NetlinkDumpInterruptedException{T}">Every attempt was interrupted; carries the partial list.</exception>
    public async Task<IReadOnlyList<SocketInfo>> ListSocketsAsync(SocketQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new SocketQuery();
        SocketProtocol protocol = query.Protocol;
        var all = new List<SocketInfo>();
        foreach (byte family in query.LinuxFamilies.ToArray())
        {
            using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
            InetDiagRequest.WriteDump(lease.Writer, family, query);
            IReadOnlyList<SocketInfo> part = await Connection.DumpAsync(
                lease.Writer,
                (Messages.NetlinkMessage message, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out SocketInfo info) =>
                {
                    if (InetSocketEntry.TryParse(message.Bytes, protocol, out InetSocketEntry entry))
                    {
                        info = entry.ToSocketInfo();
                        return true;
                    }

                    info = null;
                    return false;
                },
                cancellationToken).ConfigureAwait(false);
            all.AddRange(part);
        }

        return all;
    }

    /// <summary>
    /// The zero-allocation path: runs the same dumps as <see cref="ListSocketsAsync"/> and hands
    /// each socket to <paramref name="visitor"/> in place, on whichever thread reads the replies (keep it short).
    /// Interrupted dumps are not retried (the visitor has seen the sockets): the result says so.
    /// </summary>
    /// <returns>How many sockets were visited, and whether a dump was interrupted.</returns>
    public async Task<SocketVisitResult> VisitSocketsAsync(SocketQuery query, InetSocketVisitor visitor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(visitor);
        SocketProtocol protocol = query.Protocol;
        NetlinkMessageVisitor messageVisitor = message =>
        {
            if (InetSocketEntry.TryParse(message.Bytes, protocol, out InetSocketEntry entry))
            {
                visitor(in entry);
            }
        };
        int count = 0;
        bool interrupted = false;
        foreach (byte family in query.LinuxFamilies.ToArray())
        {
            using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
            InetDiagRequest.WriteDump(lease.Writer, family, query);
            NetlinkReplySummary summary = await Connection.ExecuteAsync(lease.Writer, messageVisitor, cancellationToken).ConfigureAwait(false);
            count += summary.MessageCount;
            interrupted |= summary.Interrupted;
        }

        return new SocketVisitResult(count, interrupted);
    }
}
