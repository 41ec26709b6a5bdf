using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Netlink.Messages;

/// <summary>
/// The 16-byte <c>struct nlmsghdr</c> that starts every netlink message, in host byte order.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = Size)]
public struct NlMsgHeader
{
    /// <summary>Size of the header on the wire (NLMSG_HDRLEN).</summary>
    public const int Size = 16;

    /// <summary>Length of the whole message including this header (nlmsg_len).</summary>
    public uint Length;

    /// <summary>Message type (nlmsg_type): a control type or a family-specific one.</summary>
    public ushort Type;

    /// <summary>Flags (nlmsg_flags).</summary>
    public NlMsgFlags Flags;

    /// <summary>Sequence number chosen by the requester (nlmsg_seq).</summary>
    public uint Sequence;

    /// <summary>Port id of the sender (nlmsg_pid); set by the sender, proves nothing.</summary>
    public uint PortId;

    /// <summary>Reads a header from the start of <paramref name="source"/>.</summary>
    /// <exception cref="NetlinkDecodeException">Fewer than 16 bytes are available.</exception>
    public static NlMsgHeader Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size)
        {
            throw new NetlinkDecodeException($"netlink header needs {Size} bytes, {source.Length} available", 0);
        }

        return MemoryMarshal.Read<NlMsgHeader>(source);
    }

    /// <summary>Writes this header to the start of <paramref name="destination"/>.</summary>
    public readonly void Write(Span<byte> destination) => MemoryMarshal.Write(destination, in this);

    /// <summary>Patches only the length field of a header already written at <paramref name="message"/>.</summary>
    internal static void WriteLength(Span<byte> message, uint length) =>
        BinaryPrimitives.WriteUInt32LittleEndian(message, BitConverter.IsLittleEndian ? length : BinaryPrimitives.ReverseEndianness(length));

    /// <inheritdoc/>
    public override readonly string ToString() =>
        $"len={Length} type={Type} flags={Flags} seq={Sequence} pid={PortId}";
}
