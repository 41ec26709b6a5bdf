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
            2 => [Replies.Error(header.Sequence, -17, bytes)],
            3 => [Replies.Data(TestRequests.NewThing, header.Sequence, NlMsgFlags.None, 33), Replies.Ack(header, bytes)],
            _ => [Replies.Ack(header, bytes)],
        });
        await using var connection = new NetlinkConnection(kernel);
        using var batch = new NetlinkMessageWriter();
        TestRequests.Append(batch, TestRequests.NewThing, NlMsgFlags.Request, 1);
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
    }
}
