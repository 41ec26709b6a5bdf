using System.Runtime.InteropServices;
using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink;

/// <summary>
/// Reads the error code and extended-ACK TLVs of NLMSG_ERROR (<c>struct nlmsgerr</c>: int error,
/// echoed request header — whole request unless NLM_F_CAPPED —, then TLVs if NLM_F_ACK_TLVS) and of
/// NLMSG_DONE (int error, then TLVs, no echoed header).
/// </summary>
internal static class ExtendedAckParser
{
    private const ushort AttrMessage = 1;
    private const ushort AttrOffset = 2;
    private const ushort AttrCookie = 3;
    private const ushort AttrPolicy = 4;
    private const ushort AttrMissingType = 5;
    private const ushort AttrMissingNest = 6;

    /// <summary>Reads NLMSG_ERROR. Returns the errno as the kernel sent it (0 for an ACK, negative for an error).</summary>
    /// <exception cref="NetlinkDecodeException">The payload is too short for <c>struct nlmsgerr</c>.</exception>
    internal static int ReadError(NetlinkMessage message, out NetlinkExtendedAck? extendedAck)
    {
        ReadOnlySpan<byte> payload = message.Payload;
        if (payload.Length < sizeof(int) + NlMsgHeader.Size)
        {
            throw new NetlinkDecodeException($"NLMSG_ERROR payload of {payload.Length} bytes is shorter than struct nlmsgerr (20)", message.Offset + NlMsgHeader.Size);
        }

        int error = MemoryMarshal.Read<int>(payload);
        extendedAck = null;
        if ((message.Flags & NlMsgFlags.AckTlvs) != 0)
        {
            // Capped: only the 16-byte header was echoed. Otherwise the whole request follows.
            int echoed = NlMsgHeader.Size;
            if ((message.Flags & NlMsgFlags.Capped) == 0)
            {
                uint echoedLength = MemoryMarshal.Read<uint>(payload[sizeof(int)..]);
                echoed = (int)Math.Clamp(echoedLength, (uint)NlMsgHeader.Size, (uint)(payload.Length - sizeof(int)));
            }

            int tlvStart = Math.Min(sizeof(int) + NlAlign.Align(echoed), payload.Length);
            extendedAck = ReadTlvs(payload[tlvStart..], message.Offset + NlMsgHeader.Size + tlvStart);
        }

        return error;
    }

    /// <summary>Reads NLMSG_DONE: the dump's final status (0 or a negative errno) and any TLVs.</summary>
    internal static int ReadDone(NetlinkMessage message, out NetlinkExtendedAck? extendedAck)
    {
        ReadOnlySpan<byte> payload = message.Payload;
        extendedAck = null;

        // Some families send an empty DONE; that is success.
        if (payload.Length < sizeof(int))
        {
            return 0;
        }

        int error = MemoryMarshal.Read<int>(payload);
        if ((message.Flags & NlMsgFlags.AckTlvs) != 0)
        {
            extendedAck = ReadTlvs(payload[sizeof(int)..], message.Offset + NlMsgHeader.Size + sizeof(int));
        }

        return error;
    }

    private static NetlinkExtendedAck? ReadTlvs(ReadOnlySpan<byte> tlvs, int baseOffset)
    {
        string? text = null;
        uint? offset = null;
        uint? missingType = null;
        uint? missingNest = null;
        byte[]? cookie = null;
        byte[]? policy = null;
        foreach (NlAttribute attribute in new NlAttributeEnumerator(tlvs, baseOffset))
        {
            switch (attribute.Type)
            {
                case AttrMessage:
                    text = attribute.GetString();
                    break;
                case AttrOffset when attribute.TryGetU32(out uint value):
                    offset = value;
                    break;
                case AttrCookie:
                    cookie = attribute.Payload.ToArray();
                    break;
                case AttrPolicy:
                    policy = attribute.Payload.ToArray();
                    break;
                case AttrMissingType when attribute.TryGetU32(out uint value):
                    missingType = value;
                    break;
                case AttrMissingNest when attribute.TryGetU32(out uint value):
                    missingNest = value;
                    break;
            }
        }

        var ack = new NetlinkExtendedAck
        {
            Message = text,
            Offset = offset,
            Cookie = cookie,
            Policy = policy,
            MissingAttributeType = missingType,
            MissingNestOffset = missingNest,
        };
        return ack.IsEmpty ? null : ack;
    }
}
