using Netlink.Diag.Generated;
using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink.Diag;

/// <summary>Builds inet_diag dump requests into a writer (separate from sending, for snapshot tests).</summary>
internal static class InetDiagRequest
{
    /// <summary>Appends one SOCK_DIAG_BY_FAMILY dump request (inet_diag_req_v2 + optional bytecode) for one family.</summary>
    public static void WriteDump(NetlinkMessageWriter writer, byte linuxFamily, SocketQuery query)
    {
        var header = new SockDiag.InetDiagReqV2
        {
            SdiagFamily = linuxFamily,
            SdiagProtocol = (byte)query.Protocol,
            IdiagExt = (byte)query.Extensions,
            // sdiag_raw_protocol for raw sockets: IPPROTO_RAW matches raw sockets of every protocol.
            Pad = query.Protocol == SocketProtocol.Raw ? (byte)SocketProtocol.Raw : (byte)0,
            IdiagStates = (uint)query.States,
        };
        SockDiag.InetDiagReqAttrsWriter request = SockDiag.BeginInetDiagDumpRequest(writer, in header, NlMsgFlags.Request | NlMsgFlags.Dump);
        if (query.Filter is { } filter)
        {
            request.WriteBytecode(filter.Compile());
        }

        request.End();
    }
}
