using Netlink.Encoding;

namespace Netlink.Diag;

public sealed partial class SockDiagClient
{
    /// <summary>
    /// Lists the UNIX sockets of the client's network namespace (a UNIX socket belongs to the
    /// namespace of the task that created it), with path or abstract name, peer, queues and uid.
    /// </summary>
    /// <exception cref="NetlinkException">The kernel refused (ENOENT: no unix_diag support).</exception>
    public async Task<IReadOnlyList<UnixSocketInfo>> ListUnixSocketsAsync(UnixSocketQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new UnixSocketQuery();
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        UnixDiagRequest.WriteDump(lease.Writer, query);
        return await Connection.DumpAsync(
            lease.Writer,
            (Messages.NetlinkMessage message, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out UnixSocketInfo info) =>
            {
                if (UnixSocketEntry.TryParse(message.Bytes, out UnixSocketEntry entry))
                {
                    info = entry.ToUnixSocketInfo();
                    return true;
                }

                info = null;
                return false;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The zero-allocation path for UNIX sockets: each reply is handed to <paramref name="visitor"/> in place.</summary>
    public async Task<SocketVisitResult> VisitUnixSocketsAsync(UnixSocketQuery query, UnixSocketVisitor visitor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(visitor);
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        UnixDiagRequest.WriteDump(lease.Writer, query);
        NetlinkReplySummary summary = await Connection.ExecuteAsync(
            lease.Writer,
            message =>
            {
                if (UnixSocketEntry.TryParse(message.Bytes, out UnixSocketEntry entry))
                {
                    visitor(in entry);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return new SocketVisitResult(summary.MessageCount, summary.Interrupted);
    }
}
