using Netlink.Messages;

namespace Netlink;

/// <summary>An owned copy of one received message, for the collecting APIs and event streams.</summary>
public sealed class NetlinkReply
{
    private readonly byte[] _bytes;

    private NetlinkReply(NlMsgHeader header, byte[] bytes)
    {
        Header = header;
        _bytes = bytes;
    }

    /// <summary>The message header.</summary>
    public NlMsgHeader Header { get; }

    /// <summary>The message type.</summary>
    public ushort Type => Header.Type;

    /// <summary>The whole message, header included.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>A view for the framing and generated readers.</summary>
    public NetlinkMessage Message => new(Header, _bytes, 0);

    /// <summary>Copies <paramref name="message"/> out of a receive buffer.</summary>
    public static NetlinkReply Copy(NetlinkMessage message) => new(message.Header, message.Bytes.ToArray());

    /// <summary>A <see cref="NetlinkMessageDecoder{T}"/> that keeps every message as a copy.</summary>
    public static bool TryCopy(NetlinkMessage message, out NetlinkReply reply)
    {
        reply = Copy(message);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Header.ToString();
}
