using System.Diagnostics;
using Netlink.Packet;
using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Packet;

[Trait("Category", "Packet")]
public sealed class PacketLifetimeAndErrorTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for a frame that must arrive (generous for loaded CI boxes; a passing test never waits it out).</summary>
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(10);

    [RootFact]
    public async Task Cancellation_ends_a_pending_receive_within_one_second()
    {
        using var veth = new VethPair();
        using PacketSocket receiver = veth.Open("b", VethPair.TypeA);
        using var cancel = new CancellationTokenSource();
        ValueTask<PacketFrame> pending = receiver.ReceiveFrameAsync(cancel.Token);
        await Task.Delay(50);
        var clock = Stopwatch.StartNew();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending);
        Assert.True(clock.Elapsed < OneSecond, $"took {clock.Elapsed}");

        // The socket stays usable after a cancelled receive.
        using PacketSocket sender = veth.Open("a", VethPair.TypeA);
        sender.SendTo([5], VethPair.MacB);
        PacketFrame frame = await receiver.ReceiveFrameAsync(Arrival);
        Assert.Equal(5, frame.Payload.Span[0]);
    }

    [RootFact]
    public async Task Dispose_ends_a_pending_receive_within_one_second()
    {
        using var veth = new VethPair();
        PacketSocket receiver = veth.Open("b", VethPair.TypeA);
        ValueTask<PacketReceiveResult> pending = receiver.ReceiveAsync(new byte[2048]);
        await Task.Delay(50);
        var clock = Stopwatch.StartNew();

        receiver.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await pending);
        Assert.True(clock.Elapsed < OneSecond, $"took {clock.Elapsed}");
        Assert.Throws<ObjectDisposedException>(() => receiver.GetStatistics());
    }

    [RootFact]
    public async Task A_deadline_gives_TimeoutException_and_a_second_receive_is_refused()
    {
        using var veth = new VethPair();
        using PacketSocket receiver = veth.Open("b", VethPair.TypeA);
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(async () => await receiver.ReceiveFrameAsync(TimeSpan.FromMilliseconds(100)));

        // Not a speed check (a loaded CI box delays timers): the receive ends, not before its deadline.
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(90), TimeSpan.FromSeconds(10));

        using var cancel = new CancellationTokenSource();
        ValueTask<PacketFrame> first = receiver.ReceiveFrameAsync(cancel.Token);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await receiver.ReceiveFrameAsync());
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await first);
    }

    [RootFact]
    public void A_missing_interface_is_a_clear_error_naming_it()
    {
        using var veth = new VethPair();

        var byName = Assert.Throws<PacketInterfaceException>(() => veth.Open("nosuchif0", VethPair.TypeA));
        Assert.True(byName.IsNotFound);
        Assert.Equal("ENODEV", byName.ErrnoName);
        Assert.Equal("nosuchif0", byName.InterfaceName);
        Assert.Contains("'nosuchif0'", byName.Message);
        Assert.Contains(veth.Namespace.Name!, byName.Message);

        var byIndex = Assert.Throws<PacketInterfaceException>(() => PacketSocket.Open(99999, VethPair.TypeA, new PacketSocketOptions { Namespace = veth.Namespace }));
        Assert.True(byIndex.IsNotFound);
        Assert.Contains("99999", byIndex.Message);
    }

    [RootFact]
    public async Task A_down_interface_is_a_clear_error_naming_it()
    {
        using var veth = new VethPair();
        veth.Ip("link set dev b down");

        // Opening fails by default...
        var open = Assert.Throws<PacketInterfaceException>(() => veth.Open("b", VethPair.TypeA));
        Assert.True(open.IsDown);
        Assert.Equal("ENETDOWN", open.ErrnoName);
        Assert.Equal("b", open.InterfaceName);
        Assert.Contains("'b'", open.Message);

        // ...or is allowed, and then sending says the interface is down.
        using PacketSocket down = veth.Open("b", VethPair.TypeA, allowDown: true);
        var send = Assert.Throws<PacketInterfaceException>(() => down.SendTo([1], VethPair.MacA));
        Assert.True(send.IsDown);
        Assert.Contains("'b'", send.Message);

        // Once the interface is up the allowed socket works, and going down ends a pending receive.
        veth.Ip("link set dev b up");
        veth.WaitUntilOperational("a");
        veth.WaitUntilOperational("b");
        using PacketSocket sender = veth.Open("a", VethPair.TypeA);
        sender.SendTo([7], VethPair.MacB);
        PacketFrame frame = await down.ReceiveFrameAsync(Arrival);
        Assert.Equal(7, frame.Payload.Span[0]);

        ValueTask<PacketFrame> pending = down.ReceiveFrameAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        veth.Ip("link set dev b down");
        var receive = await Assert.ThrowsAsync<PacketInterfaceException>(async () => await pending);
        Assert.True(receive.IsDown);
        Assert.Contains("'b'", receive.Message);
    }

    [RootFact]
    public async Task Frames_larger_than_the_MTU_are_rejected_before_sending()
    {
        using var veth = new VethPair();
        veth.Ip("link set dev a mtu 1000");
        using PacketSocket raw = veth.Open("a", VethPair.TypeA);
        using PacketSocket datagram = veth.Open("a", VethPair.TypeA, PacketSocketMode.Datagram);
        using PacketSocket receiver = veth.Open("b", VethPair.TypeA);
        Assert.Equal(1000, raw.Mtu);

        var rawTooLarge = Assert.Throws<ArgumentException>(() => raw.Send(VethPair.Ethernet(VethPair.MacB, VethPair.MacA, VethPair.TypeA, new byte[1001])));
        Assert.Equal("frame", rawTooLarge.ParamName);
        Assert.Contains("MTU 1000", rawTooLarge.Message);
        var datagramTooLarge = Assert.Throws<ArgumentException>(() => datagram.SendTo(new byte[1001], VethPair.MacB));
        Assert.Equal("payload", datagramTooLarge.ParamName);
        Assert.Throws<ArgumentException>(() => raw.SendTo(new byte[1001], VethPair.MacB));

        // Exactly the MTU passes, and only the frames that fit arrive.
        raw.Send(VethPair.Ethernet(VethPair.MacB, VethPair.MacA, VethPair.TypeA, new byte[1000]));
        datagram.SendTo(new byte[1000], VethPair.MacB);
        Assert.Equal(1014, (await receiver.ReceiveFrameAsync(Arrival)).Length);
        Assert.Equal(1014, (await receiver.ReceiveFrameAsync(Arrival)).Length);
        await Assert.ThrowsAsync<TimeoutException>(async () => await receiver.ReceiveFrameAsync(TimeSpan.FromMilliseconds(100)));
    }

    [RootFact]
    public void Promiscuous_mode_is_held_while_asked_for_and_released_on_close()
    {
        using var veth = new VethPair();
        Assert.Equal(0, veth.Promiscuity("b"));

        PacketSocket socket = veth.Open("b", VethPair.TypeA, promiscuous: true);
        Assert.True(socket.IsPromiscuous);
        Assert.Equal(1, veth.Promiscuity("b"));

        socket.SetPromiscuous(true);
        Assert.Equal(1, veth.Promiscuity("b"));
        socket.SetPromiscuous(false);
        Assert.False(socket.IsPromiscuous);
        Assert.Equal(0, veth.Promiscuity("b"));

        socket.SetPromiscuous(true);
        socket.Dispose();
        Assert.Equal(0, veth.Promiscuity("b"));
    }
}
