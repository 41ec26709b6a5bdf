using Netlink.Diag.Generated;
using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink.Diag;

/// <summary>Builds proc connector subscription messages (separate from sending, for snapshot tests).</summary>
internal static class CnProcRequest
{
    /// <summary>
    /// Appends an nlmsghdr (type NLMSG_DONE, no flags: the connector ignores them) carrying
    /// cn_msg {idx CN_IDX_PROC, val CN_VAL_PROC, seq, ack, len 4} and the mcast op. The kernel
    /// answers with a what = none event whose cn_msg ack is <paramref name="sequence"/> + 1 (it
    /// overwrites seq with its own per-CPU counter), so the ack field carries the number to match.
    /// </summary>
    public static void WriteListen(NetlinkMessageWriter writer, CnProc.ProcCnMcastOp op, uint sequence, uint portId)
    {
        var message = new CnProc.ProcListenMsg
        {
            Cn = new CnProc.CnMsg
            {
                Id = new CnProc.CbId { Idx = (uint)CnProc.Constants.CnIdxProc, Val = (uint)CnProc.Constants.CnValProc },
                Seq = sequence,
                Ack = sequence,
                Len = sizeof(uint),
            },
            McastOp = (uint)op,
        };
        int start = writer.BeginMessage(CnProc.Messages.ListenRequest, NlMsgFlags.None, sequence, portId);
        writer.WriteStruct(in message);
        writer.EndMessage(start);
    }
}
