namespace Netlink;

/// <summary>Boolean netlink socket options (level SOL_NETLINK = 270).</summary>
public enum NetlinkSocketOption
{
    /// <summary>Deliver the destination group in a control message (NETLINK_PKTINFO).</summary>
    PacketInfo = 3,

    /// <summary>Report broadcast delivery failures to the sender (NETLINK_BROADCAST_ERROR).</summary>
    BroadcastError = 4,

    /// <summary>Do not report ENOBUFS on overrun; messages are still lost (NETLINK_NO_ENOBUFS).</summary>
    NoEnobufs = 5,

    /// <summary>Receive notifications from every peer namespace with an id (NETLINK_LISTEN_ALL_NSID).</summary>
    ListenAllNsid = 8,

    /// <summary>Do not echo the request payload in errors (NETLINK_CAP_ACK).</summary>
    CapAck = 10,

    /// <summary>Extended ACK: error text, offset and more in NLMSG_ERROR/NLMSG_DONE (NETLINK_EXT_ACK).</summary>
    ExtAck = 11,

    /// <summary>Strict checking of dump requests, enabling kernel-side filters (NETLINK_GET_STRICT_CHK).</summary>
    GetStrictChk = 12,
}
