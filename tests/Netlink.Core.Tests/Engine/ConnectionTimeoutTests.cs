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
    public async Task Unanswered_request_times_out_and_a_late_reply_is_counted_as_unmatched()
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
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request | NlMsgFlags.Ack);
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => connection.ExecuteAsync(request, null, TimeSpan.FromMilliseconds(100)));

        Assert.InRange(clock.ElapsedMilliseconds, 90, 2000);
        kernel.Enqueue(Replies.Error(sequence, 0, requestBytes));
        await WaitUntil(() => connection.UnmatchedMessages == 1);
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

    private static async Task WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "condition not met in 5 s");
            await Task.Delay(10);
        }
    }
}
