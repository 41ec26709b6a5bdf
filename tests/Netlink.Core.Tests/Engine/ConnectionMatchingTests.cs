using Netlink.Core.Tests.Fakes;
using Netlink.Core.Tests.Support;
using Netlink.Encoding;
using Netlink.Messages;
using Xunit;

namespace Netlink.Core.Tests.Engine;

public sealed class ConnectionMatchingTests
{
    [Fact]
    public async Task Reply_with_a_foreign_sequence_number_is_counted_and_not_delivered()
    {
        using var kernel = new FakeKernel((header, _) =>
        [
            Replies.Data(TestRequests.NewThing, header.Sequence + 1000, NlMsgFlags.None, 666),
            Replies.Data(TestRequests.NewThing, header.Sequence, NlMsgFlags.None, 1),
        ]);
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request);

        IReadOnlyList<NetlinkReply> replies = await connection.QueryAsync(request);

        Assert.Equal(1u, TestRequests.Marker(Assert.Single(replies).Message));
        Assert.Equal(1, connection.UnmatchedMessages);
    }

    [Fact]
    public async Task Datagram_from_a_non_kernel_sender_is_dropped_even_with_a_matching_sequence()
    {
        uint sequence = 0;
        byte[] requestBytes = [];
        using var kernel = new FakeKernel((header, bytes) =>
        {
            sequence = header.Sequence;
            requestBytes = bytes;
            return [];
        });
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request);
        Task pending = connection.RequestAsync(request);

        // A forged EPERM from port 999 with the right sequence, then the kernel's ACK.
        kernel.Enqueue(Replies.Error(sequence, -1, requestBytes), senderPortId: 999);
        kernel.Enqueue(Replies.Error(sequence, 0, requestBytes));
        await pending;

        Assert.Equal(1, connection.ForeignDatagramsDropped);
        Assert.Equal(0, connection.UnmatchedMessages);
    }

    [Fact]
    public async Task Truncated_datagram_error_from_the_socket_fails_the_waiting_request()
    {
        using var kernel = new FakeKernel();
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request);
        Task pending = connection.RequestAsync(request);

        kernel.EnqueueError(new NetlinkException(90, "recvmsg (datagram truncated to 32768 bytes)"));

        var error = await Assert.ThrowsAsync<NetlinkException>(() => pending);
        Assert.Equal("EMSGSIZE", error.ErrnoName);
    }

    [Fact]
    public async Task Badly_framed_datagram_fails_the_waiting_request_with_decode_error()
    {
        using var kernel = new FakeKernel((header, bytes) =>
        {
            byte[] ack = Replies.Ack(header, bytes);
            return [ack.AsSpan(0, ack.Length - 8).ToArray()]; // nlmsg_len claims more than arrived
        });
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request);

        await Assert.ThrowsAsync<NetlinkDecodeException>(() => connection.RequestAsync(request));
    }

    [Fact]
    public async Task Many_concurrent_requests_each_get_their_own_reply()
    {
        // The fake answers each request with its own marker, in reverse order within a datagram set.
        using var kernel = new FakeKernel((header, bytes) =>
        [
            Replies.Datagram(Replies.Data(TestRequests.NewThing, header.Sequence, NlMsgFlags.None, BitConverter.ToUInt32(bytes, 16)), Replies.Ack(header, bytes)),
        ]);
        await using var connection = new NetlinkConnection(kernel);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(task => Task.Run(async () =>
        {
            using var request = new NetlinkMessageWriter();
            for (uint i = 0; i < 500; i++)
            {
                uint marker = ((uint)task << 16) | i;
                request.Clear();
                TestRequests.Append(request, TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Ack, marker);
                uint got = 0;
                await connection.ExecuteAsync(request, message => got = TestRequests.Marker(message));
                Assert.Equal(marker, got);
            }
        })));

        Assert.Equal(0, connection.UnmatchedMessages);
    }
}
