using Netlink.Encoding;
using Netlink.Reliability.Tests.Support;
using Netlink.Testing;
using Xunit;

namespace Netlink.Reliability.Tests.Load;

/// <summary>
/// 16 tasks x 1,000 requests (10,000 with NETLINK_FULL_LOAD=1) against the real kernel, on one
/// shared connection and on a pool of four. Each task alternates between two links and checks
/// every reply belongs to its own request (index, name, sequence number); nothing is unmatched.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class RequestLoadTests
{
    private const int Tasks = 16;
    private static readonly int RequestsPerTask = Rt.Count(1_000, 10_000);

    [RootFact]
    public async Task Sixteen_tasks_share_one_connection_and_every_reply_reaches_its_caller()
    {
        using var netns = new TestNamespace();
        await using NetlinkConnection connection = netns.OpenConnection();
        int veth = await CreateVethAsync(connection);

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(() => HammerAsync(connection, t, veth))));

        Assert.Equal(0, connection.UnmatchedMessages);
        Assert.Equal(0, connection.ForeignDatagramsDropped);
    }

    [RootFact]
    public async Task Sixteen_tasks_over_a_pool_of_four_connections_all_get_their_replies()
    {
        using var netns = new TestNamespace();
        NetlinkConnection[] pool = [.. Enumerable.Range(0, 4).Select(_ => netns.OpenConnection())];
        try
        {
            int veth = await CreateVethAsync(pool[0]);
            await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(() => HammerAsync(pool[t % pool.Length], t, veth))));
            Assert.All(pool, c => Assert.Equal(0, c.UnmatchedMessages));
            Assert.Equal(4, pool.Select(c => c.PortId).Distinct().Count());
        }
        finally
        {
            foreach (NetlinkConnection c in pool)
            {
                await c.DisposeAsync();
            }
        }
    }

    private static async Task<int> CreateVethAsync(NetlinkConnection connection)
    {
        await Rt.RequestAsync(connection, w => Rt.NewVeth(w, "ld0", "ld1"));
        return (await Rt.LinksAsync(connection)).Single(l => l.Name == "ld0").Index;
    }

    private static async Task HammerAsync(NetlinkConnection connection, int task, int veth)
    {
        using var request = new NetlinkMessageWriter();
        for (int i = 0; i < RequestsPerTask; i++)
        {
            bool lo = (i + task) % 2 == 0;
            request.Clear();
            Rt.GetLinkRequest(request, lo ? 1 : veth);
            uint replySequence = 0;
            Rt.Link? link = null;
            NetlinkReplySummary summary = await connection.ExecuteAsync(request, message =>
            {
                replySequence = message.Header.Sequence;
                Assert.True(Rt.TryParseLink(message, out Rt.Link parsed));
                link = parsed;
            });
            Assert.Equal(summary.Sequence, replySequence);
            Assert.Equal(1, summary.MessageCount);
            Assert.Equal(lo ? "lo" : "ld0", link!.Name);
            Assert.Equal(lo ? 1 : veth, link.Index);
        }
    }
}
