using Netlink.Packet;
using Xunit;
using static Netlink.Packet.BpfOpcode;

namespace Netlink.Core.Tests.Bpf;

/// <summary>
/// The verifier against the kernel: every program it refuses, the kernel refuses too (EINVAL from a
/// raw SO_ATTACH_FILTER), every program it accepts, the kernel accepts, and its message names the
/// instruction. The attach paths run it before anything reaches the kernel.
/// </summary>
public sealed class BpfVerifierTests
{
    private const uint Ancillary = AncillaryOffset;

    public static TheoryData<string, BpfInstruction[], int?, string> RefusedPrograms() => new()
    {
        { "empty", [], null, "empty" },
        { "4,097 instructions", Enumerable.Repeat(Return(0), 4097).ToArray(), null, "at most 4096" },
        { "unknown opcode", [Ldh(12), new(0xff, 0, 0, 0), Return(0)], 1, "opcode 0xff" },
        { "load of a half word immediate", [new(Ld | H | Imm, 0, 0, 1), Return(0)], 0, "opcode 0x08" },
        { "return X", [new(Ret | X, 0, 0, 0)], 0, "opcode 0x0e" },
        { "neg with an operand source bit", [new(Alu | Neg | X, 0, 0, 0), ReturnA()], 0, "opcode 0x8c" },
        { "alu opcode above xor", [new(Alu | 0xb0, 0, 0, 1), ReturnA()], 0, "opcode 0xb4" },
        { "division by constant 0", [LdImm(7), Stmt(Alu | Div | K, 0), ReturnA()], 1, "division by the constant 0" },
        { "modulo by constant 0", [LdImm(7), Stmt(Alu | Mod | K, 0), ReturnA()], 1, "modulo by the constant 0" },
        { "shift left by 32", [LdImm(7), Stmt(Alu | Lsh | K, 32), ReturnA()], 1, "shift by 32" },
        { "shift right by 40", [LdImm(7), Stmt(Alu | Rsh | K, 40), ReturnA()], 1, "shift by 40" },
        { "store to M[16]", [LdImm(7), Stmt(St, 16), ReturnA()], 1, "M[16] does not exist" },
        { "load from M[20]", [Stmt(Ldx | Mem, 20), ReturnA()], 0, "M[20] does not exist" },
        { "ja past the end", [Stmt(Jmp | Ja, 1), Return(0)], 0, "past the end of the 2-instruction program" },
        { "jeq true branch past the end", [Ldh(12), JumpIfEqual(0x800, 5, 0), Return(0)], 1, "true branch (jt 5)" },
        { "jgt false branch past the end", [Ldh(12), new(Jmp | Jgt | K, 0, 1, 0x800), Return(0)], 1, "false branch (jf 1)" },
        { "no final return", [LdImm(1)], 0, "last instruction must return" },
        { "an instruction after the return", [Return(0), LdImm(1)], 1, "last instruction must return" },
        { "unknown ancillary field 64", [Stmt(Ld | W | Abs, Ancillary + 64), ReturnA()], 0, "ancillary field 64" },
        { "ancillary field between two known ones", [Stmt(Ld | B | Abs, Ancillary + 2), ReturnA()], 0, "ancillary field 2" },
        { "load from a slot never written", [Stmt(Ld | Mem, 3), ReturnA()], 0, "M[3]" },
        { "slot written on one path only", [Ldh(12), JumpIfEqual(1, 0, 1), Stmt(St, 0), Stmt(Ld | Mem, 0), ReturnA()], 3, "M[0]" },
        { "slot read after a return (the kernel does not look at reachability)", [Return(0), Stmt(Ld | Mem, 0), ReturnA()], 1, "M[0]" },
    };

    public static TheoryData<string, BpfInstruction[]> AcceptedPrograms() => new()
    {
        { "accept all", [Return(uint.MaxValue)] },
        { "ret a", [Ldh(12), ReturnA()] },
        { "store then load on every path", [Ldh(12), Stmt(St, 15), JumpIfEqual(1, 1, 0), Stmt(Stx, 15), Stmt(Ld | Mem, 15), ReturnA()] },
        { "jump to the last instruction", [Ldh(12), JumpIfEqual(1, 1, 1), Return(1), Return(0)] },
        { "ja to the last instruction", [Stmt(Jmp | Ja, 1), Return(1), Return(0)] },
        { "every ALU operation", [LdImm(9), Stmt(Ldx | Imm, 3), Stmt(Alu | Add | K, 1), Stmt(Alu | Sub | X, 0), Stmt(Alu | Mul | K, 3), Stmt(Alu | Div | X, 0), Stmt(Alu | Mod | K, 7), Stmt(Alu | And | K, 0xff), Stmt(Alu | Or | X, 0), Stmt(Alu | Xor | K, 5), Stmt(Alu | Lsh | K, 31), Stmt(Alu | Rsh | X, 0), Stmt(Alu | Neg, 0), ReturnA()] },
        { "every load and misc", [Stmt(Ld | W | Len, 0), Stmt(Ldx | W | Len, 0), Stmt(Ldx | B | Msh, 14), Stmt(Ld | B | Ind, 0), Stmt(Ld | H | Ind, 0), Stmt(Ld | W | Ind, 0), Stmt(Misc | Tax, 0), Stmt(Misc | Txa, 0), Stmt(Ld | W | Abs, Ancillary + 60), Stmt(Ld | H | Abs, NetworkOffset + 9), Stmt(Ld | B | Abs, LinkLayerOffset), ReturnA()] },
        { "4,096 instructions", [.. Enumerable.Repeat(LdImm(1), 4095), ReturnA()] },
        { "builder: ethertype", new BpfFilterBuilder().EtherType(EtherTypes.IPv4).Build() },
        { "builder: vlan, protocol, packet type", new BpfFilterBuilder().Vlan(10).IPv4Protocol(17).PacketType(PacketType.Broadcast).Build() },
    };

    [Theory]
    [MemberData(nameof(RefusedPrograms))]
    public void A_program_the_kernel_refuses_is_refused_first_naming_the_instruction(string what, BpfInstruction[] program, int? index, string reason)
    {
        var error = Assert.Throws<BpfProgramException>(() => BpfVerifier.Verify(program));
        Assert.Equal(index, error.InstructionIndex);
        Assert.Contains(reason, error.Message);
        Assert.Equal("program", error.ParamName);
        Assert.StartsWith(index is int i ? $"BPF instruction {i}: " : "BPF program: ", error.Message);

        using var kernel = new KernelFilterCheck();
        Assert.True(kernel.Attach(program) == Errno.EINVAL, $"the kernel accepted '{what}'");
    }

    [Theory]
    [MemberData(nameof(AcceptedPrograms))]
    public void A_program_the_kernel_accepts_passes(string what, BpfInstruction[] program)
    {
        Assert.True(BpfVerifier.IsValid(program, out int? index, out string? reason), $"'{what}' refused at {index}: {reason}");
        using var kernel = new KernelFilterCheck();
        Assert.True(kernel.Attach(program) == 0, $"the kernel refused '{what}'");
    }

    /// <summary>
    /// 20,000 random programs (mostly known opcodes with small operands, some random bits, jumps
    /// near the end, usually a final return): the verifier and the kernel agree on every one.
    /// </summary>
    [Fact]
    public void The_verifier_and_the_kernel_agree_on_random_programs()
    {
        var random = new Random(20240521);
        using var kernel = new KernelFilterCheck();
        int accepted = 0;
        for (int n = 0; n < 20_000; n++)
        {
            BpfInstruction[] program = RandomProgram(random);
            bool valid = BpfVerifier.IsValid(program, out int? index, out string? reason);
            int errno = kernel.Attach(program);
            Assert.True(valid == (errno == 0), $"program {n} [{string.Join(", ", program)}]: verifier {(valid ? "accepts" : $"refuses at {index}: {reason}")}, kernel errno {errno}");
            accepted += valid ? 1 : 0;
        }

        // Both verdicts are well represented, or the comparison would prove little.
        Assert.InRange(accepted, 2_000, 18_000);
    }

    [Fact]
    public void Attaching_to_a_netlink_socket_is_checked_before_the_kernel_sees_it()
    {
        using NetlinkSocket socket = NetlinkSocket.Open(NetlinkProtocol.Route);
        var error = Assert.Throws<BpfProgramException>(() => socket.AttachFilter([LdImm(1), Stmt(Alu | Div | K, 0), ReturnA()]));
        Assert.Equal(1, error.InstructionIndex);
        Assert.Equal("program", error.ParamName);

        Assert.Throws<BpfProgramException>(() => socket.AttachFilter(Enumerable.Repeat(Return(0), 4097).ToArray()));
        socket.AttachFilter([Return(uint.MaxValue)]);
    }

    [Fact]
    public void A_packet_socket_filter_is_checked_before_the_socket_is_created()
    {
        // No such interface: the filter is refused first, so nothing else is even tried.
        var error = Assert.Throws<BpfProgramException>(() => PacketSocket.Open("nosuchif0", EtherTypes.LocalExperimental1, new PacketSocketOptions
        {
            Filter = new BpfInstruction[] { Ldh(12), JumpIfEqual(0x88b5, 9, 0), Return(0) },
        }));
        Assert.Equal(1, error.InstructionIndex);
        Assert.Equal("options", error.ParamName);
        Assert.Contains("true branch (jt 9)", error.Message);
    }

    private static BpfInstruction[] RandomProgram(Random random)
    {
        ushort[] known =
        [
            Ld | W | Abs, Ld | H | Abs, Ld | B | Abs, Ld | W | Ind, Ld | H | Ind, Ld | B | Ind, Ld | W | Len, Ld | Imm, Ld | Mem,
            Ldx | W | Len, Ldx | B | Msh, Ldx | Imm, Ldx | Mem, St, Stx, Misc | Tax, Misc | Txa,
            Alu | Add | K, Alu | Sub | X, Alu | Mul | K, Alu | Div | K, Alu | Div | X, Alu | Mod | K, Alu | And | X, Alu | Or | K,
            Alu | Xor | K, Alu | Lsh | K, Alu | Rsh | K, Alu | Neg,
            Jmp | Ja, Jmp | Jeq | K, Jmp | Jgt | X, Jmp | Jge | K, Jmp | Jset | K,
        ];
        int length = random.Next(1, 9);
        var program = new BpfInstruction[length];
        for (int i = 0; i < length; i++)
        {
            ushort code = random.Next(20) == 0 ? (ushort)random.Next(0x100) : known[random.Next(known.Length)];
            uint k = random.Next(6) switch
            {
                0 => (uint)random.Next(40),
                1 => Ancillary + (uint)random.Next(70),
                2 => (uint)random.Next(3),
                _ => (uint)random.Next(18),
            };
            program[i] = new BpfInstruction(code, (byte)random.Next(length), (byte)random.Next(length), k);
        }

        if (random.Next(10) != 0)
        {
            program[^1] = random.Next(2) == 0 ? Return((uint)random.Next(100)) : ReturnA();
        }

        return program;
    }

    private static BpfInstruction Stmt(ushort code, uint k) => BpfInstruction.Statement(code, k);

    private static BpfInstruction LdImm(uint k) => Stmt(Ld | Imm, k);

    private static BpfInstruction Ldh(uint offset) => Stmt(Ld | H | Abs, offset);

    private static BpfInstruction JumpIfEqual(uint k, byte jt, byte jf) => BpfInstruction.Jump(Jmp | Jeq | K, k, jt, jf);

    private static BpfInstruction Return(uint k) => Stmt(Ret | K, k);

    private static BpfInstruction ReturnA() => Stmt(Ret | A, 0);
}
