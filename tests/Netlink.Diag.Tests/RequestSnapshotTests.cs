using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Netlink.Diag.Generated;
using Netlink.Encoding;
using Snapshooter.Xunit;

namespace Netlink.Diag.Tests;

/// <summary>The exact request bytes, rendered by the generated describers, against committed snapshots.</summary>
public sealed class RequestSnapshotTests
{
    [Fact]
    public void Inet_tcp_v4_all_states() =>
        Snapshot.Match(Inet(InetAddress.Inet, new SocketQuery { Protocol = SocketProtocol.Tcp, States = SocketStates.All }));

    [Fact]
    public void Inet_tcp_v6_listen() =>
        Snapshot.Match(Inet(InetAddress.Inet6, new SocketQuery { Protocol = SocketProtocol.Tcp, States = SocketStates.Listen }));

    [Fact]
    public void Inet_udp_v4_connected_and_unconnected() =>
        Snapshot.Match(Inet(InetAddress.Inet, new SocketQuery { Protocol = SocketProtocol.Udp, States = SocketStates.Established | SocketStates.Close }));

    [Fact]
    public void Inet_raw_v6_all_states() =>
        Snapshot.Match(Inet(InetAddress.Inet6, new SocketQuery { Protocol = SocketProtocol.Raw, States = SocketStates.All }));

    [Fact]
    public void Inet_tcp_v4_with_extensions() =>
        Snapshot.Match(Inet(InetAddress.Inet, new SocketQuery
        {
            States = SocketStates.Connected,
            Extensions = SocketExtensions.TcpInfo | SocketExtensions.Congestion | SocketExtensions.SocketMemory | SocketExtensions.MemoryInfo,
        }));

    [Fact]
    public void Inet_tcp_v4_with_bytecode_filter() =>
        Snapshot.Match(Inet(InetAddress.Inet, new SocketQuery
        {
            States = SocketStates.All,
            Filter = (InetSocketFilter.SourcePort(22) | InetSocketFilter.DestinationPortAtLeast(1024))
                & InetSocketFilter.Source(IPNetwork.Parse("10.0.0.0/8"))
                & !InetSocketFilter.Destination(IPNetwork.Parse("::1/128"), 80),
        }));

    [Fact]
    public void Unix_all_states_with_show_flags() =>
        Snapshot.Match(Render(w => UnixDiagRequest.WriteDump(w, new UnixSocketQuery { IncludeMemory = true }), SockDiag.Describe));

    [Fact]
    public void Unix_listening() =>
        Snapshot.Match(Render(w => UnixDiagRequest.WriteDump(w, new UnixSocketQuery { States = SocketStates.Listen }), SockDiag.Describe));

    [Fact]
    public void CnProc_listen() =>
        Snapshot.Match(Render(w => CnProcRequest.WriteListen(w, CnProc.ProcCnMcastOp.Listen, sequence: 7, portId: 4242), CnProc.Describe));

    [Fact]
    public void CnProc_ignore() =>
        Snapshot.Match(Render(w => CnProcRequest.WriteListen(w, CnProc.ProcCnMcastOp.Ignore, sequence: 8, portId: 4242), CnProc.Describe));

    private static string Inet(byte family, SocketQuery query) =>
        Render(w => InetDiagRequest.WriteDump(w, family, query), SockDiag.Describe);

    private delegate void Describer(ReadOnlySpan<byte> messages, TextWriter output);

    private static string Render(Action<NetlinkMessageWriter> build, Describer describe)
    {
        using var writer = new NetlinkMessageWriter();
        build(writer);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        describe(writer.WrittenSpan, text);
        // The raw bytes too, so the snapshot pins every byte even where a describer is coarse.
        text.WriteLine("bytes: " + Convert.ToHexString(writer.WrittenSpan).ToLowerInvariant());
        return text.ToString();
    }
}
