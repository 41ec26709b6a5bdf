using System.Buffers.Binary;
using Netlink.Packet;
using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Packet;

[Trait("Category", "Packet")]
public sealed class PacketFilterTests
{
    /// <summary>How long to wait for a frame that must arrive: generous, since a loaded CI box delays wake-ups; a passing test never waits it out.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// B frames flood the link before and while sockets for every protocol with an "A only"
    /// filter are opened; a socket that was hooked up before its filter (socket(ETH_P_ALL) then
    /// attach) would queue some B frames. The unfiltered control socket proves B traffic flows.
    /// </summary>
    [RootFact]
    public async Task A_filter_for_one_ethertype_never_delivers_another_even_under_traffic_before_open()
    {
        using var veth = new VethPair();
        using PacketSocket sender = veth.Open("a", VethPair.TypeB, PacketSocketMode.Datagram);
        BpfInstruction[] onlyA = new BpfFilterBuilder().EtherType(VethPair.TypeA).Build();
        using var stop = new CancellationTokenSource();
        Task flood = Task.Run(() =>
        {
            for (long n = 0; !stop.IsCancellationRequested; n++)
            {
                // Mostly B, and every 16th frame A so the filtered sockets have something to receive.
                ushort type = n % 16 == 15 ? VethPair.TypeA : VethPair.TypeB;
                sender.SendTo([(byte)n], VethPair.MacB, type);
                if (n % 64 == 0)
                {
                    Thread.Yield();
                }
            }
        });

        try
        {
            using (PacketSocket control = veth.Open("b", EtherTypes.All))
            {
                PacketFrame seen;
                do
                {
                    seen = await control.ReceiveFrameAsync(Wait);
                }
                while (seen.EtherType != VethPair.TypeB);
            }

            for (int round = 0; round < 20; round++)
            {
                using PacketSocket filtered = veth.Open("b", EtherTypes.All, PacketSocketMode.Raw, onlyA);
                for (int i = 0; i < 3; i++)
                {
                    PacketFrame frame = await filtered.ReceiveFrameAsync(Wait);
                    Assert.Equal(VethPair.TypeA, frame.EtherType);
                    Assert.Equal(VethPair.TypeA, BinaryPrimitives.ReadUInt16BigEndian(frame.Data.Span[12..]));
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await flood;
        }
    }

    [RootFact]
    public async Task Hand_written_raw_instructions_filter_in_raw_mode()
    {
        using var veth = new VethPair();
        using PacketSocket sender = veth.Open("a", VethPair.TypeA);

        // ldh [12]; jeq #0x88b6, accept, drop; ret #-1; ret #0
        BpfInstruction[] onlyB =
        [
            BpfInstruction.Statement(BpfOpcode.Ld | BpfOpcode.H | BpfOpcode.Abs, 12),
            BpfInstruction.Jump(BpfOpcode.Jmp | BpfOpcode.Jeq | BpfOpcode.K, VethPair.TypeB, 0, 1),
            BpfInstruction.Statement(BpfOpcode.Ret | BpfOpcode.K, uint.MaxValue),
            BpfInstruction.Statement(BpfOpcode.Ret | BpfOpcode.K, 0),
        ];
        using PacketSocket receiver = veth.Open("b", EtherTypes.All, PacketSocketMode.Raw, onlyB);

        sender.SendTo([1], VethPair.MacB, VethPair.TypeA);
        sender.SendTo([2], VethPair.MacB, VethPair.TypeB);
        PacketFrame frame = await receiver.ReceiveFrameAsync(Wait);

        Assert.Equal(VethPair.TypeB, frame.EtherType);
        Assert.Equal(2, frame.Payload.Span[0]);
    }

    [RootTheory]
    [InlineData(PacketSocketMode.Raw)]
    [InlineData(PacketSocketMode.Datagram)]
    public async Task IPv4_protocol_filter_works_in_both_modes(PacketSocketMode mode)
    {
        using var veth = new VethPair();
        using PacketSocket sender = veth.Open("a", EtherTypes.IPv4);
        using PacketSocket receiver = veth.Open("b", EtherTypes.IPv4, mode, new BpfFilterBuilder().IPv4Protocol(17).Build());

        sender.SendTo(IPv4Header(protocol: 6, marker: 1), VethPair.MacB);
        sender.SendTo(IPv4Header(protocol: 17, marker: 2), VethPair.MacB);
        PacketFrame frame = await receiver.ReceiveFrameAsync(Wait);

        ReadOnlySpan<byte> ip = frame.Payload.Span;
        Assert.Equal(17, ip[9]);
        Assert.Equal(2, ip[20]);
    }

    [RootFact]
    public async Task Vlan_filter_matches_the_tag_the_kernel_took_off()
    {
        using var veth = new VethPair();
        using PacketSocket sender = veth.Open("a", VethPair.TypeA);
        using PacketSocket receiver = veth.Open("b", EtherTypes.All, PacketSocketMode.Raw, new BpfFilterBuilder().Vlan(10).EtherType(VethPair.TypeA).Build());

        sender.Send(Tagged(vlanId: 20, marker: 1));
        sender.Send(VethPair.Ethernet(VethPair.MacB, VethPair.MacA, VethPair.TypeA, [2]));
        sender.Send(Tagged(vlanId: 10, marker: 3));
        PacketFrame frame = await receiver.ReceiveFrameAsync(Wait);

        // Linux strips the tag on receive: the frame shows the inner EtherType.
        Assert.Equal(VethPair.TypeA, frame.EtherType);
        Assert.Equal(3, frame.Payload.Span[^1]);
    }

    [Fact]
    public void Builder_produces_the_expected_program()
    {
        BpfInstruction[] program = new BpfFilterBuilder().EtherType(0x88B5).Build();

        Assert.Equal(
            [
                new BpfInstruction(0x20, 0, 0, 0xfffff000),
                new BpfInstruction(0x15, 0, 1, 0x88B5),
                new BpfInstruction(0x06, 0, 0, uint.MaxValue),
                new BpfInstruction(0x06, 0, 0, 0),
            ],
            program);
        Assert.Equal([new BpfInstruction(0x06, 0, 0, uint.MaxValue), new BpfInstruction(0x06, 0, 0, 0)], new BpfFilterBuilder().Build());
    }

    [Fact]
    public void EtherTypes_below_0x0600_are_rejected_with_the_parameter_name()
    {
        var open = Assert.Throws<ArgumentOutOfRangeException>(() => PacketSocket.Open("lo", 0x05DC));
        Assert.Equal("etherType", open.ParamName);
        var filter = Assert.Throws<ArgumentOutOfRangeException>(() => new BpfFilterBuilder().EtherType(EtherTypes.All));
        Assert.Equal("etherType", filter.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BpfFilterBuilder().Vlan(4096));
        Assert.Throws<ArgumentException>(() => PacketSocket.Open("name-longer-than-15", EtherTypes.IPv4));
    }

    private static byte[] IPv4Header(byte protocol, byte marker)
    {
        var packet = new byte[21];
        packet[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        packet[8] = 64;
        packet[9] = protocol;
        packet[20] = marker;
        return packet;
    }

    private static byte[] Tagged(ushort vlanId, byte marker)
    {
        var inner = new byte[6];
        BinaryPrimitives.WriteUInt16BigEndian(inner, vlanId);
        BinaryPrimitives.WriteUInt16BigEndian(inner.AsSpan(2), VethPair.TypeA);
        inner[^1] = marker;
        return VethPair.Ethernet(VethPair.MacB, VethPair.MacA, EtherTypes.Vlan, inner);
    }
}
