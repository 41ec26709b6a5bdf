namespace Netlink;

/// <summary>
/// One received datagram and who sent it. <see cref="Data"/> points into the socket's receive
/// buffer and stays valid only until the next receive on that socket.
/// </summary>
public readonly struct NetlinkDatagram
{
    /// <summary>Creates a datagram view.</summary>
    public NetlinkDatagram(ReadOnlyMemory<byte> data, uint senderPortId, uint senderGroups)
    {
        Data = data;
        SenderPortId = senderPortId;
        SenderGroups = senderGroups;
    }

    /// <summary>The bytes: one or more netlink messages.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>nl_pid of the source address; 0 is the kernel.</summary>
    public uint SenderPortId { get; }

    /// <summary>nl_groups of the source address (the multicast group bit for notifications).</summary>
    public uint SenderGroups { get; }

    /// <summary>True if the kernel sent it (source nl_pid is 0).</summary>
    public bool IsFromKernel => SenderPortId == 0;
}
