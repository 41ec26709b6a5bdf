namespace Netlink.Packet;

/// <summary>
/// Builds classic BPF socket filters for the common cases: a frame is accepted only if it meets
/// every condition added (logical AND), otherwise dropped. The conditions use the kernel's
/// ancillary and network-header loads, so one program works in raw and datagram mode.
/// For anything else write <see cref="BpfInstruction"/>s by hand with <see cref="BpfOpcode"/>.
/// </summary>
/// <example>
/// <code>
/// BpfInstruction[] udpOnVlan10 = new BpfFilterBuilder().Vlan(10).IPv4Protocol(17).Build();
/// </code>
/// </example>
public sealed class BpfFilterBuilder
{
    /// <summary>The return value that keeps the whole frame.</summary>
    private const uint AcceptWholeFrame = uint.MaxValue;

    private readonly List<(BpfInstruction Instruction, RejectWhen Reject)> _conditions = [];

    private enum RejectWhen
    {
        Never,
        False,
        True,
    }

    /// <summary>Accept only frames of <paramref name="etherType"/> (skb->protocol: after Linux removed any VLAN tag, the inner type).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="etherType"/> is below 0x0600.</exception>
    public BpfFilterBuilder EtherType(ushort etherType)
    {
        EtherTypes.Validate(etherType, nameof(etherType), allowAll: false);
        LoadAncillary(BpfOpcode.AncillaryProtocol);
        RejectUnlessEqual(etherType);
        return this;
    }

    /// <summary>Accept only frames that carried an 802.1Q tag with VLAN id <paramref name="vlanId"/> (Linux strips the tag on receive and keeps it as metadata).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vlanId"/> is above 4095.</exception>
    public BpfFilterBuilder Vlan(ushort vlanId)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vlanId, (ushort)4095);
        LoadAncillary(BpfOpcode.AncillaryVlanTagPresent);
        _conditions.Add((BpfInstruction.Jump(BpfOpcode.Jmp | BpfOpcode.Jeq | BpfOpcode.K, 0, 0, 0), RejectWhen.True));
        LoadAncillary(BpfOpcode.AncillaryVlanTag);
        _conditions.Add((BpfInstruction.Statement(BpfOpcode.Alu | BpfOpcode.And | BpfOpcode.K, 0x0fff), RejectWhen.Never));
        RejectUnlessEqual(vlanId);
        return this;
    }

    /// <summary>Accept only IPv4 packets whose protocol field (header byte 9) is <paramref name="protocol"/>, e.g. 6 (TCP), 17 (UDP), 1 (ICMP).</summary>
    public BpfFilterBuilder IPv4Protocol(byte protocol)
    {
        EtherType(EtherTypes.IPv4);
        _conditions.Add((BpfInstruction.Statement(BpfOpcode.Ld | BpfOpcode.B | BpfOpcode.Abs, BpfOpcode.NetworkOffset + 9), RejectWhen.Never));
        RejectUnlessEqual(protocol);
        return this;
    }

    /// <summary>Accept only frames of the given <see cref="PacketType"/> (e.g. only broadcasts).</summary>
    public BpfFilterBuilder PacketType(PacketType packetType)
    {
        LoadAncillary(BpfOpcode.AncillaryPacketType);
        RejectUnlessEqual((byte)packetType);
        return this;
    }

    /// <summary>The program: the conditions in order, then accept (whole frame) and reject. With no conditions it accepts everything.</summary>
    /// <exception cref="InvalidOperationException">The program is too long for 8-bit jump offsets (about 250 instructions).</exception>
    public BpfInstruction[] Build()
    {
        var program = new BpfInstruction[_conditions.Count + 2];
        int reject = program.Length - 1;
        for (int i = 0; i < _conditions.Count; i++)
        {
            (BpfInstruction instruction, RejectWhen when) = _conditions[i];
            if (when != RejectWhen.Never)
            {
                int distance = reject - i - 1;
                if (distance > byte.MaxValue)
                {
                    throw new InvalidOperationException($"the filter has too many conditions: a jump of {distance} does not fit in 8 bits");
                }

                if (when == RejectWhen.True)
                {
                    instruction.Jt = (byte)distance;
                }
                else
                {
                    instruction.Jf = (byte)distance;
                }
            }

            program[i] = instruction;
        }

        program[reject - 1] = BpfInstruction.Statement(BpfOpcode.Ret | BpfOpcode.K, AcceptWholeFrame);
        program[reject] = BpfInstruction.Statement(BpfOpcode.Ret | BpfOpcode.K, 0);

        // The same check every attach path makes: a program built here is one the kernel accepts.
        BpfVerifier.Verify(program, parameterName: null);
        return program;
    }

    private void LoadAncillary(uint field) =>
        _conditions.Add((BpfInstruction.Statement(BpfOpcode.Ld | BpfOpcode.W | BpfOpcode.Abs, BpfOpcode.AncillaryOffset + field), RejectWhen.Never));

    private void RejectUnlessEqual(uint value) =>
        _conditions.Add((BpfInstruction.Jump(BpfOpcode.Jmp | BpfOpcode.Jeq | BpfOpcode.K, value, 0, 0), RejectWhen.False));
}
