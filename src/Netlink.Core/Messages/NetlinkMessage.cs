using System.Runtime.InteropServices;
using Netlink.Encoding;

namespace Netlink.Messages;

/// <summary>One netlink message seen through a span of a receive buffer.</summary>
public readonly ref struct NetlinkMessage
{
    /// <summary>Creates a view of one message.</summary>
    public NetlinkMessage(NlMsgHeader header, ReadOnlySpan<byte> bytes, int offset)
    {
        Header = header;
        Bytes = bytes;
        Offset = offset;
    }

    /// <summary>The message header.</summary>
    public NlMsgHeader Header { get; }

    /// <summary>The whole message, header included (nlmsg_len bytes).</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>Everything after the 16-byte header.</summary>
    public ReadOnlySpan<byte> Payload => Bytes[NlMsgHeader.Size..];

    /// <summary>Offset of the message within the datagram it came from.</summary>
    public int Offset { get; }

    /// <summary>The message type.</summary>
    public ushort Type => Header.Type;

    /// <summary>The message flags.</summary>
    public NlMsgFlags Flags => Header.Flags;

    /// <summary>Reads a fixed family header (ifinfomsg, rtmsg, …) from the start of the payload.</summary>
    /// <returns>False if the payload is shorter than <typeparamref name="T"/>.</returns>
    public bool TryGetFixedHeader<T>(out T header)
        where T : unmanaged
    {
        if (MemoryMarshal.TryRead(Payload, out header))
        {
            return true;
        }

        header = default;
        return false;
    }

    /// <summary>
    /// Enumerates the attributes that follow a fixed header of <paramref name="fixedHeaderSize"/> bytes
    /// (aligned to 4). Positions reported by the enumerator are relative to the message start.
    /// </summary>
    public NlAttributeEnumerator GetAttributes(int fixedHeaderSize)
    {
        int start = NlMsgHeader.Size + NlAlign.Align(fixedHeaderSize);
        return start >= Bytes.Length
            ? new NlAttributeEnumerator(ReadOnlySpan<byte>.Empty, Bytes.Length)
            : new NlAttributeEnumerator(Bytes[start..], start);
    }
}
