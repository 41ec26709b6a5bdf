using Netlink.Core.Tests.Support;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Integration;

public sealed class LinkDumpIntegrationTests(TestNamespace netns) : IClassFixture<TestNamespace>
{
    [RootFact]
    public async Task Raw_getlink_dump_in_a_fresh_namespace_returns_only_lo()
    {
        await using NetlinkConnection connection = netns.OpenConnection();
        using var request = new NetlinkMessageWriter();
        int start = request.BeginMessage(Rtnl.GetLink, NlMsgFlags.Request | NlMsgFlags.Dump);
        request.Reserve(16); // struct ifinfomsg, all zero: every family
        request.EndMessage(start);
        var names = new List<string>();
        var indexes = new List<int>();

        NetlinkReplySummary summary = await connection.ExecuteAsync(request, message =>
        {
            Assert.Equal(Rtnl.NewLink, message.Type);
            Assert.True(message.TryGetFixedHeader(out Rtnl.IfInfoMsg header));
            indexes.Add(header.Index);
            foreach (NlAttribute attribute in message.GetAttributes(16))
            {
                if (attribute.Type == Rtnl.IflaIfname)
                {
                    names.Add(attribute.GetString());
                }
            }
        });

        Assert.Equal(["lo"], names);
        Assert.Equal([1], indexes);
        Assert.Equal(1, summary.MessageCount);
        Assert.False(summary.Interrupted);
    }

    [RootFact]
    public async Task Raw_socket_send_and_receive_reads_the_dump_to_done_from_the_kernel()
    {
        using NetlinkSocket socket = netns.OpenSocket();
        using var request = new NetlinkMessageWriter();
        int start = request.BeginMessage(Rtnl.GetLink, NlMsgFlags.Request | NlMsgFlags.Dump, sequence: 77, portId: socket.PortId);
        request.Reserve(16);
        request.EndMessage(start);
        socket.Send(request.WrittenSpan);

        var types = new List<ushort>();
        while (!types.Contains(NlMsgType.Done))
        {
            ReadOnlyMemory<byte> datagram = await socket.ReceiveAsync(TimeSpan.FromSeconds(5));
            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(datagram.Span))
            {
                Assert.Equal(77u, message.Header.Sequence);
                types.Add(message.Type);
            }
        }

        Assert.Equal([Rtnl.NewLink, NlMsgType.Done], types);
        Assert.NotEqual(0u, socket.PortId);
    }

    [RootFact]
    public async Task Strict_mode_connection_sets_both_socket_options_and_still_dumps()
    {
        await using NetlinkConnection connection = netns.OpenConnection(options: new NetlinkConnectionOptions { StrictChecking = true });

        Assert.True(connection.Socket!.GetOption(NetlinkSocketOption.ExtAck));
        Assert.True(connection.Socket.GetOption(NetlinkSocketOption.GetStrictChk));
        Assert.Equal("lo", Assert.Single(await Rtnl.ListLinksAsync(connection)).Name);
    }
}
