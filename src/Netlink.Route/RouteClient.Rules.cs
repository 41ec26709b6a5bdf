using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink.Route;

/// <summary>Routing policy rules (<c>ip rule</c>).</summary>
public sealed partial class RouteClient
{
    /// <summary>Lists the rules of one family (InterNetwork, InterNetworkV6) or both (Unspecified), in priority order.</summary>
    /// <exception cref="NetlinkDumpInterruptedException{T}">Every attempt was interrupted; carries the last partial list.</exception>
    public async Task<IReadOnlyList<Rule>> ListRulesAsync(AddressFamily family = AddressFamily.Unspecified, CancellationToken cancellationToken = default)
    {
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        RuleRequests.WriteDump(lease.Writer, family);
        return await Connection.DumpAsync(
            lease.Writer,
            (NetlinkMessage message, [MaybeNullWhen(false)] out Rule rule) =>
                RuleDecoder.TryDecode(message, out rule) && (family == AddressFamily.Unspecified || rule.Family == family),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a rule (<c>ip rule add</c>; NLM_F_CREATE | NLM_F_EXCL).</summary>
    /// <exception cref="ArgumentException">The rule is invalid; nothing was sent.</exception>
    /// <exception cref="NetlinkException">EEXIST for a duplicate, or another refusal.</exception>
    public async Task AddRuleAsync(Rule rule, CancellationToken cancellationToken = default)
    {
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        RuleRequests.WriteNew(lease.Writer, rule);
        await Connection.RequestAsync(lease.Writer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the first rule matching what is set in <paramref name="rule"/> (<c>ip rule del</c>).</summary>
    /// <exception cref="ArgumentException">The rule is invalid; nothing was sent.</exception>
    /// <exception cref="NetlinkException">ENOENT if no rule matches.</exception>
    public async Task DeleteRuleAsync(Rule rule, CancellationToken cancellationToken = default)
    {
        using NetlinkMessageWriterPool.Lease lease = Writers.Rent();
        RuleRequests.WriteDelete(lease.Writer, rule);
        await Connection.RequestAsync(lease.Writer, cancellationToken).ConfigureAwait(false);
    }
}
