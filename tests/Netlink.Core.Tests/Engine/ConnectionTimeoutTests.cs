using System.Diagnostics;
using Netlink.Core.Tests.Fakes;
using Netlink.Core.Tests.Support;
using Netlink.Encoding;
using Netlink.Messages;
using Xunit;

namespace Netlink.Core.Tests.Engine;

public sealed class ConnectionTimeoutTests
{
    [Fact]
    public async Task Unanswered_request_times_out_and_its_late_reply_does_not_answer_the_next_one()
    {
        var requests = new List<(uint Sequence, byte[] Bytes)>();
        using var kernel = new FakeKernel((header, bytes) =>
        {
            requests.Add((header.Sequence, bytes));
            // The first request goes unanswered; the second gets EPERM.
            return requests.Count == 1 ? [] : [Replies.Error(header.Sequence, -1, bytes)];
        });
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request | NlMsgFlags.Ack);
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => connection.ExecuteAsync(request, null, TimeSpan.FromMilliseconds(100)));

        Assert.InRange(clock.ElapsedMilliseconds, 90, 5000);

        // The late ACK of the first request is queued before the second request's EPERM.
        kernel.Enqueue(Replies.Error(requests[0].Sequence, 0, requests[0].Bytes));
        NetlinkException error = await Assert.ThrowsAsync<NetlinkException>(() => connection.ExecuteAsync(request, null));
        Assert.Equal(1, error.Errno);
        Assert.Equal(requests[1].Sequence, error.RequestSequence);
        Assert.Equal(1, connection.UnmatchedMessages);
    }

    [Fact]
    public async Task Cancellation_ends_the_wait_with_OperationCanceledException()
    {
        using var kernel = new FakeKernel();
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.RequestAsync(request, cancel.Token));
    }

    [Fact]
    public async Task Dispose_fails_pending_requests_and_closes_the_transport()
    {
        using var kernel = new FakeKernel();
        var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request);
        Task pending = connection.RequestAsync(request);

        await connection.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending);
        Assert.True(kernel.IsDisposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => connection.RequestAsync(request));
    }
}
