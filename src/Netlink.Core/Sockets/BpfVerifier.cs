using Netlink.Packet;

namespace Netlink;

/// <summary>
/// Checks a classic BPF socket filter the way the kernel does before it accepts one
/// (bpf_check_classic in net/core/filter.c), so a bad program is an
/// <see cref="BpfProgramException"/> naming the instruction instead of a bare
/// <c>SO_ATTACH_FILTER EINVAL</c>. Every attach path of the library runs it first
/// (<see cref="NetlinkSocket.AttachFilter"/>, <see cref="PacketSocket"/> filters and
/// <see cref="BpfFilterBuilder.Build"/>).
/// </summary>
/// <remarks>
/// The rules: 1 to <see cref="MaxInstructions"/> instructions; only the opcodes the kernel knows
/// for socket filters; no division or modulo by the constant 0; constant shifts below 32;
/// scratch memory slots M[0..15] only, and no slot read before it is written on every path that
/// reaches the read; jumps inside the program (all jumps go forward); ancillary loads only of
/// fields the kernel knows; the last instruction returns.
/// </remarks>
public static class BpfVerifier
{
    /// <summary>The longest program the kernel accepts (BPF_MAXINSNS).</summary>
    public const int MaxInstructions = 4096;

    /// <summary>The number of scratch memory slots M[] (BPF_MEMWORDS).</summary>
    public const int MemoryWords = 16;

    /// <summary>One past the last ancillary field the kernel knows (SKF_AD_MAX).</summary>
    private const uint AncillaryFieldsEnd = 64;

    /// <summary>Throws <see cref="BpfProgramException"/> unless the kernel would accept <paramref name="program"/>.</summary>
    /// <param name="program">The instructions.</param>
    /// <param name="parameterName">Named in the exception (the caller's parameter).</param>
    /// <exception cref="BpfProgramException">The first problem found, naming the instruction.</exception>
    public static void Verify(ReadOnlySpan<BpfInstruction> program, string? parameterName = "program")
    {
        if (FindProblem(program, out int? index) is { } reason)
        {
            throw new BpfProgramException(index, reason, parameterName);
        }
    }

    /// <summary>True if the kernel would accept <paramref name="program"/>; otherwise the first problem.</summary>
    /// <param name="program">The instructions.</param>
    /// <param name="instructionIndex">The offending instruction, or null for a program-wide problem (or none).</param>
    /// <param name="reason">What is wrong, or null.</param>
    public static bool IsValid(ReadOnlySpan<BpfInstruction> program, out int? instructionIndex, out string? reason)
    {
        reason = FindProblem(program, out instructionIndex);
        return reason is null;
    }

    private static string? FindProblem(ReadOnlySpan<BpfInstruction> program, out int? index)
    {
        index = null;
        if (program.IsEmpty)
        {
            return "the program is empty; it needs at least a return instruction";
        }

        if (program.Length > MaxInstructions)
        {
            return $"the program has {program.Length} instructions; the kernel accepts at most {MaxInstructions} (BPF_MAXINSNS)";
        }

        for (int pc = 0; pc < program.Length; pc++)
        {
            if (CheckInstruction(program[pc], pc, program.Length) is { } problem)
            {
                index = pc;
                return $"{program[pc]}: {problem}";
            }
        }

        int last = program.Length - 1;
        if (program[last].Code is not (BpfOpcode.Ret | BpfOpcode.K) and not (BpfOpcode.Ret | BpfOpcode.A))
        {
            index = last;
            return $"{program[last]}: the last instruction must return (ret #k or ret a), so that no path runs off the end";
        }

        return FindUnwrittenMemoryRead(program, out index);
    }

    /// <summary>The checks that concern one instruction alone, or null when it is fine.</summary>
    private static string? CheckInstruction(BpfInstruction instruction, int pc, int length)
    {
        ushort code = instruction.Code;
        uint k = instruction.K;
        if (!IsKnownOpcode(code))
        {
            return $"opcode 0x{code:x2} is not a classic BPF instruction the kernel accepts for socket filters";
        }

        switch (code)
        {
            case BpfOpcode.Alu | BpfOpcode.Div | BpfOpcode.K when k == 0:
                return "division by the constant 0";
            case BpfOpcode.Alu | BpfOpcode.Mod | BpfOpcode.K when k == 0:
                return "modulo by the constant 0";
            case BpfOpcode.Alu | BpfOpcode.Lsh | BpfOpcode.K or BpfOpcode.Alu | BpfOpcode.Rsh | BpfOpcode.K when k >= 32:
                return $"shift by {k}; constant shifts must be below 32";
            case BpfOpcode.Ld | BpfOpcode.Mem or BpfOpcode.Ldx | BpfOpcode.Mem or BpfOpcode.St or BpfOpcode.Stx when k >= MemoryWords:
                return $"scratch memory slot M[{k}] does not exist (M[0] to M[{MemoryWords - 1}])";
            case BpfOpcode.Jmp | BpfOpcode.Ja:
                // The target is pc + 1 + k; it must be an instruction of the program.
                return k >= (uint)(length - pc - 1)
                    ? $"jump by {k} lands past the end of the {length}-instruction program"
                    : null;
            case BpfOpcode.Ld | BpfOpcode.W | BpfOpcode.Abs or BpfOpcode.Ld | BpfOpcode.H | BpfOpcode.Abs or BpfOpcode.Ld | BpfOpcode.B | BpfOpcode.Abs:
                return k >= BpfOpcode.AncillaryOffset && !IsKnownAncillaryField(k - BpfOpcode.AncillaryOffset)
                    ? $"ancillary field {k - BpfOpcode.AncillaryOffset} (SKF_AD_OFF + {k - BpfOpcode.AncillaryOffset}) is not one the kernel knows"
                    : null;
        }

        if (IsConditionalJump(code))
        {
            if (pc + instruction.Jt + 1 >= length)
            {
                return $"the true branch (jt {instruction.Jt}) lands past the end of the {length}-instruction program";
            }

            if (pc + instruction.Jf + 1 >= length)
            {
                return $"the false branch (jf {instruction.Jf}) lands past the end of the {length}-instruction program";
            }
        }

        return null;
    }

    /// <summary>
    /// Rejects a read of a scratch slot that some path reaches without writing it first, with the
    /// kernel's own (conservative) view of control flow: every instruction other than a jump is
    /// taken to fall through to the next one, a return included.
    /// </summary>
    private static string? FindUnwrittenMemoryRead(ReadOnlySpan<BpfInstruction> program, out int? index)
    {
        index = null;

        // writtenOnJumpsInto[pc]: the slots written on every jump that lands on pc (all, if none does).
        Span<ushort> writtenOnJumpsInto = stackalloc ushort[program.Length];
        writtenOnJumpsInto.Fill(ushort.MaxValue);
        ushort written = 0;
        for (int pc = 0; pc < program.Length; pc++)
        {
            BpfInstruction instruction = program[pc];
            written &= writtenOnJumpsInto[pc];
            switch (instruction.Code)
            {
                case BpfOpcode.St or BpfOpcode.Stx:
                    written |= (ushort)(1 << (int)instruction.K);
                    break;
                case BpfOpcode.Ld | BpfOpcode.Mem or BpfOpcode.Ldx | BpfOpcode.Mem:
                    if ((written & (1 << (int)instruction.K)) == 0)
                    {
                        index = pc;
                        return $"{instruction}: reads scratch slot M[{instruction.K}], which some path reaches without writing it first";
                    }

                    break;
                case BpfOpcode.Jmp | BpfOpcode.Ja:
                    writtenOnJumpsInto[pc + 1 + (int)instruction.K] &= written;
                    written = ushort.MaxValue;
                    break;
                default:
                    if (IsConditionalJump(instruction.Code))
                    {
                        writtenOnJumpsInto[pc + 1 + instruction.Jt] &= written;
                        writtenOnJumpsInto[pc + 1 + instruction.Jf] &= written;
                        written = ushort.MaxValue;
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>jeq, jgt, jge or jset, against K or X.</summary>
    private static bool IsConditionalJump(ushort code)
    {
        int operation = code & 0xf0;
        return (code & ~0xf8) == BpfOpcode.Jmp && operation >= BpfOpcode.Jeq && operation <= BpfOpcode.Jset;
    }

    /// <summary>The ancillary fields (SKF_AD_PROTOCOL = 0 to SKF_AD_VLAN_TPID = 60, every 4 bytes).</summary>
    private static bool IsKnownAncillaryField(uint field) => field < AncillaryFieldsEnd && field % 4 == 0;

    /// <summary>The opcodes the kernel accepts in a socket filter (each exact: unused bits must be 0).</summary>
    private static bool IsKnownOpcode(ushort code)
    {
        if ((code & 0x07) == BpfOpcode.Alu)
        {
            // Every operation up to xor with a K or X source, and neg (which has no source).
            int operation = code & 0xf0;
            return operation == BpfOpcode.Neg
                ? code == (BpfOpcode.Alu | BpfOpcode.Neg)
                : operation <= BpfOpcode.Xor && (code & ~0xf8) == BpfOpcode.Alu;
        }

        switch (code)
        {
            case BpfOpcode.Ld | BpfOpcode.W | BpfOpcode.Abs:
            case BpfOpcode.Ld | BpfOpcode.H | BpfOpcode.Abs:
            case BpfOpcode.Ld | BpfOpcode.B | BpfOpcode.Abs:
            case BpfOpcode.Ld | BpfOpcode.W | BpfOpcode.Ind:
            case BpfOpcode.Ld | BpfOpcode.H | BpfOpcode.Ind:
            case BpfOpcode.Ld | BpfOpcode.B | BpfOpcode.Ind:
            case BpfOpcode.Ld | BpfOpcode.W | BpfOpcode.Len:
            case BpfOpcode.Ld | BpfOpcode.Imm:
            case BpfOpcode.Ld | BpfOpcode.Mem:
            case BpfOpcode.Ldx | BpfOpcode.W | BpfOpcode.Len:
            case BpfOpcode.Ldx | BpfOpcode.B | BpfOpcode.Msh:
            case BpfOpcode.Ldx | BpfOpcode.Imm:
            case BpfOpcode.Ldx | BpfOpcode.Mem:
            case BpfOpcode.St:
            case BpfOpcode.Stx:
            case BpfOpcode.Misc | BpfOpcode.Tax:
            case BpfOpcode.Misc | BpfOpcode.Txa:
            case BpfOpcode.Ret | BpfOpcode.K:
            case BpfOpcode.Ret | BpfOpcode.A:
            case BpfOpcode.Jmp | BpfOpcode.Ja:
                return true;
            default:
                return IsConditionalJump(code);
        }
    }
}
