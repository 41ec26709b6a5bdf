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
    /// <remarks>The C names the rt-* schemas give their operations (RTM_NEWLINK…), from the generated families.</remarks>
    public string? GetMessageTypeName(ushort type) =>
        RtLink.MessageTypeName(type) ?? RtAddr.MessageTypeName(type) ?? RtRoute.MessageTypeName(type)
        ?? RtNeigh.MessageTypeName(type) ?? RtRule.MessageTypeName(type);

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
