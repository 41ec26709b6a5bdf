using Netlink.Packet;
using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Packet;

[Trait("Category", "Packet")]
public sealed class PacketStatisticsTests
{
    [RootFact]
    public async Task Received_and_dropped_counts_add_up_across_reads()
    {
        using var veth = new VethPair();
        using PacketSocket sender = veth.Open("a", VethPair.TypeA, PacketSocketMode.Datagram);

        // The smallest receive buffer the kernel allows holds a few frames: the rest are dropped.
        using PacketSocket receiver = veth.Open("b", VethPair.TypeA, PacketSocketMode.Datagram, receiveBuffer: 1);

        const int FirstBatch = 60;
        Send(sender, FirstBatch);
        await WaitForReceived(receiver, FirstBatch);

        // Many cumulative reads happened while waiting (each resets the kernel's counters);
        // the per-call read still covers everything since the socket was opened.
        PacketStatistics first = receiver.GetStatisticsDelta();
        int delivered1 = await Drain(receiver);

        Assert.Equal((ulong)FirstBatch, first.Received);
        Assert.True(first.Dropped > 0, "the tiny receive buffer should have overflowed");
        Assert.Equal((ulong)delivered1, first.Delivered);

        const int SecondBatch = 40;
        Send(sender, SecondBatch);
        await WaitForReceived(receiver, FirstBatch + SecondBatch);
        int delivered2 = await Drain(receiver);
        PacketStatistics cumulative = receiver.GetStatistics();
        PacketStatistics second = receiver.GetStatisticsDelta();
        Assert.Equal((ulong)SecondBatch, second.Received);
        Assert.Equal((ulong)delivered2, second.Delivered);
        Assert.Equal(cumulative, receiver.GetStatistics());
        Assert.Equal(first + second, cumulative);
        Assert.Equal(new PacketStatistics(0, 0), receiver.GetStatisticsDelta());
    }

    [RootFact]
    public async Task Frames_rejected_by_the_filter_are_not_counted()
    {
        using var veth = new VethPair();
        using PacketSocket sender = veth.Open("a", VethPair.TypeA, PacketSocketMode.Datagram);
        using PacketSocket receiver = veth.Open("b", EtherTypes.All, PacketSocketMode.Datagram, new BpfFilterBuilder().EtherType(VethPair.TypeA).Build());

        for (int i = 0; i < 5; i++)
        {
            sender.SendTo([1], VethPair.MacB, VethPair.TypeB);
        }

        sender.SendTo([2], VethPair.MacB, VethPair.TypeA);
        PacketFrame frame = await receiver.ReceiveFrameAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, frame.Data.Span[0]);
        Assert.Equal(new PacketStatistics(1, 0), receiver.GetStatistics());
    }

    private static void Send(PacketSocket sender, int count)
    {
        for (int i = 0; i < count; i++)
        {
            sender.SendTo(VethPair.Payload(200, (byte)i), VethPair.MacB);
        }
    }

    /// <summary>Polls the cumulative counters (each poll resets the kernel's) until all frames were seen.</summary>
    private static async Task WaitForReceived(PacketSocket receiver, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (receiver.GetStatistics().Received < (ulong)expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
    }

    private static async Task<int> Drain(PacketSocket receiver)
    {
        int count = 0;
        var buffer = new byte[2048];
        while (true)
        {
            try
            {
                await receiver.ReceiveAsync(buffer, TimeSpan.FromMilliseconds(100));
                count++;
            }
            catch (TimeoutException)
            {
                return count;
            }
        }
    }
}
