using Netlink.Core.Tests.Support;
using Netlink.Encoding;
using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Integration;

public sealed class ConcurrencyIntegrationTests(TestNamespace netns) : IClassFixture<TestNamespace>
{
    [RootFact]
    public async Task Eight_tasks_times_two_thousand_requests_on_one_connection_each_get_their_own_reply()
    {
        await using NetlinkConnection connection = netns.OpenConnection();

        // Even requests ask for lo (a reply + ACK); odd ones for a missing index (ENODEV). A reply
        // reaching the wrong caller shows up as a wrong outcome or a wrong sequence number.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(task => Task.Run(async () =>
        {
            using var request = new NetlinkMessageWriter();
            for (int i = 0; i < 2000; i++)
            {
                bool exists = i % 2 == 0;
                request.Clear();
                Rtnl.AppendGetLink(request, exists ? 1 : 100_000 + (task * 2000) + i, ack: true);
                if (exists)
                {
                    uint replySequence = 0;
                    Rtnl.Link? link = null;
                    NetlinkReplySummary summary = await connection.ExecuteAsync(request, message =>
                    {
                        replySequence = message.Header.Sequence;
                        Assert.True(Rtnl.TryParseLink(message, out Rtnl.Link parsed));
                        link = parsed;
                    });
                    Assert.True(summary.Acknowledged);
                    Assert.Equal(summary.Sequence, replySequence);
                    Assert.Equal(1, link!.Index);
                    Assert.Equal("lo", link.Name);
                }
                else
                {
                    var error = await Assert.ThrowsAsync<NetlinkException>(() => connection.ExecuteAsync(request, null));
                    Assert.Equal("ENODEV", error.ErrnoName);
                }
            }
        })));

        Assert.Equal(0, connection.UnmatchedMessages);
    }

    [RootFact]
    public async Task Batches_and_single_requests_from_many_tasks_share_one_connection()
    {
        await using NetlinkConnection connection = netns.OpenConnection();

        // Four tasks send 3,000-request batches (GETs of lo and of missing links, no ACKs: results come
        // from replies, errors and the window barriers) while four others send single requests.
        Task batches = Task.WhenAll(Enumerable.Range(0, 4).Select(task => Task.Run(async () =>
        {
            using var batch = new NetlinkMessageWriter();
            for (int i = 0; i < 3000; i++)
            {
                Rtnl.AppendGetLink(batch, i % 3 == 0 ? 1 : 200_000 + (task * 3000) + i, ack: false);
            }

            IReadOnlyList<NetlinkBatchResult> results = await connection.ExecuteBatchAsync(batch);
            Assert.Equal(3000, results.Count);
            for (int i = 0; i < 3000; i++)
            {
                if (i % 3 == 0)
                {
                    Assert.True(results[i].Succeeded);
                    Assert.True(Rtnl.TryParseLink(Assert.Single(results[i].Replies).Message, out Rtnl.Link lo));
                    Assert.Equal("lo", lo.Name);
                }
                else
                {
                    Assert.Equal("ENODEV", Assert.IsType<NetlinkException>(results[i].Error).ErrnoName);
                }
            }
        })));
        Task singles = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var request = new NetlinkMessageWriter();
            for (int i = 0; i < 1000; i++)
            {
                request.Clear();
                Rtnl.AppendGetLink(request, 1, ack: true);
                Assert.Equal(1, (await connection.ExecuteAsync(request, null)).MessageCount);
            }
        })));

        await Task.WhenAll(batches, singles);
        Assert.Equal(0, connection.UnmatchedMessages);
    }

    [RootFact]
    public async Task A_batch_of_large_replies_sizes_its_windows_to_the_receive_buffer_instead_of_overflowing_it()
    {
        // 4,000 GETs of lo: each reply is a full link message (stats, af_spec…), far larger than an
        // ACK, and 4,000 of them are many times the default receive buffer.
        await using NetlinkConnection connection = netns.OpenConnection();
        using var batch = new NetlinkMessageWriter();
        for (int i = 0; i < 4000; i++)
        {
            Rtnl.AppendGetLink(batch, 1, ack: false);
        }

        IReadOnlyList<NetlinkBatchResult> results = await connection.ExecuteBatchAsync(batch);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.All(results, r => Assert.Single(r.Replies));
        Assert.Equal(0, connection.UnmatchedMessages);
    }

    [RootFact]
    public async Task Batch_of_real_requests_reports_per_request_results()
    {
        await using NetlinkConnection connection = netns.OpenConnection();
        using var batch = new NetlinkMessageWriter();
        Rtnl.AppendGetLink(batch, 1, ack: false);
        Rtnl.AppendGetLink(batch, 9999, ack: false);
        Rtnl.AppendSetMtu(batch, 1, 60000);

        IReadOnlyList<NetlinkBatchResult> results = await connection.ExecuteBatchAsync(batch);

        Assert.True(Rtnl.TryParseLink(Assert.Single(results[0].Replies).Message, out Rtnl.Link lo));
        Assert.Equal("lo", lo.Name);
        Assert.Equal("ENODEV", Assert.IsType<NetlinkException>(results[1].Error).ErrnoName);
        Assert.True(results[2].Succeeded);
        Assert.Equal(60000u, (await Rtnl.ListLinksAsync(connection)).Single().Mtu);
    }
}
