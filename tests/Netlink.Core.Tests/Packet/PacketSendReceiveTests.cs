using System.Net.NetworkInformation;
using Netlink.Packet;
using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Packet;

[Trait("Category", "Packet")]
public sealed class PacketSendReceiveTests
{
    /// <summary>How long to wait for a frame that must arrive: generous, since a loaded CI box delays wake-ups; a passing test never waits it out.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [RootFact]
    public async Task Raw_frame_with_custom_ethertype_arrives_with_source_destination_and_payload()
    {
        using var veth = new VethPair();
        using PacketSocket sender = veth.Open("a", VethPair.TypeA);
        using PacketSocket receiver = veth.Open("b", VethPair.TypeA);
        byte[] payload = VethPair.Payload(100, 7);

        Assert.Equal(VethPair.MacA, sender.HardwareAddress);
        Assert.True(sender.IsEthernet);
        sender.Send(VethPair.Ethernet(VethPair.MacB, VethPair.MacA, VethPair.TypeA, payload));
        PacketFrame frame = await receiver.ReceiveFrameAsync(Wait);

        Assert.Equal(VethPair.MacA, frame.Source);
        Assert.Equal(VethPair.MacB, frame.Destination);
        Assert.Equal(VethPair.TypeA, frame.EtherType);
        Assert.Equal(PacketType.Host, frame.PacketType);
        Assert.Equal(receiver.InterfaceIndex, frame.InterfaceIndex);
        Assert.Equal(PacketSocket.EthernetHeaderLength + payload.Length, frame.Length);
        Assert.Equal(payload, frame.Payload.ToArray());
    }

    [RootFact]
    public async Task Datagram_mode_kernel_builds_the_header_and_strips_it_on_receive()
    {
        using var veth = new VethPair();
        using PacketSocket sender = veth.Open("a", VethPair.TypeA, PacketSocketMode.Datagram);
        using PacketSocket datagramReceiver = veth.Open("b", VethPair.TypeA, PacketSocketMode.Datagram);
        using PacketSocket rawReceiver = veth.Open("b", VethPair.TypeA, PacketSocketMode.Raw);
        byte[] payload = VethPair.Payload(64, 1);

        sender.SendTo(payload, VethPair.MacB);

        PacketFrame datagram = await datagramReceiver.ReceiveFrameAsync(Wait);
        Assert.Equal(payload, datagram.Data.ToArray());
        Assert.Equal(payload, datagram.Payload.ToArray());
        Assert.Null(datagram.Destination);
        Assert.Equal(VethPair.MacA, datagram.Source);
        Assert.Equal(VethPair.TypeA, datagram.EtherType);

        // The same frame on a raw socket shows the header the kernel built.
        PacketFrame raw = await rawReceiver.ReceiveFrameAsync(Wait);
        Assert.Equal(VethPair.Ethernet(VethPair.MacB, VethPair.MacA, VethPair.TypeA, payload), raw.Data.ToArray());
    }

    [RootFact]
    public async Task Raw_SendTo_builds_the_ethernet_header_from_the_interface_address()
    {
        using var veth = new VethPair();
        using PacketSocket sender = veth.Open("a", VethPair.TypeA);
        using PacketSocket receiver = veth.Open("b", VethPair.TypeB);
        byte[] payload = VethPair.Payload(20, 3);

        sender.SendTo(payload, VethPair.MacB, VethPair.TypeB);
        PacketFrame frame = await receiver.ReceiveFrameAsync(Wait);

        Assert.Equal(VethPair.Ethernet(VethPair.MacB, VethPair.MacA, VethPair.TypeB, payload), frame.Data.ToArray());
    }

    [RootTheory]
    [InlineData("FF-FF-FF-FF-FF-FF", PacketType.Broadcast)]
    [InlineData("01-00-5E-00-00-01", PacketType.Multicast)]
    [InlineData("02-00-00-00-00-0B", PacketType.Host)]
    [InlineData("02-00-00-00-00-99", PacketType.OtherHost)]
    public async Task Received_frames_carry_the_packet_type(string destination, PacketType expected)
    {
        using var veth = new VethPair();
        using PacketSocket sender = veth.Open("a", VethPair.TypeA, PacketSocketMode.Datagram);
        using PacketSocket receiver = veth.Open("b", VethPair.TypeA, PacketSocketMode.Datagram);

        sender.SendTo([1, 2, 3, 4], PhysicalAddress.Parse(destination));
        PacketReceiveResult result = await receiver.ReceiveAsync(new byte[1600], Wait);

        Assert.Equal(expected, result.PacketType);
        Assert.Equal(VethPair.MacA, result.Source);
    }

    [RootFact]
    public async Task A_small_buffer_reports_truncation_and_the_real_length()
    {
        using var veth = new VethPair();
        using PacketSocket sender = veth.Open("a", VethPair.TypeA);
        using PacketSocket receiver = veth.Open("b", VethPair.TypeA);
        byte[] frame = VethPair.Ethernet(VethPair.MacB, VethPair.MacA, VethPair.TypeA, VethPair.Payload(100, 9));

        sender.Send(frame);
        sender.Send(frame);
        var small = new byte[16];
        PacketReceiveResult truncated = await receiver.ReceiveAsync(small, Wait);
        var exact = new byte[frame.Length];
        PacketReceiveResult whole = await receiver.ReceiveAsync(exact, Wait);

        Assert.True(truncated.Truncated);
        Assert.Equal(frame.Length, truncated.Length);
        Assert.Equal(16, truncated.BytesReceived);
        Assert.Equal(frame.AsSpan(0, 16).ToArray(), small);
        Assert.False(whole.Truncated);
        Assert.Equal(frame, exact);
    }

    [RootFact]
    public async Task Open_by_index_resolves_the_name_inside_the_socket_namespace()
    {
        using var veth = new VethPair();
        using PacketSocket byName = veth.Open("b", VethPair.TypeA);
        using PacketSocket byIndex = PacketSocket.Open(byName.InterfaceIndex, VethPair.TypeA, new PacketSocketOptions { Namespace = veth.Namespace });
        using PacketSocket sender = veth.Open("a", VethPair.TypeA);

        Assert.Equal("b", byIndex.InterfaceName);
        Assert.Equal(VethPair.MacB, byIndex.HardwareAddress);
        sender.Send(VethPair.Ethernet(VethPair.MacB, VethPair.MacA, VethPair.TypeA, [42]));
        PacketFrame frame = await byIndex.ReceiveFrameAsync(Wait);
        Assert.Equal(42, frame.Payload.Span[0]);
    }
}
