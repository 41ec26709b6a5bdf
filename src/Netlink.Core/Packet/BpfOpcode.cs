namespace Netlink.Packet;

/// <summary>
/// Classic BPF opcode parts (linux/filter.h, linux/bpf_common.h) and the kernel's special load
/// offsets, to write <see cref="BpfInstruction"/> programs by hand:
/// <c>BpfInstruction.Statement(BpfOpcode.Ld | BpfOpcode.H | BpfOpcode.Abs, 12)</c> is <c>ldh [12]</c>.
/// </summary>
public static class BpfOpcode
{
    /// <summary>Class: load into A.</summary>
    public const ushort Ld = 0x00;

    /// <summary>Class: load into X.</summary>
    public const ushort Ldx = 0x01;

    /// <summary>Class: store A into scratch memory.</summary>
    public const ushort St = 0x02;

    /// <summary>Class: store X into scratch memory.</summary>
    public const ushort Stx = 0x03;

    /// <summary>Class: arithmetic on A.</summary>
    public const ushort Alu = 0x04;

    /// <summary>Class: jump.</summary>
    public const ushort Jmp = 0x05;

    /// <summary>Class: return (accept that many bytes; 0 drops).</summary>
    public const ushort Ret = 0x06;

    /// <summary>Class: register transfers (with <see cref="Tax"/>/<see cref="Txa"/>).</summary>
    public const ushort Misc = 0x07;

    /// <summary>Size: 32-bit word.</summary>
    public const ushort W = 0x00;

    /// <summary>Size: 16-bit half word.</summary>
    public const ushort H = 0x08;

    /// <summary>Size: byte.</summary>
    public const ushort B = 0x10;

    /// <summary>Mode: immediate constant.</summary>
    public const ushort Imm = 0x00;

    /// <summary>Mode: absolute packet offset.</summary>
    public const ushort Abs = 0x20;

    /// <summary>Mode: packet offset X + k.</summary>
    public const ushort Ind = 0x40;

    /// <summary>Mode: scratch memory slot.</summary>
    public const ushort Mem = 0x60;

    /// <summary>Mode: packet length.</summary>
    public const ushort Len = 0x80;

    /// <summary>Mode: 4 * (packet[k] &amp; 0xf), the IPv4 header length idiom (ldx only).</summary>
    public const ushort Msh = 0xa0;

    /// <summary>ALU op: add.</summary>
    public const ushort Add = 0x00;

    /// <summary>ALU op: subtract.</summary>
    public const ushort Sub = 0x10;

    /// <summary>ALU op: multiply.</summary>
    public const ushort Mul = 0x20;

    /// <summary>ALU op: divide.</summary>
    public const ushort Div = 0x30;

    /// <summary>ALU op: or.</summary>
    public const ushort Or = 0x40;

    /// <summary>ALU op: and.</summary>
    public const ushort And = 0x50;

    /// <summary>ALU op: shift left.</summary>
    public const ushort Lsh = 0x60;

    /// <summary>ALU op: shift right.</summary>
    public const ushort Rsh = 0x70;

    /// <summary>ALU op: negate.</summary>
    public const ushort Neg = 0x80;

    /// <summary>ALU op: modulo.</summary>
    public const ushort Mod = 0x90;

    /// <summary>ALU op: exclusive or.</summary>
    public const ushort Xor = 0xa0;

    /// <summary>Jump: always (by k).</summary>
    public const ushort Ja = 0x00;

    /// <summary>Jump: if A == operand.</summary>
    public const ushort Jeq = 0x10;

    /// <summary>Jump: if A &gt; operand.</summary>
    public const ushort Jgt = 0x20;

    /// <summary>Jump: if A &gt;= operand.</summary>
    public const ushort Jge = 0x30;

    /// <summary>Jump: if A &amp; operand is non-zero.</summary>
    public const ushort Jset = 0x40;

    /// <summary>Operand source: the constant k.</summary>
    public const ushort K = 0x00;

    /// <summary>Operand source: register X.</summary>
    public const ushort X = 0x08;

    /// <summary>Return source: register A.</summary>
    public const ushort A = 0x10;

    /// <summary>Misc: copy A to X.</summary>
    public const ushort Tax = 0x00;

    /// <summary>Misc: copy X to A.</summary>
    public const ushort Txa = 0x80;

    /// <summary>SKF_AD_OFF: base of the ancillary loads (<c>ld [AncillaryOffset + AncillaryProtocol]</c>), as an unsigned k.</summary>
    public const uint AncillaryOffset = unchecked((uint)-0x1000);

    /// <summary>SKF_AD_PROTOCOL: the frame's EtherType (skb->protocol, host order).</summary>
    public const uint AncillaryProtocol = 0;

    /// <summary>SKF_AD_PKTTYPE: the <see cref="PacketType"/>.</summary>
    public const uint AncillaryPacketType = 4;

    /// <summary>SKF_AD_IFINDEX: the receiving interface index.</summary>
    public const uint AncillaryInterfaceIndex = 8;

    /// <summary>SKF_AD_VLAN_TAG: the VLAN TCI the kernel took off the frame (ids are the low 12 bits).</summary>
    public const uint AncillaryVlanTag = 44;

    /// <summary>SKF_AD_VLAN_TAG_PRESENT: 1 if the frame had a VLAN tag (Linux strips it on receive).</summary>
    public const uint AncillaryVlanTagPresent = 48;

    /// <summary>SKF_NET_OFF: absolute loads at NetworkOffset + n read byte n of the network header, in raw and datagram mode alike.</summary>
    public const uint NetworkOffset = unchecked((uint)-0x100000);

    /// <summary>SKF_LL_OFF: absolute loads at LinkLayerOffset + n read byte n of the link-layer header.</summary>
    public const uint LinkLayerOffset = unchecked((uint)-0x200000);
}
