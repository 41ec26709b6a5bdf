using System.Text;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>
/// Names and renders any NETLINK_ROUTE message with the generated describers of the rt-* schemas
/// (links 16-19, addresses 20-23, routes 24-27, neighbours 28-31, rules 32-35). Used for tracing
/// (NETLINK_DEBUG=1), error messages and <c>nlctl decode</c>.
/// </summary>
public sealed class RouteMessageDescriber : INetlinkMessageDescriber
{
    private RouteMessageDescriber()
    {
    }

    /// <summary>The single instance.</summary>
    public static RouteMessageDescriber Instance { get; } = new();

    /// <summary>Renders every message of <paramref name="datagram"/> (one line per field and attribute).</summary>
    public static void Describe(ReadOnlySpan<byte> datagram, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(datagram))
            {
                DescribeOne(message.Bytes, message.Type, output);
            }
        }
        catch (NetlinkDecodeException error)
        {
            output.WriteLine($"malformed: {error.Message}");
        }
    }

    /// <inheritdoc/>
    public string? GetMessageTypeName(ushort type) => type switch
    {
        16 => "RTM_NEWLINK",
        17 => "RTM_DELLINK",
        18 => "RTM_GETLINK",
        19 => "RTM_SETLINK",
        20 => "RTM_NEWADDR",
        21 => "RTM_DELADDR",
        22 => "RTM_GETADDR",
        24 => "RTM_NEWROUTE",
        25 => "RTM_DELROUTE",
        26 => "RTM_GETROUTE",
        28 => "RTM_NEWNEIGH",
        29 => "RTM_DELNEIGH",
        30 => "RTM_GETNEIGH",
        32 => "RTM_NEWRULE",
        33 => "RTM_DELRULE",
        34 => "RTM_GETRULE",
        _ => null,
    };

    /// <inheritdoc/>
    public bool TryDescribe(NetlinkMessage message, StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StringWriter(output, System.Globalization.CultureInfo.InvariantCulture);
        DescribeOne(message.Bytes, message.Type, writer);
        return true;
    }

    private static void DescribeOne(ReadOnlySpan<byte> message, ushort type, TextWriter output)
    {
        switch (type)
        {
            case >= 16 and <= 19:
                RtLink.Describe(message, output);
                break;
            case >= 20 and <= 23:
                RtAddr.Describe(message, output);
                break;
            case >= 24 and <= 27:
                RtRoute.Describe(message, output);
                break;
            case >= 28 and <= 31:
                RtNeigh.Describe(message, output);
                break;
            case >= 32 and <= 35:
                RtRule.Describe(message, output);
                break;
            default:
                // Control messages (error, done) and unknown types: the link describer renders the header.
                RtLink.Describe(message, output);
                break;
        }
    }
}
