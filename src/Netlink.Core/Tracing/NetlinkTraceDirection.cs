namespace Netlink;

/// <summary>Which way a traced datagram went.</summary>
public enum NetlinkTraceDirection
{
    /// <summary>Sent by this process.</summary>
    Send,

    /// <summary>Received by this process.</summary>
    Receive,
}
