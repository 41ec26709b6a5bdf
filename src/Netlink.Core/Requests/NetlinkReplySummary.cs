namespace Netlink;

/// <summary>How a request ended (when it did not fail).</summary>
public readonly struct NetlinkReplySummary
{
    /// <summary>Creates a summary.</summary>
    public NetlinkReplySummary(uint sequence, int messageCount, bool interrupted, bool acknowledged)
    {
        Sequence = sequence;
        MessageCount = messageCount;
        Interrupted = interrupted;
        Acknowledged = acknowledged;
    }

    /// <summary>The sequence number the request was sent with.</summary>
    public uint Sequence { get; }

    /// <summary>Data messages delivered (NLMSG_DONE and ACKs not counted).</summary>
    public int MessageCount { get; }

    /// <summary>
    /// NLM_F_DUMP_INTR was set on some message (NLMSG_DONE included): the table changed during the
    /// dump and the result may be inconsistent. Re-run the dump for a consistent view.
    /// </summary>
    public bool Interrupted { get; }

    /// <summary>The request ended with an ACK (NLMSG_ERROR with error 0).</summary>
    public bool Acknowledged { get; }
}
