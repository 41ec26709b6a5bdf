using Netlink.Core.Tests.Fakes;
using Netlink.Core.Tests.Support;
using Netlink.Encoding;
using Netlink.Messages;
using Xunit;

namespace Netlink.Core.Tests.Engine;

public sealed class ConnectionDumpTests
{
    private static IEnumerable<byte[]> ThreeDatagramDump(uint sequence, NlMsgFlags middleFlags = NlMsgFlags.None, NlMsgFlags doneFlags = NlMsgFlags.None) =>
    [
        Replies.Datagram(Replies.Data(TestRequests.NewThing, sequence, NlMsgFlags.Multi, 1), Replies.Data(TestRequests.NewThing, sequence, NlMsgFlags.Multi, 2)),
        Replies.Datagram(Replies.Data(TestRequests.NewThing, sequence, NlMsgFlags.Multi | middleFlags, 3), Replies.Data(TestRequests.NewThing, sequence, NlMsgFlags.Multi, 4)),
        Replies.Datagram(Replies.Data(TestRequests.NewThing, sequence, NlMsgFlags.Multi, 5), Replies.Done(sequence, extraFlags: doneFlags)),
    ];

    [Fact]
    public async Task Dump_across_several_datagrams_visits_every_message_in_order_until_done()
    {
        using var kernel = new FakeKernel((header, _) => ThreeDatagramDump(header.Sequence));
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);
        var markers = new List<uint>();

        NetlinkReplySummary summary = await connection.ExecuteAsync(request, message => markers.Add(TestRequests.Marker(message)));

        Assert.Equal([1u, 2u, 3u, 4u, 5u], markers);
        Assert.Equal(5, summary.MessageCount);
        Assert.False(summary.Interrupted);
        Assert.Equal(NlMsgHeader.Read(request.WrittenSpan).Sequence, summary.Sequence);
    }

    [Fact]
    public async Task Collecting_dump_returns_owned_copies()
    {
        using var kernel = new FakeKernel((header, _) => ThreeDatagramDump(header.Sequence));
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);

        IReadOnlyList<NetlinkReply> replies = await connection.DumpAsync(request);

        Assert.Equal([1u, 2u, 3u, 4u, 5u], replies.Select(r => TestRequests.Marker(r.Message)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Dump_interrupted_flag_is_detected_on_a_middle_message_and_on_done(bool onDone)
    {
        using var kernel = new FakeKernel((header, _) => onDone
            ? ThreeDatagramDump(header.Sequence, doneFlags: NlMsgFlags.DumpInterrupted)
            : ThreeDatagramDump(header.Sequence, middleFlags: NlMsgFlags.DumpInterrupted));
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);

        NetlinkReplySummary summary = await connection.ExecuteAsync(request, null);

        Assert.True(summary.Interrupted);
        Assert.Equal(5, summary.MessageCount);
    }

    [Fact]
    public async Task Retrying_dump_runs_again_after_an_interrupted_attempt()
    {
        int attempts = 0;
        using var kernel = new FakeKernel((header, _) => ++attempts == 1
            ? ThreeDatagramDump(header.Sequence, middleFlags: NlMsgFlags.DumpInterrupted)
            : ThreeDatagramDump(header.Sequence));
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);

        IReadOnlyList<uint> markers = await connection.DumpAsync(request, (NetlinkMessage m, out uint marker) => m.TryGetFixedHeader(out marker));

        Assert.Equal(2, attempts);
        Assert.Equal([1u, 2u, 3u, 4u, 5u], markers);
    }

    [Fact]
    public async Task Dump_interrupted_on_every_attempt_throws_typed_error_with_partial_result()
    {
        int attempts = 0;
        using var kernel = new FakeKernel((header, _) =>
        {
            attempts++;
            return ThreeDatagramDump(header.Sequence, doneFlags: NlMsgFlags.DumpInterrupted);
        });
        await using var connection = new NetlinkConnection(kernel, new NetlinkConnectionOptions { DumpAttempts = 2, Describer = new FakeRouteNames() });
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);

        var error = await Assert.ThrowsAsync<NetlinkDumpInterruptedException<uint>>(
            () => connection.DumpAsync(request, (NetlinkMessage m, out uint marker) => m.TryGetFixedHeader(out marker)));

        Assert.Equal(2, attempts);
        Assert.Equal(2, error.Attempts);
        Assert.Equal([1u, 2u, 3u, 4u, 5u], error.PartialResult);
        Assert.Contains("RTM_GETLINK", error.Message);
    }

    [Fact]
    public async Task Single_reply_without_ack_ends_the_request_and_with_ack_waits_for_it()
    {
        using var kernel = new FakeKernel((header, bytes) => header.Flags.HasFlag(NlMsgFlags.Ack)
            ? [Replies.Data(TestRequests.NewThing, header.Sequence, NlMsgFlags.None, 9), Replies.Ack(header, bytes)]
            : [Replies.Data(TestRequests.NewThing, header.Sequence, NlMsgFlags.None, 8)]);
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter plain = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request);
        using NetlinkMessageWriter acked = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Ack);

        IReadOnlyList<NetlinkReply> one = await connection.QueryAsync(plain);
        NetlinkReplySummary withAck = await connection.ExecuteAsync(acked, null);

        Assert.Equal(8u, TestRequests.Marker(Assert.Single(one).Message));
        Assert.True(withAck.Acknowledged);
        Assert.Equal(1, withAck.MessageCount);
        Assert.Equal(0, connection.UnmatchedMessages);
    }

    [Fact]
    public async Task Dump_whose_data_lacks_the_multi_flag_still_runs_to_done()
    {
        // Generic netlink families such as netdev send dump data with flags 0: only NLMSG_DONE ends it.
        using var kernel = new FakeKernel((header, _) =>
        [
            Replies.Datagram(Replies.Data(TestRequests.NewThing, header.Sequence, NlMsgFlags.None, 1)),
            Replies.Datagram(Replies.Data(TestRequests.NewThing, header.Sequence, NlMsgFlags.None, 2), Replies.Data(TestRequests.NewThing, header.Sequence, NlMsgFlags.None, 3)),
            Replies.Datagram(Replies.Done(header.Sequence)),
        ]);
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);

        IReadOnlyList<NetlinkReply> replies = await connection.DumpAsync(request);
        NetlinkReplySummary again = await connection.ExecuteAsync(request, null);

        Assert.Equal([1u, 2u, 3u], replies.Select(r => TestRequests.Marker(r.Message)));
        Assert.Equal(3, again.MessageCount);
        Assert.Equal(0, connection.UnmatchedMessages);
    }

    [Fact]
    public async Task Visitor_exception_fails_only_its_request()
    {
        using var kernel = new FakeKernel((header, _) => ThreeDatagramDump(header.Sequence));
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);

        await Assert.ThrowsAsync<FormatException>(() => connection.ExecuteAsync(request, _ => throw new FormatException("bad")));
        NetlinkReplySummary again = await connection.ExecuteAsync(request, null);

        Assert.Equal(5, again.MessageCount);
    }
}
