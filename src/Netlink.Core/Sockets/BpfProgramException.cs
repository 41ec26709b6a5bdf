namespace Netlink;

/// <summary>
/// A classic BPF program that the kernel would refuse (SO_ATTACH_FILTER answers a bare EINVAL),
/// found by <see cref="BpfVerifier"/> before anything is attached. The message names the
/// instruction and what is wrong with it.
/// </summary>
public sealed class BpfProgramException : ArgumentException
{
    /// <summary>Creates the error.</summary>
    /// <param name="instructionIndex">The index of the offending instruction, or null when the program as a whole is wrong (empty, too long).</param>
    /// <param name="reason">What is wrong, e.g. <c>division by the constant 0</c>.</param>
    /// <param name="parameterName">The parameter that carried the program.</param>
    public BpfProgramException(int? instructionIndex, string reason, string? parameterName)
        : base(instructionIndex is int index ? $"BPF instruction {index}: {reason}" : $"BPF program: {reason}", parameterName)
    {
        InstructionIndex = instructionIndex;
        Reason = reason;
    }

    /// <summary>The index (from 0) of the offending instruction, or null when the program as a whole is wrong.</summary>
    public int? InstructionIndex { get; }

    /// <summary>What is wrong, without the instruction prefix.</summary>
    public string Reason { get; }
}
