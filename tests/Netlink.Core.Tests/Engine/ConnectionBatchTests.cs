using Netlink.Core.Tests.Fakes;
using Netlink.Core.Tests.Support;
using Netlink.Encoding;
using Netlink.Messages;
using Xunit;

namespace Netlink.Core.Tests.Engine;

public sealed class ConnectionBatchTests
{
    [Fact]
    public async Task Batch_goes_out_in_one_datagram_and_one_failure_keeps_the_others_results()
    {
        using var kernel = new FakeKernel((header, bytes) => BitConverter.ToUInt32(bytes, 16) switch
        {
            // Like the kernel: errors always, ACKs only when asked for, data for the GET.
            2 => [Replies.Error(header.Sequence, -17, bytes)],
            3 => [Replies.Data(TestRequests.NewThing, header.Sequence, NlMsgFlags.None, 33)],
            _ => (header.Flags & NlMsgFlags.Ack) != 0 ? [Replies.Ack(header, bytes)] : [],
        });
        await using var connection = new NetlinkConnection(kernel);
        using var batch = new NetlinkMessageWriter();
        TestRequests.Append(batch, TestRequests.NewThing, NlMsgFlags.Request | NlMsgFlags.Ack, 1);
        TestRequests.Append(batch, TestRequests.NewThing, NlMsgFlags.Request, 2);
        TestRequests.Append(batch, TestRequests.GetThing, NlMsgFlags.Request, 3);

        IReadOnlyList<NetlinkBatchResult> results = await connection.ExecuteBatchAsync(batch);

        Assert.Single(kernel.SentDatagrams);
        Assert.Equal(3, results.Count);
        Assert.True(results[0].Succeeded);
        Assert.Equal(17, Assert.IsType<NetlinkException>(results[1].Error).Errno);
        Assert.Throws<NetlinkException>(results[1].ThrowIfFailed);
        Assert.True(results[2].Succeeded);
        Assert.Equal(33u, TestRequests.Marker(Assert.Single(results[2].Replies).Message));
        Assert.Equal(3, results.Select(r => r.Sequence).Distinct().Count());

        // The datagram: the three requests as written, then the acknowledged NLMSG_NOOP barrier.
        var sent = new List<NlMsgHeader>();
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(kernel.SentDatagrams[0]))
        {
            sent.Add(message.Header);
        }

        Assert.Equal([TestRequests.NewThing, TestRequests.NewThing, TestRequests.GetThing, NlMsgType.Noop], sent.Select(h => h.Type));
        Assert.Equal(NlMsgFlags.Request | NlMsgFlags.Ack, sent[0].Flags);
        Assert.Equal(NlMsgFlags.Request, sent[1].Flags);
        Assert.Equal(NlMsgFlags.Request | NlMsgFlags.Ack, sent[3].Flags);
    }

    [Fact]
    public async Task A_request_without_ACK_succeeds_at_the_barrier_and_large_batches_go_in_windows()
    {
        using var kernel = new FakeKernel((header, bytes) => []);
        await using var connection = new NetlinkConnection(kernel, new NetlinkConnectionOptions { BatchWindow = 10 });
        using var batch = new NetlinkMessageWriter();
        for (uint i = 0; i < 25; i++)
        {
            TestRequests.Append(batch, TestRequests.NewThing, NlMsgFlags.Request, i);
        }

        IReadOnlyList<NetlinkBatchResult> results = await connection.ExecuteBatchAsync(batch);

        Assert.Equal(25, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(3, kernel.SentDatagrams.Count); // 10 + 10 + 5, each with its barrier
        Assert.Equal(0, connection.UnmatchedMessages);
    }

    [Fact]
    public async Task A_barrier_that_times_out_fails_the_unanswered_requests_of_its_window()
    {
        using var kernel = new FakeKernel((header, bytes) => []);
        await using var connection = new NetlinkConnection(new SilentBarriers(kernel), new NetlinkConnectionOptions { Timeout = TimeSpan.FromMilliseconds(100) });
        using var batch = new NetlinkMessageWriter();
        TestRequests.Append(batch, TestRequests.NewThing, NlMsgFlags.Request, 1);

        NetlinkBatchResult result = Assert.Single(await connection.ExecuteBatchAsync(batch));

        Assert.IsType<TimeoutException>(result.Error);
    }

    /// <summary>A kernel that drops barrier requests (a family that does not acknowledge NLMSG_NOOP).</summary>
    private sealed class SilentBarriers(FakeKernel inner) : INetlinkTransport
    {
        public uint PortId => inner.PortId;

        public void Send(ReadOnlySpan<byte> datagram)
        {
            using var kept = new NetlinkMessageWriter();
            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(datagram))
            {
                if (message.Type != NlMsgType.Noop)
                {
                    message.Bytes.CopyTo(kept.Reserve(message.Bytes.Length));
                }
            }

            inner.Send(kept.WrittenSpan);
        }

        public ValueTask<NetlinkDatagram> ReceiveAsync(CancellationToken cancellationToken) => inner.ReceiveAsync(cancellationToken);

        public void Dispose() => inner.Dispose();
    }
}
