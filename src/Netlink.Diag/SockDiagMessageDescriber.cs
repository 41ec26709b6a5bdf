using System.Globalization;
using System.Text;
using Netlink.Diag.Generated;
using Netlink.Messages;

namespace Netlink.Diag;

/// <summary>
/// Names and renders NETLINK_SOCK_DIAG messages with the generated describer of the sock-diag
/// schema (SOCK_DIAG_BY_FAMILY 20, SOCK_DESTROY 21). Used for tracing and error messages.
/// </summary>
public sealed class SockDiagMessageDescriber : INetlinkMessageDescriber
{
    private SockDiagMessageDescriber()
    {
    }

    /// <summary>The single instance.</summary>
    public static SockDiagMessageDescriber Instance { get; } = new();

    /// <inheritdoc/>
    public string? GetMessageTypeName(ushort type) => type switch
    {
        20 => "SOCK_DIAG_BY_FAMILY",
        21 => "SOCK_DESTROY",
        _ => null,
    };

    /// <inheritdoc/>
    public bool TryDescribe(NetlinkMessage message, StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StringWriter(output, CultureInfo.InvariantCulture);
        SockDiag.Describe(message.Bytes, writer);
        return true;
    }
}
