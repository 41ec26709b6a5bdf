using System.Runtime.CompilerServices;
using Netlink.Encoding;
using Netlink.Messages;
using Xunit;

namespace Netlink.Core.Tests.Engine;

public sealed class ErrorAndTraceFormattingTests
{
    [Theory]
    [InlineData(17, "EEXIST", "File exists")]
    [InlineData(19, "ENODEV", "No such device")]
    [InlineData(95, "EOPNOTSUPP", "Operation not supported")]
    [InlineData(105, "ENOBUFS", "No buffer space available")]
    [InlineData(9999, "errno 9999", "Unknown error 9999")]
    public void Errno_names_and_descriptions(int errno, string name, string description)
    {
        Assert.Equal(name, Errno.GetName(errno));
        Assert.Equal(description, Errno.GetDescription(errno));
    }

    [Fact]
    public void Request_error_message_uses_the_pluggable_type_names()
    {
        var ack = new NetlinkExtendedAck { Message = "Unknown device type" };

        NetlinkException named = NetlinkException.ForRequest(95, 16, 3, ack, new FakeRouteNames());
        NetlinkException numbered = NetlinkException.ForRequest(95, 16, 3, ack);

        Assert.Equal("RTM_NEWLINK (type 16, seq 3) failed: EOPNOTSUPP (95) Operation not supported: Unknown device type", named.Message);
        Assert.Equal("message type 16 (seq 3) failed: EOPNOTSUPP (95) Operation not supported: Unknown device type", numbered.Message);
        Assert.IsType<NetlinkOverrunException>(NetlinkException.ForRequest(105, 16, 3, null));
    }

    [Fact]
    public void Trace_format_shows_header_fields_names_and_hex()
    {
        using var writer = new NetlinkMessageWriter();
        int start = writer.BeginMessage(18, NlMsgFlags.Request | NlMsgFlags.Dump, sequence: 9, portId: 77);
        writer.WriteU32(3, 0xdeadbeef);
        writer.EndMessage(start);

        string text = NetlinkTrace.Format(NetlinkTraceDirection.Send, NetlinkProtocol.Route, 77, 0, writer.WrittenSpan, new FakeRouteNames());

        Assert.Contains("netlink Route port 77 send to 0: 24 bytes", text);
        Assert.Contains("len=24 type=18 (RTM_GETLINK) flags=0x301 seq=9 pid=77", text);
        Assert.Contains("described RTM_GETLINK", text);
        Assert.Contains("0000: 08000300efbeadde", text);
    }

    [Fact]
    public void Trace_handler_sees_sent_datagrams()
    {
        var seen = new List<int>();
        NetlinkTrace.Handler = (direction, protocol, port, peer, datagram) =>
        {
            if (direction == NetlinkTraceDirection.Send && protocol == NetlinkProtocol.SockDiag)
            {
                seen.Add(datagram.Length);
            }
        };
        try
        {
            using NetlinkSocket socket = NetlinkSocket.Open(NetlinkProtocol.SockDiag);
            using var writer = new NetlinkMessageWriter();
            writer.EndMessage(writer.BeginMessage(NlMsgType.Noop, NlMsgFlags.Request));
            socket.Send(writer.WrittenSpan);
        }
        finally
        {
            NetlinkTrace.Handler = null;
        }

        Assert.Equal([16], seen);
    }

    [Fact]
    public void Bpf_instruction_has_the_kernel_layout()
    {
        Assert.Equal(8, Unsafe.SizeOf<BpfInstruction>());
        Assert.Equal(BpfInstruction.Jump(0x15, 4, 1, 0), new BpfInstruction(0x15, 1, 0, 4));
    }

    [Fact]
    public void Socket_options_validate_their_arguments()
    {
        using NetlinkSocket socket = NetlinkSocket.Open(NetlinkProtocol.Route);

        Assert.Equal("option", Assert.Throws<ArgumentOutOfRangeException>(() => socket.SetOption((NetlinkSocketOption)99, true)).ParamName);
        Assert.Equal("group", Assert.Throws<ArgumentOutOfRangeException>(() => socket.JoinGroup(0)).ParamName);
        Assert.Equal("datagram", Assert.Throws<ArgumentException>(() => socket.Send([])).ParamName);
        Assert.Equal("program", Assert.Throws<BpfProgramException>(() => socket.AttachFilter([])).ParamName);
        Assert.Equal("protocol", Assert.Throws<ArgumentOutOfRangeException>(() => NetlinkSocket.Open((NetlinkProtocol)32)).ParamName);

        socket.SetOption(NetlinkSocketOption.CapAck, true);
        Assert.True(socket.GetOption(NetlinkSocketOption.CapAck));
        socket.SetReceiveBufferSize(65536);
        Assert.Equal(131072, socket.ReceiveBufferSize);
    }
}
