using System.Collections.Concurrent;
using Netlink.Encoding;
using Netlink.Messages;
using Xunit;

namespace Netlink.Core.Tests.Encoding;

public class NetlinkMessageWriterPoolTests
{
    [Fact]
    public void A_returned_writer_is_handed_out_again_empty()
    {
        var pool = new NetlinkMessageWriterPool(maxRetained: 2);
        NetlinkMessageWriter first;
        using (NetlinkMessageWriterPool.Lease lease = pool.Rent())
        {
            first = lease.Writer;
            first.BeginMessage(18, NlMsgFlags.Request);
        }

        using NetlinkMessageWriterPool.Lease again = pool.Rent();
        Assert.Same(first, again.Writer);
        Assert.Equal(0, again.Writer.Length);
    }

    [Fact]
    public void Writers_beyond_the_retained_count_are_disposed_not_kept()
    {
        var pool = new NetlinkMessageWriterPool(maxRetained: 2);
        NetlinkMessageWriterPool.Lease[] leases = [pool.Rent(), pool.Rent(), pool.Rent()];
        foreach (NetlinkMessageWriterPool.Lease lease in leases)
        {
            lease.Dispose();
        }

        // Two were kept (usable again), the third was disposed.
        Assert.Throws<ObjectDisposedException>(() => leases[2].Writer.Reserve(1));
        var rented = new HashSet<NetlinkMessageWriter> { pool.Rent().Writer, pool.Rent().Writer };
        Assert.Equal(new HashSet<NetlinkMessageWriter> { leases[0].Writer, leases[1].Writer }, rented);
        Assert.DoesNotContain(pool.Rent().Writer, leases.Select(lease => lease.Writer));
    }

    [Fact]
    public async Task Concurrent_renters_never_share_a_writer()
    {
        var pool = new NetlinkMessageWriterPool(maxRetained: 4);
        var inUse = new ConcurrentDictionary<NetlinkMessageWriter, byte>();
        int shared = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                using NetlinkMessageWriterPool.Lease lease = pool.Rent();
                if (!inUse.TryAdd(lease.Writer, 0))
                {
                    Interlocked.Increment(ref shared);
                }

                lease.Writer.Reserve(4);
                inUse.TryRemove(lease.Writer, out byte _);
            }
        })));

        Assert.Equal(0, shared);
    }
}
