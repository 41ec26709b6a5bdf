using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Integration;

/// <summary>
/// Datagrams of every size arrive whole or fail loudly. Another user-space socket sends them
/// (the kernel never sends multi-megabyte datagrams on request), with buffers forced large.
/// </summary>
public sealed class ReceiveSizingIntegrationTests(TestNamespace netns) : IClassFixture<TestNamespace>
{
    [RootFact]
    public async Task Datagrams_larger_than_the_buffer_arrive_whole_and_in_order()
    {
        using NetlinkSocket receiver = netns.OpenSocket();
        using NetlinkSocket sender = netns.OpenSocket();
        receiver.SetReceiveBufferSize(16 * 1024 * 1024, force: true);
        sender.SetSendBufferSize(16 * 1024 * 1024, force: true);
        int[] sizes = [100, 70_000, 40, 1_000_000, 200];
        foreach (int size in sizes)
        {
            sender.SendTo(Noops(size, marker: (byte)(size % 251)), receiver.PortId);
        }

        foreach (int size in sizes)
        {
            NetlinkDatagram datagram = await receiver.ReceiveFromAsync(new CancellationTokenSource(5000).Token);
            Assert.Equal(size, datagram.Data.Length);
            Assert.Equal(Noops(size, marker: (byte)(size % 251)), datagram.Data.ToArray());
        }
    }

    [RootFact]
    public async Task A_datagram_beyond_the_receive_area_is_a_loud_EMSGSIZE_not_a_cut()
    {
        using NetlinkSocket receiver = netns.OpenSocket();
        using NetlinkSocket sender = netns.OpenSocket();
        receiver.SetReceiveBufferSize(32 * 1024 * 1024, force: true);
        sender.SetSendBufferSize(32 * 1024 * 1024, force: true);
        sender.SendTo(Noops(6 * 1024 * 1024, marker: 1), receiver.PortId);
        sender.SendTo(Noops(64, marker: 2), receiver.PortId);

        var error = await Assert.ThrowsAsync<NetlinkException>(async () => await receiver.ReceiveFromAsync(new CancellationTokenSource(5000).Token));
        Assert.Equal("EMSGSIZE", error.ErrnoName);
        Assert.Contains("6291456-byte datagram", error.Message);

        // The socket goes on with the next datagram.
        NetlinkDatagram next = await receiver.ReceiveFromAsync(new CancellationTokenSource(5000).Token);
        Assert.Equal(Noops(64, marker: 2), next.Data.ToArray());
    }

    /// <summary>One NLMSG_NOOP message of <paramref name="size"/> bytes whose payload is <paramref name="marker"/>.</summary>
    private static byte[] Noops(int size, byte marker)
    {
        using var writer = new NetlinkMessageWriter();
        int start = writer.BeginMessage(NlMsgType.Noop, NlMsgFlags.None);
        writer.Reserve(size - NlMsgHeader.Size).Fill(marker);
        writer.EndMessage(start);
        return writer.WrittenSpan.ToArray();
    }
}
