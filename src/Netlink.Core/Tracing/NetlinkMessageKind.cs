namespace Netlink;

/// <summary>
/// What a message is, as far as the meaning of its NLM_F_* bits above 0xff goes: the kernel gives
/// 0x100..0x800 different names in GET requests, NEW requests, DELETE requests and error/ACK
/// messages (include/uapi/linux/netlink.h).
/// </summary>
public enum NetlinkMessageKind
{
    /// <summary>A reply or notification (NLM_F_REQUEST clear, not NLMSG_ERROR).</summary>
    Reply,

    /// <summary>An NLMSG_ERROR message: an error or an ACK (capped, ack-tlvs).</summary>
    Error,

    /// <summary>A GET request (root, match, atomic; dump = root|match).</summary>
    GetRequest,

    /// <summary>A NEW or SET request (replace, excl, create, append).</summary>
    NewRequest,

    /// <summary>A DELETE request (nonrec, bulk).</summary>
    DeleteRequest,

    /// <summary>A request of unknown kind: the bits above 0xff are printed in hex.</summary>
    Request,
}
