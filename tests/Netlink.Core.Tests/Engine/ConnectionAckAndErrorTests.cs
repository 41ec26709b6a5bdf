using Netlink.Core.Tests.Fakes;
using Netlink.Core.Tests.Support;
using Netlink.Encoding;
using Netlink.Messages;
using Xunit;

namespace Netlink.Core.Tests.Engine;

public sealed class ConnectionAckAndErrorTests
{
    [Fact]
    public async Task RequestAsync_adds_ack_flag_patches_sequence_and_completes_on_ack()
    {
        NlMsgHeader seen = default;
        using var kernel = new FakeKernel((header, bytes) =>
        {
            seen = header;
            return [Replies.Ack(header, bytes)];
        });
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request);

        await connection.RequestAsync(request);

        Assert.True(seen.Flags.HasFlag(NlMsgFlags.Ack));
        Assert.NotEqual(0u, seen.Sequence);
        Assert.Equal(kernel.PortId, seen.PortId);
        Assert.Single(kernel.SentDatagrams);
    }

    [Fact]
    public async Task Error_without_extack_becomes_NetlinkException_with_errno_and_request()
    {
        using var kernel = new FakeKernel((header, bytes) => [Replies.Error(header.Sequence, -17, bytes)]);
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request);

        var error = await Assert.ThrowsAsync<NetlinkException>(() => connection.RequestAsync(request));

        Assert.Equal(17, error.Errno);
        Assert.Equal("EEXIST", error.ErrnoName);
        Assert.Null(error.ExtendedAck);
        Assert.Equal(TestRequests.NewThing, error.RequestType);
        Assert.Equal(NlMsgHeader.Read(request.WrittenSpan).Sequence, error.RequestSequence);
        Assert.Equal($"message type 16 (seq {error.RequestSequence}) failed: EEXIST (17) File exists", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Error_with_extack_is_parsed_whether_the_echo_is_capped_or_whole(bool capped)
    {
        using var kernel = new FakeKernel((header, bytes) =>
        [
            Replies.Error(header.Sequence, -95, bytes, capped, tlvs =>
            {
                tlvs.WriteString(Replies.MsgAttr, "Unknown device type");
                tlvs.WriteU32(Replies.OffsAttr, 24);
                tlvs.WriteAttribute(Replies.CookieAttr, [1, 2, 3]);
                tlvs.WriteU32(Replies.MissTypeAttr, 3);
                tlvs.WriteU32(Replies.MissNestAttr, 20);
            }),
        ]);
        await using var connection = new NetlinkConnection(kernel, new NetlinkConnectionOptions { Describer = new FakeRouteNames() });
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request);

        var error = await Assert.ThrowsAsync<NetlinkException>(() => connection.RequestAsync(request));

        Assert.Equal(95, error.Errno);
        Assert.Equal("Unknown device type", error.ExtendedAckMessage);
        Assert.Equal(24u, error.ExtendedAckOffset);
        Assert.Equal(new byte[] { 1, 2, 3 }, error.ExtendedAck!.Cookie.ToArray());
        Assert.Equal(3u, error.ExtendedAck.MissingAttributeType);
        Assert.Equal(20u, error.ExtendedAck.MissingNestOffset);
        Assert.StartsWith($"RTM_NEWLINK (type 16, seq {error.RequestSequence}) failed: EOPNOTSUPP (95) Operation not supported: Unknown device type", error.Message);
    }

    [Fact]
    public async Task Uncapped_echo_without_tlvs_is_skipped_correctly()
    {
        using var kernel = new FakeKernel((header, bytes) => [Replies.Error(header.Sequence, -22, bytes, capped: false)]);
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request);

        var error = await Assert.ThrowsAsync<NetlinkException>(() => connection.RequestAsync(request));

        Assert.Equal("EINVAL", error.ErrnoName);
        Assert.Null(error.ExtendedAck);
    }

    [Fact]
    public async Task Done_carrying_an_error_and_extack_fails_the_dump()
    {
        using var kernel = new FakeKernel((header, _) =>
        [
            Replies.Data(TestRequests.NewThing, header.Sequence, NlMsgFlags.Multi, 1),
            Replies.Done(header.Sequence, -22, tlvs: tlvs => tlvs.WriteString(Replies.MsgAttr, "Invalid dump filter")),
        ]);
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);
        int seen = 0;

        var error = await Assert.ThrowsAsync<NetlinkException>(() => connection.ExecuteAsync(request, _ => seen++));

        Assert.Equal(1, seen);
        Assert.Equal(22, error.Errno);
        Assert.Equal("Invalid dump filter", error.ExtendedAckMessage);
    }

    [Fact]
    public async Task Enobufs_fails_pending_requests_with_overrun_and_the_connection_keeps_working()
    {
        bool answer = false;
        using var kernel = new FakeKernel((header, bytes) => answer ? [Replies.Ack(header, bytes)] : []);
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter first = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request);
        Task pending = connection.RequestAsync(first);

        kernel.EnqueueError(new NetlinkOverrunException("recvmsg"));
        await Assert.ThrowsAsync<NetlinkOverrunException>(() => pending);

        answer = true;
        using NetlinkMessageWriter second = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request);
        await connection.RequestAsync(second);
    }

    [Fact]
    public async Task Bad_arguments_are_rejected_before_sending()
    {
        using var kernel = new FakeKernel();
        await using var connection = new NetlinkConnection(kernel);
        using var empty = new Netlink.Encoding.NetlinkMessageWriter();
        using NetlinkMessageWriter noRequestFlag = TestRequests.One(TestRequests.GetThing, NlMsgFlags.None);
        using NetlinkMessageWriter two = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request);
        TestRequests.Append(two, TestRequests.GetThing, NlMsgFlags.Request);

        Assert.Equal("request", (await Assert.ThrowsAsync<ArgumentException>(() => connection.ExecuteAsync(empty, null))).ParamName);
        Assert.Equal("request", (await Assert.ThrowsAsync<ArgumentException>(() => connection.ExecuteAsync(noRequestFlag, null))).ParamName);
        Assert.Equal("request", (await Assert.ThrowsAsync<ArgumentException>(() => connection.ExecuteAsync(two, null))).ParamName);
        Assert.Equal("requests", (await Assert.ThrowsAsync<ArgumentException>(() => connection.ExecuteBatchAsync(empty))).ParamName);
        Assert.Empty(kernel.SentDatagrams);
    }
}
