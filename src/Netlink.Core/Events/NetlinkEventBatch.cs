namespace Netlink;

/// <summary>What one <see cref="NetlinkEventSubscription.ReceiveAsync"/> call delivered.</summary>
public readonly struct NetlinkEventBatch
{
    /// <summary>Creates a result.</summary>
    public NetlinkEventBatch(int messageCount, bool overrun)
    {
        MessageCount = messageCount;
        IsOverrun = overrun;
    }

    /// <summary>Messages handed to the visitor.</summary>
    public int MessageCount { get; }

    /// <summary>True if the kernel reported ENOBUFS instead of a datagram: events were lost.</summary>
    public bool IsOverrun { get; }
}
