using System.Net;
using Netlink.Encoding;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>Addresses: list, add, replace, delete.</summary>
public sealed partial class RouteClient
{
    /// <summary>
    /// Lists addresses. Link index and family are filtered by the kernel (strict mode). Interrupted
    /// dumps are retried, then reported with the partial result.
    /// </summary>
    /// <exception cref="ArgumentException">A filter value is invalid.</exception>
    /// <exception cref="NetlinkDumpInterruptedException{T}">Every attempt was interrupted.</exception>
    public async Task<IReadOnlyList<Address>> ListAddressesAsync(AddressFilter? filter = null, CancellationToken cancellationToken = default)
    {
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        AddressRequests.WriteDump(lease.Writer, filter);
        return await Connection.DumpAsync<Address>(lease.Writer, AddressDecoder.TryDecode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Zero-allocation dump: hands each address's generated header and reader to <paramref name="visitor"/> in place. Not retried when interrupted.</summary>
    public Task<NetlinkReplySummary> VisitAddressesAsync(AddressVisitor visitor, AddressFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return VisitAsync(
            writer => AddressRequests.WriteDump(writer, filter),
            message =>
            {
                if (message.Type == RtAddr.Messages.GetaddrReply && RtAddr.TryReadGetaddr(message.Bytes, out RtAddr.Ifaddrmsg header, out RtAddr.AddrAttrsReader attributes))
                {
                    visitor(in header, attributes);
                }
            },
            cancellationToken);
    }

    /// <summary>Adds an address (NLM_F_CREATE|NLM_F_EXCL). A label is checked against the link's name first.</summary>
    /// <exception cref="ArgumentException">Bad prefix length, families, label or lifetimes (nothing is sent).</exception>
    /// <exception cref="NetlinkException">EEXIST if the address is already there, ENODEV for a missing link…</exception>
    public Task AddAddressAsync(AddressSpec spec, CancellationToken cancellationToken = default) =>
        ChangeAddressAsync(spec, AddressRequests.Mode.Add, cancellationToken);

    /// <summary>Adds the address or replaces its settings if present (NLM_F_CREATE|NLM_F_REPLACE).</summary>
    public Task ReplaceAddressAsync(AddressSpec spec, CancellationToken cancellationToken = default) =>
        ChangeAddressAsync(spec, AddressRequests.Mode.Replace, cancellationToken);

    /// <summary>Deletes an address.</summary>
    /// <exception cref="NetlinkException">EADDRNOTAVAIL if it is not there.</exception>
    public Task DeleteAddressAsync(AddressSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return SendAsync(writer => AddressRequests.WriteDelete(writer, spec), cancellationToken);
    }

    /// <summary>Deletes <paramref name="address"/>/<paramref name="prefixLength"/> from link <paramref name="linkIndex"/>.</summary>
    public Task DeleteAddressAsync(int linkIndex, IPAddress address, int prefixLength, CancellationToken cancellationToken = default) =>
        DeleteAddressAsync(new AddressSpec(address, prefixLength, linkIndex), cancellationToken);

    private async Task ChangeAddressAsync(AddressSpec spec, AddressRequests.Mode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate(forDelete: false, linkName: null);
        string? linkName = null;
        if (spec.Label is not null)
        {
            linkName = (await GetLinkAsync(spec.LinkIndex, cancellationToken).ConfigureAwait(false)).Name;
        }

        await SendAsync(writer => AddressRequests.WriteAdd(writer, spec, mode, linkName), cancellationToken).ConfigureAwait(false);
    }
}
