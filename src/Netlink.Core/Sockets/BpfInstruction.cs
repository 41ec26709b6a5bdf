using System.Runtime.InteropServices;

namespace Netlink;

/// <summary>
/// One classic BPF instruction (<c>struct sock_filter</c>, 8 bytes), for socket filters on
/// netlink and packet sockets.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 8)]
public struct BpfInstruction : IEquatable<BpfInstruction>
{
    /// <summary>Opcode (class | size | mode, or class | op | source).</summary>
    public ushort Code;

    /// <summary>Jump offset if true (conditional jumps).</summary>
    public byte Jt;

    /// <summary>Jump offset if false (conditional jumps).</summary>
    public byte Jf;

    /// <summary>Generic operand: constant, offset, or return value.</summary>
    public uint K;

    /// <summary>Creates an instruction.</summary>
    public BpfInstruction(ushort code, byte jt, byte jf, uint k)
    {
        Code = code;
        Jt = jt;
        Jf = jf;
        K = k;
    }

    /// <summary>A statement without jumps (BPF_STMT).</summary>
    public static BpfInstruction Statement(ushort code, uint k) => new(code, 0, 0, k);

    /// <summary>A conditional jump (BPF_JUMP).</summary>
    public static BpfInstruction Jump(ushort code, uint k, byte jt, byte jf) => new(code, jt, jf, k);

    /// <inheritdoc/>
    public readonly bool Equals(BpfInstruction other) => Code == other.Code && Jt == other.Jt && Jf == other.Jf && K == other.K;

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is BpfInstruction other && Equals(other);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => HashCode.Combine(Code, Jt, Jf, K);

    /// <summary>Compares two instructions.</summary>
    public static bool operator ==(BpfInstruction left, BpfInstruction right) => left.Equals(right);

    /// <summary>Compares two instructions.</summary>
    public static bool operator !=(BpfInstruction left, BpfInstruction right) => !left.Equals(right);

    /// <inheritdoc/>
    public override readonly string ToString() => $"{{ 0x{Code:x2}, {Jt}, {Jf}, 0x{K:x8} }}";
}
