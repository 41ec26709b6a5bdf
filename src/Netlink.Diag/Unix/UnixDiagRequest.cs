using Netlink.Diag.Generated;
using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink.Diag;

/// <summary>Builds unix_diag dump requests into a writer (separate from sending, for snapshot tests).</summary>
internal static class UnixDiagRequest
{
    /// <summary>Appends one SOCK_DIAG_BY_FAMILY dump request with a unix_diag_req header.</summary>
    public static void WriteDump(NetlinkMessageWriter writer, UnixSocketQuery query)
    {
        var header = new SockDiag.UnixDiagReq
        {
            SdiagFamily = UnixSocketEntry.AfUnix,
            UdiagStates = (uint)query.States,
            UdiagShow = query.ShowFlags,
        };
        SockDiag.BeginUnixDiagDumpRequest(writer, in header, NlMsgFlags.Request | NlMsgFlags.Dump).End();
    }
}
