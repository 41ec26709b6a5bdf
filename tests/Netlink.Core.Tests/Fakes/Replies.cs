using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink.Core.Tests.Fakes;

/// <summary>Builds the messages a kernel would send, as byte arrays.</summary>
internal static class Replies
{
    public const ushort MsgAttr = 1;
    public const ushort OffsAttr = 2;
    public const ushort CookieAttr = 3;
    public const ushort MissTypeAttr = 5;
    public const ushort MissNestAttr = 6;

    /// <summary>A data message with a 4-byte payload <paramref name="marker"/>.</summary>
    public static byte[] Data(ushort type, uint sequence, NlMsgFlags flags, uint marker = 0)
    {
        using var writer = new NetlinkMessageWriter();
        int start = writer.BeginMessage(type, flags, sequence);
        writer.WriteStruct(marker);
        writer.EndMessage(start);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>NLMSG_ERROR: error 0 is an ACK. <paramref name="echo"/> is the request as the kernel echoes it.</summary>
    public static byte[] Error(uint sequence, int error, byte[] echo, bool capped = true, Action<NetlinkMessageWriter>? tlvs = null)
    {
        var flags = capped ? NlMsgFlags.Capped : NlMsgFlags.None;
        if (tlvs is not null)
        {
            flags |= NlMsgFlags.AckTlvs;
        }

        using var writer = new NetlinkMessageWriter();
        int start = writer.BeginMessage(NlMsgType.Error, flags, sequence);
        writer.WriteStruct(error);
        ReadOnlySpan<byte> echoed = capped ? echo.AsSpan(0, NlMsgHeader.Size) : echo;
        echoed.CopyTo(writer.Reserve(echoed.Length));
        tlvs?.Invoke(writer);
        writer.EndMessage(start);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>An ACK for <paramref name="request"/>.</summary>
    public static byte[] Ack(NlMsgHeader request, byte[] requestBytes) => Error(request.Sequence, 0, requestBytes);

    /// <summary>NLMSG_DONE with an int status and optional extack TLVs.</summary>
    public static byte[] Done(uint sequence, int error = 0, NlMsgFlags extraFlags = NlMsgFlags.None, Action<NetlinkMessageWriter>? tlvs = null)
    {
        using var writer = new NetlinkMessageWriter();
        int start = writer.BeginMessage(NlMsgType.Done, NlMsgFlags.Multi | extraFlags | (tlvs is null ? NlMsgFlags.None : NlMsgFlags.AckTlvs), sequence);
        writer.WriteStruct(error);
        tlvs?.Invoke(writer);
        writer.EndMessage(start);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Concatenates messages into one datagram.</summary>
    public static byte[] Datagram(params byte[][] messages) => messages.SelectMany(m => m).ToArray();
}
