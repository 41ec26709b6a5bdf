using System.Diagnostics;
using Netlink.Packet;
using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Packet;

/// <summary>
/// The interface under a packet socket is deleted: the kernel unhooks the socket for good (it
/// reports ENETDOWN once, then nothing ever arrives), so every later call must say the interface
/// is gone instead of waiting forever or failing on a detail.
/// </summary>
[Trait("Category", "Packet")]
public sealed class PacketInterfaceDeletedTests
{
    /// <summary>Far longer than any of these calls may take; a call still running then has hung.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [RootFact]
    public async Task A_receive_after_the_pending_one_failed_says_the_interface_was_deleted()
    {
        using var veth = new VethPair();
        using PacketSocket socket = veth.Open("b", VethPair.TypeA);
        ValueTask<PacketFrame> pending = socket.ReceiveFrameAsync(Guard);
        await Task.Delay(50);

        veth.Ip("link del dev b");

        // The kernel takes the interface down before it unregisters it, so the waiting receive may
        // wake while the interface still exists: it reports "down" or "deleted", both naming it.
        var first = await Assert.ThrowsAsync<PacketInterfaceException>(async () => await pending);
        Assert.True(first.IsDown || first.IsNotFound, first.Message);
        Assert.Contains("'b'", first.Message);

        // The next receives end at once with the same clear error (they used to wait until the guard).
        var clock = Stopwatch.StartNew();
        AssertDeleted(await Assert.ThrowsAsync<PacketInterfaceException>(async () => await socket.ReceiveFrameAsync(Guard)));
        AssertDeleted(await Assert.ThrowsAsync<PacketInterfaceException>(async () => await socket.ReceiveAsync(new byte[2048], Guard)));
        Assert.True(clock.Elapsed < Guard / 2, $"took {clock.Elapsed}");
    }

    [RootFact]
    public async Task A_receive_on_a_socket_whose_interface_was_deleted_while_idle_fails_at_once()
    {
        using var veth = new VethPair();
        using PacketSocket socket = veth.Open("b", VethPair.TypeA);

        veth.Ip("link del dev b");

        // The first receive may see the kernel's one ENETDOWN; neither of the two may wait.
        AssertDeleted(await Assert.ThrowsAsync<PacketInterfaceException>(async () => await socket.ReceiveFrameAsync(Guard)));
        AssertDeleted(await Assert.ThrowsAsync<PacketInterfaceException>(async () => await socket.ReceiveFrameAsync(Guard)));
    }

    [RootFact]
    public async Task A_receive_waiting_on_a_down_interface_ends_when_the_interface_is_deleted()
    {
        using var veth = new VethPair();
        veth.Ip("link set dev b down");
        using PacketSocket socket = veth.Open("b", VethPair.TypeA, allowDown: true);
        ValueTask<PacketFrame> pending = socket.ReceiveFrameAsync(Guard);
        await Task.Delay(50);

        // A socket on a down interface is unhooked already, so the kernel wakes no one on delete.
        veth.Ip("link del dev b");

        AssertDeleted(await Assert.ThrowsAsync<PacketInterfaceException>(async () => await pending));
    }

    [RootFact]
    public void Sending_and_reading_the_address_after_the_delete_say_the_interface_was_deleted()
    {
        using var veth = new VethPair();
        using PacketSocket raw = veth.Open("b", VethPair.TypeA);
        using PacketSocket datagram = veth.Open("b", VethPair.TypeA, PacketSocketMode.Datagram);

        veth.Ip("link del dev b");

        // Raw SendTo builds the Ethernet header from the interface's address: it used to slice an empty one.
        AssertDeleted(Assert.Throws<PacketInterfaceException>(() => raw.SendTo([1, 2, 3], VethPair.MacA)));
        AssertDeleted(Assert.Throws<PacketInterfaceException>(() => raw.Send(VethPair.Ethernet(VethPair.MacA, VethPair.MacB, VethPair.TypeA, [1]))));
        AssertDeleted(Assert.Throws<PacketInterfaceException>(() => datagram.SendTo([1, 2, 3], VethPair.MacA)));
        AssertDeleted(Assert.Throws<PacketInterfaceException>(() => raw.HardwareAddress));
        AssertDeleted(Assert.Throws<PacketInterfaceException>(() => raw.Mtu));
    }

    [RootFact]
    public async Task DisposeAsync_ends_a_pending_receive_and_may_be_repeated()
    {
        using var veth = new VethPair();
        PacketSocket socket = veth.Open("b", VethPair.TypeA);
        var buffer = new byte[2048];
        ValueTask<PacketReceiveResult> pending = socket.ReceiveAsync(buffer, Guard);
        await Task.Delay(50);

        // Returns after the pending receive has stopped using the buffer.
        await socket.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await pending);
        await socket.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => socket.Mtu);
    }

    private static void AssertDeleted(PacketInterfaceException error)
    {
        Assert.True(error.IsNotFound, error.Message);
        Assert.Equal("b", error.InterfaceName);
        Assert.Contains("'b'", error.Message);
        Assert.Contains("deleted", error.Message);
    }
}
