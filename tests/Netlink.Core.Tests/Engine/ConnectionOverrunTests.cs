using Netlink.Core.Tests.Fakes;
using Netlink.Core.Tests.Support;
using Netlink.Encoding;
using Netlink.Messages;
using Xunit;

namespace Netlink.Core.Tests.Engine;

/// <summary>ENOBUFS on a request socket: only the requests whose replies were lost fail.</summary>
public sealed class ConnectionOverrunTests
{
    [Fact]
    public async Task Enobufs_with_nothing_in_flight_is_counted_and_the_next_request_succeeds()
    {
        using var kernel = new FakeKernel((header, bytes) => [Replies.Ack(header, bytes)]);
        await using var connection = new NetlinkConnection(kernel);

        // The overflow happened while the connection was idle (replies of requests long gone); the
        // socket reports it on the next receive, which belongs to an unrelated request.
        kernel.EnqueueError(new NetlinkOverrunException("recvmsg"));
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request);
        await connection.RequestAsync(request);
        await connection.RequestAsync(request);

        Assert.Equal(1, connection.OverrunCount);
        Assert.Equal(0, connection.UnmatchedMessages);
    }

    [Fact]
    public async Task Enobufs_fails_only_the_request_whose_reply_was_lost()
    {
        var requests = new List<(NlMsgHeader Header, byte[] Bytes)>();
        using var kernel = new FakeKernel((header, bytes) =>
        {
            lock (requests)
            {
                requests.Add((header, bytes));
            }

            return [];
        });
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter first = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request, marker: 1);
        using NetlinkMessageWriter second = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request, marker: 2);
        Task lost = connection.RequestAsync(first);
        Task answered = connection.RequestAsync(second);
        (NlMsgHeader Header, byte[] Bytes) secondRequest = await WaitForRequestAsync(requests, marker: 2);

        // The first request's ACK was dropped in the overflow; the second's survived, behind the report.
        kernel.EnqueueErrorThen(new NetlinkOverrunException("recvmsg"), Replies.Ack(secondRequest.Header, secondRequest.Bytes));

        var error = await Assert.ThrowsAsync<NetlinkOverrunException>(() => lost).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("replies were lost (ENOBUFS)", error.Message);
        Assert.Equal(requests.Single(r => Marker(r.Bytes) == 1).Header.Sequence, error.RequestSequence);
        await answered.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, connection.OverrunCount);
    }

    [Fact]
    public async Task A_dump_under_way_is_not_failed_by_an_overrun_its_data_cannot_be_part_of()
    {
        uint dumpSequence = 0;
        using var kernel = new FakeKernel((header, _) =>
        {
            dumpSequence = header.Sequence;
            return [Replies.Datagram(Replies.Data(TestRequests.NewThing, header.Sequence, NlMsgFlags.Multi, 1))];
        });
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter dump = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);
        var markers = new List<uint>();
        Task<NetlinkReplySummary> running = connection.ExecuteAsync(dump, message => markers.Add(TestRequests.Marker(message)));
        while (markers.Count == 0)
        {
            await Task.Delay(5);
        }

        // Dump datagrams are queued without the overflow check: an ENOBUFS mid-dump is someone else's loss.
        kernel.EnqueueErrorThen(
            new NetlinkOverrunException("recvmsg"),
            Replies.Datagram(Replies.Data(TestRequests.NewThing, dumpSequence, NlMsgFlags.Multi, 2), Replies.Done(dumpSequence)));

        NetlinkReplySummary summary = await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1u, 2u], markers);
        Assert.Equal(2, summary.MessageCount);
    }

    private static uint Marker(byte[] requestBytes) => BitConverter.ToUInt32(requestBytes, NlMsgHeader.Size);

    private static async Task<(NlMsgHeader Header, byte[] Bytes)> WaitForRequestAsync(List<(NlMsgHeader Header, byte[] Bytes)> requests, uint marker)
    {
        for (int i = 0; i < 1000; i++)
        {
            lock (requests)
            {
                foreach ((NlMsgHeader header, byte[] bytes) in requests)
                {
                    if (Marker(bytes) == marker)
                    {
                        return (header, bytes);
                    }
                }
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"request with marker {marker} was never sent");
    }
}
