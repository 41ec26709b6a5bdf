using System.Diagnostics;
using Netlink.Core.Tests.Support;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Integration;

public sealed class ForeignSenderIntegrationTests(TestNamespace netns) : IClassFixture<TestNamespace>
{
    [RootFact]
    public async Task Datagram_from_another_user_space_socket_is_dropped_by_receive()
    {
        using NetlinkSocket victim = netns.OpenSocket();
        using NetlinkSocket attacker = netns.OpenSocket();
        using var request = new NetlinkMessageWriter();

        // A forged "reply" (an NLMSG_DONE) sent straight to the victim's port id.
        int forged = request.BeginMessage(NlMsgType.Done, NlMsgFlags.Multi, sequence: 5, portId: 0);
        request.WriteS32(0, 0);
        request.EndMessage(forged);
        attacker.SendTo(request.WrittenSpan, victim.PortId);

        request.Clear();
        Rtnl.AppendGetLink(request, 1, ack: false);
        request.SetSequence(0, 5, victim.PortId);
        victim.Send(request.WrittenSpan);

        ReadOnlyMemory<byte> reply = await victim.ReceiveAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(Rtnl.NewLink, NlMsgHeader.Read(reply.Span).Type);
        Assert.Equal(1, victim.ForeignDatagramsDropped);
    }

    [RootFact]
    public async Task ReceiveFrom_reports_the_real_source_port()
    {
        using NetlinkSocket receiver = netns.OpenSocket();
        using NetlinkSocket sender = netns.OpenSocket();
        using var message = new NetlinkMessageWriter();
        message.EndMessage(message.BeginMessage(NlMsgType.Noop, NlMsgFlags.None));

        sender.SendTo(message.WrittenSpan, receiver.PortId);
        NetlinkDatagram datagram = await receiver.ReceiveFromAsync(new CancellationTokenSource(5000).Token);

        Assert.Equal(sender.PortId, datagram.SenderPortId);
        Assert.False(datagram.IsFromKernel);
    }

    [RootFact]
    public async Task Connection_drops_a_forged_reply_to_the_next_request_without_parsing_it()
    {
        await using NetlinkConnection connection = netns.OpenConnection();
        using NetlinkSocket attacker = netns.OpenSocket();
        using var request = new NetlinkMessageWriter();
        Rtnl.AppendGetLink(request, 1, ack: true);
        uint last = (await connection.ExecuteAsync(request, null)).Sequence;

        // A forged EPERM for the sequence number the next request will get, queued before it.
        using var forged = new NetlinkMessageWriter();
        int start = forged.BeginMessage(NlMsgType.Error, NlMsgFlags.None, sequence: last + 1, portId: connection.PortId);
        forged.WriteS32(0, -1);
        forged.EndMessage(start);
        attacker.SendTo(forged.WrittenSpan, connection.PortId);

        NetlinkReplySummary next = await connection.ExecuteAsync(request, null);

        Assert.Equal(last + 1, next.Sequence);
        Assert.True(next.Acknowledged);
        Assert.Equal(1, connection.ForeignDatagramsDropped);
        Assert.Equal(0, connection.UnmatchedMessages); // dropped before any message was looked at
        Assert.Equal("lo", Assert.Single(await Rtnl.ListLinksAsync(connection)).Name);
    }
}
