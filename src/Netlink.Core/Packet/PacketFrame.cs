using System.Net.NetworkInformation;

namespace Netlink.Packet;

/// <summary>
/// One whole received frame, in memory it owns (<see cref="PacketSocket.ReceiveFrameAsync(CancellationToken)"/>
/// sizes it to the frame, so it is never truncated).
/// </summary>
public sealed class PacketFrame
{
    private readonly int _linkHeaderLength;

    internal PacketFrame(byte[] data, int linkHeaderLength, PhysicalAddress source, PacketType packetType, ushort etherType, int interfaceIndex)
    {
        Data = data;
        _linkHeaderLength = data.Length >= linkHeaderLength ? linkHeaderLength : 0;
        Source = source;
        PacketType = packetType;
        EtherType = etherType;
        InterfaceIndex = interfaceIndex;
    }

    /// <summary>The bytes as the socket delivered them: the whole frame in raw mode, the payload in datagram mode.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The bytes after the link-layer header (for raw Ethernet frames: after the 14-byte header; otherwise <see cref="Data"/>).</summary>
    public ReadOnlyMemory<byte> Payload => Data[_linkHeaderLength..];

    /// <summary>The destination hardware address from the Ethernet header, or null if the frame carries no Ethernet header (datagram mode, non-Ethernet links).</summary>
    public PhysicalAddress? Destination => _linkHeaderLength >= 6 ? new PhysicalAddress(Data.Span[..6].ToArray()) : null;

    /// <summary>The sender's hardware address (<c>sll_addr</c>).</summary>
    public PhysicalAddress Source { get; }

    /// <summary>Who the frame was addressed to.</summary>
    public PacketType PacketType { get; }

    /// <summary>The frame's EtherType in host byte order.</summary>
    public ushort EtherType { get; }

    /// <summary>The index of the interface the frame arrived on.</summary>
    public int InterfaceIndex { get; }

    /// <summary>The frame's length in bytes.</summary>
    public int Length => Data.Length;
}
