using System.Net.NetworkInformation;

namespace Netlink.Packet;

/// <summary>
/// What <see cref="PacketSocket.ReceiveAsync(Memory{byte}, CancellationToken)"/> wrote into the
/// caller's buffer, and where the frame came from. Truncation is never silent: <see cref="Length"/>
/// is the frame's real length and <see cref="Truncated"/> says when the buffer was too small.
/// </summary>
public readonly struct PacketReceiveResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="length">The frame's real length in bytes.</param>
    /// <param name="bytesReceived">How many bytes were copied into the buffer.</param>
    /// <param name="source">The sender's hardware address.</param>
    /// <param name="packetType">Who the frame was addressed to.</param>
    /// <param name="etherType">The frame's EtherType (host byte order).</param>
    /// <param name="interfaceIndex">The interface it arrived on.</param>
    public PacketReceiveResult(int length, int bytesReceived, PhysicalAddress source, PacketType packetType, ushort etherType, int interfaceIndex)
    {
        Length = length;
        BytesReceived = bytesReceived;
        Source = source;
        PacketType = packetType;
        EtherType = etherType;
        InterfaceIndex = interfaceIndex;
    }

    /// <summary>The frame's real length (whole frame in raw mode, payload in datagram mode).</summary>
    public int Length { get; }

    /// <summary>Bytes copied into the caller's buffer: <see cref="Length"/>, or the buffer size when <see cref="Truncated"/>.</summary>
    public int BytesReceived { get; }

    /// <summary>True if the buffer was smaller than the frame and the rest was discarded.</summary>
    public bool Truncated => BytesReceived < Length;

    /// <summary>The sender's hardware address (<c>sll_addr</c>).</summary>
    public PhysicalAddress Source { get; }

    /// <summary>Who the frame was addressed to (<c>sll_pkttype</c>).</summary>
    public PacketType PacketType { get; }

    /// <summary>The frame's EtherType in host byte order (<c>sll_protocol</c>).</summary>
    public ushort EtherType { get; }

    /// <summary>The index of the interface the frame arrived on (<c>sll_ifindex</c>).</summary>
    public int InterfaceIndex { get; }
}
