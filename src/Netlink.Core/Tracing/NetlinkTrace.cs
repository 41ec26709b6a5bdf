using System.Text;
using Netlink.Messages;

namespace Netlink;

/// <summary>
/// Message tracing for every <see cref="NetlinkSocket"/>. Set the environment variable
/// <c>NETLINK_DEBUG=1</c> (or <see cref="Enabled"/>) to print each message sent and received to
/// stderr (header fields, an optional schema rendering, hex); set <see cref="Handler"/> to
/// observe datagrams programmatically.
/// </summary>
public static class NetlinkTrace
{
    private static readonly object WriteLock = new();

    /// <summary>Print messages to <see cref="Output"/>. Starts true when NETLINK_DEBUG=1.</summary>
    public static bool Enabled { get; set; } = Environment.GetEnvironmentVariable("NETLINK_DEBUG") == "1";

    /// <summary>Where printed traces go; stderr by default.</summary>
    public static TextWriter Output { get; set; } = Console.Error;

    /// <summary>Renders schema names in printed traces; null prints header fields and hex only.</summary>
    public static INetlinkMessageDescriber? Describer { get; set; }

    /// <summary>Called for every datagram sent or accepted, whether or not printing is enabled.</summary>
    public static NetlinkTraceHandler? Handler { get; set; }

    internal static bool IsActive => Enabled || Handler is not null;

    internal static void Datagram(NetlinkTraceDirection direction, NetlinkProtocol protocol, uint portId, uint peerPortId, ReadOnlySpan<byte> datagram)
    {
        Handler?.Invoke(direction, protocol, portId, peerPortId, datagram);
        if (Enabled)
        {
            string text = Format(direction, protocol, portId, peerPortId, datagram, Describer);
            lock (WriteLock)
            {
                Output.Write(text);
                Output.Flush();
            }
        }
    }

    /// <summary>Renders a datagram the way the tracer prints it.</summary>
    /// <param name="direction">Sent or received.</param>
    /// <param name="protocol">The socket's protocol.</param>
    /// <param name="portId">The socket's port id.</param>
    /// <param name="peerPortId">The other end's port id (0 is the kernel).</param>
    /// <param name="datagram">The bytes.</param>
    /// <param name="describer">Optional schema renderer.</param>
    public static string Format(NetlinkTraceDirection direction, NetlinkProtocol protocol, uint portId, uint peerPortId, ReadOnlySpan<byte> datagram, INetlinkMessageDescriber? describer = null)
    {
        var text = new StringBuilder();
        string arrow = direction == NetlinkTraceDirection.Send ? $"send to {peerPortId}" : $"recv from {peerPortId}";
        text.Append($"netlink {protocol} port {portId} {arrow}: {datagram.Length} bytes\n");
        try
        {
            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(datagram))
            {
                NlMsgHeader h = message.Header;
                string? name = h.Type < NlMsgType.MinType ? ControlTypeName(h.Type) : describer?.GetMessageTypeName(h.Type);
                text.Append($"  nlmsghdr len={h.Length} type={h.Type}{(name is null ? string.Empty : $" ({name})")} flags=0x{(ushort)h.Flags:x} seq={h.Sequence} pid={h.PortId}\n");
                if (describer is not null && h.Type >= NlMsgType.MinType)
                {
                    var described = new StringBuilder();
                    if (describer.TryDescribe(message, described))
                    {
                        text.Append(described).Append('\n');
                    }
                }

                AppendHex(text, message.Payload);
            }
        }
        catch (NetlinkDecodeException e)
        {
            text.Append($"  malformed: {e.Message}\n");
            AppendHex(text, datagram);
        }

        return text.ToString();
    }

    private static string? ControlTypeName(ushort type) => type switch
    {
        NlMsgType.Noop => "NLMSG_NOOP",
        NlMsgType.Error => "NLMSG_ERROR",
        NlMsgType.Done => "NLMSG_DONE",
        NlMsgType.Overrun => "NLMSG_OVERRUN",
        _ => null,
    };

    private static void AppendHex(StringBuilder text, ReadOnlySpan<byte> bytes)
    {
        for (int row = 0; row < bytes.Length; row += 16)
        {
            ReadOnlySpan<byte> line = bytes.Slice(row, Math.Min(16, bytes.Length - row));
            text.Append($"    {row:x4}: ").Append(Convert.ToHexString(line).ToLowerInvariant()).Append('\n');
        }
    }
}
