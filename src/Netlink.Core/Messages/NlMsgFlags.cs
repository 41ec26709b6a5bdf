namespace Netlink.Messages;

/// <summary>
/// Netlink message header flags (<c>NLM_F_*</c>). Values above 0x80 mean different things for
/// GET requests (Root/Match/Atomic), NEW requests (Replace/Excl/Create/Append), DELETE requests
/// (NonRecursive/Bulk) and ACK messages (Capped/AckTlvs), so several names share a value.
/// </summary>
[Flags]
public enum NlMsgFlags : ushort
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>It is a request message (NLM_F_REQUEST).</summary>
    Request = 0x01,

    /// <summary>Part of a multi-part message terminated by NLMSG_DONE (NLM_F_MULTI).</summary>
    Multi = 0x02,

    /// <summary>Ask for an acknowledgement on success (NLM_F_ACK).</summary>
    Ack = 0x04,

    /// <summary>Echo this request to the sender (NLM_F_ECHO).</summary>
    Echo = 0x08,

    /// <summary>The dump was inconsistent because the data changed while dumping (NLM_F_DUMP_INTR).</summary>
    DumpInterrupted = 0x10,

    /// <summary>The dump was filtered as requested (NLM_F_DUMP_FILTERED).</summary>
    DumpFiltered = 0x20,

    /// <summary>GET: return the complete table instead of a single entry (NLM_F_ROOT).</summary>
    Root = 0x100,

    /// <summary>GET: return all entries matching the criteria (NLM_F_MATCH).</summary>
    Match = 0x200,

    /// <summary>GET: return an atomic snapshot of the table (NLM_F_ATOMIC).</summary>
    Atomic = 0x400,

    /// <summary>GET: Root | Match (NLM_F_DUMP).</summary>
    Dump = Root | Match,

    /// <summary>NEW: replace an existing matching object (NLM_F_REPLACE).</summary>
    Replace = 0x100,

    /// <summary>NEW: do not touch an object if it already exists (NLM_F_EXCL).</summary>
    Excl = 0x200,

    /// <summary>NEW: create the object if it does not exist (NLM_F_CREATE).</summary>
    Create = 0x400,

    /// <summary>NEW: add to the end of the object list (NLM_F_APPEND).</summary>
    Append = 0x800,

    /// <summary>DELETE: do not delete recursively (NLM_F_NONREC).</summary>
    NonRecursive = 0x100,

    /// <summary>DELETE: delete multiple objects (NLM_F_BULK).</summary>
    Bulk = 0x200,

    /// <summary>ACK: the request was capped, no payload echoed (NLM_F_CAPPED).</summary>
    Capped = 0x100,

    /// <summary>ACK: extended ACK TLVs follow (NLM_F_ACK_TLVS).</summary>
    AckTlvs = 0x200,
}
