using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Netlink.Encoding;

namespace Netlink.Diag;

/// <summary>
/// A kernel-side filter on inet sockets, compiled to inet_diag bytecode (INET_DIAG_REQ_BYTECODE,
/// the language <c>ss</c> compiles its <c>sport = :80</c> expressions into). Conditions on the
/// source (local) and destination (peer) port and address prefix combine with <c>&amp;</c>,
/// <c>|</c> and <c>!</c>; the kernel runs the program for every socket and only matches come back.
/// </summary>
/// <example>
/// <code>
/// var filter = InetSocketFilter.SourcePort(443) | (InetSocketFilter.DestinationPortAtLeast(1024)
///            &amp; InetSocketFilter.Destination(IPNetwork.Parse("10.0.0.0/8")));
/// </code>
/// </example>
public abstract class InetSocketFilter
{
    // Operation codes (INET_DIAG_BC_*).
    internal const byte OpNop = 0;
    internal const byte OpJump = 1;
    internal const byte OpSourceGe = 2;
    internal const byte OpSourceLe = 3;
    internal const byte OpDestinationGe = 4;
    internal const byte OpDestinationLe = 5;
    internal const byte OpSourceCondition = 7;
    internal const byte OpDestinationCondition = 8;
    internal const byte OpSourceEq = 11;
    internal const byte OpDestinationEq = 12;

    private const int OpSize = 4;

    private protected InetSocketFilter()
    {
    }

    /// <summary>Local port equals <paramref name="port"/> (ss: <c>sport = :PORT</c>).</summary>
    public static InetSocketFilter SourcePort(ushort port) => new PortCondition(OpSourceEq, port);

    /// <summary>Local port is at least <paramref name="port"/> (ss: <c>sport &gt;= :PORT</c>).</summary>
    public static InetSocketFilter SourcePortAtLeast(ushort port) => new PortCondition(OpSourceGe, port);

    /// <summary>Local port is at most <paramref name="port"/> (ss: <c>sport &lt;= :PORT</c>).</summary>
    public static InetSocketFilter SourcePortAtMost(ushort port) => new PortCondition(OpSourceLe, port);

    /// <summary>Peer port equals <paramref name="port"/> (ss: <c>dport = :PORT</c>).</summary>
    public static InetSocketFilter DestinationPort(ushort port) => new PortCondition(OpDestinationEq, port);

    /// <summary>Peer port is at least <paramref name="port"/>.</summary>
    public static InetSocketFilter DestinationPortAtLeast(ushort port) => new PortCondition(OpDestinationGe, port);

    /// <summary>Peer port is at most <paramref name="port"/>.</summary>
    public static InetSocketFilter DestinationPortAtMost(ushort port) => new PortCondition(OpDestinationLe, port);

    /// <summary>
    /// Local address is in <paramref name="prefix"/> (and the local port is <paramref name="port"/> if given).
    /// An IPv4 prefix also matches IPv4-mapped addresses of IPv6 sockets, as in the kernel.
    /// </summary>
    public static InetSocketFilter Source(IPNetwork prefix, ushort? port = null) => new HostCondition(OpSourceCondition, prefix, port);

    /// <summary>Peer address is in <paramref name="prefix"/> (and the peer port is <paramref name="port"/> if given).</summary>
    public static InetSocketFilter Destination(IPNetwork prefix, ushort? port = null) => new HostCondition(OpDestinationCondition, prefix, port);

    /// <summary>Both filters match.</summary>
    public static InetSocketFilter operator &(InetSocketFilter left, InetSocketFilter right) => And(left, right);

    /// <summary>Either filter matches.</summary>
    public static InetSocketFilter operator |(InetSocketFilter left, InetSocketFilter right) => Or(left, right);

    /// <summary>The filter does not match.</summary>
    public static InetSocketFilter operator !(InetSocketFilter filter) => Not(filter);

    /// <summary>Both filters match.</summary>
    public static InetSocketFilter And(InetSocketFilter left, InetSocketFilter right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new AndFilter(left, right);
    }

    /// <summary>Either filter matches.</summary>
    public static InetSocketFilter Or(InetSocketFilter left, InetSocketFilter right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new OrFilter(left, right);
    }

    /// <summary>The filter does not match.</summary>
    public static InetSocketFilter Not(InetSocketFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new NotFilter(filter);
    }

    /// <summary>
    /// Compiles to the bytecode the kernel runs. Every instruction's "yes" offset steps to the next
    /// instruction; "no" offsets jump forward, to the next alternative or past the end (+4),
    /// which rejects. Running off the exact end accepts.
    /// </summary>
    /// <exception cref="InvalidOperationException">The program would exceed the 16-bit jump range.</exception>
    public byte[] Compile()
    {
        int size = Size;
        if (size + OpSize > ushort.MaxValue)
        {
            throw new InvalidOperationException($"the filter compiles to {size} bytes, more than a jump can span");
        }

        var program = new byte[size];
        int end = Emit(program, 0, rejectAt: size + OpSize);
        System.Diagnostics.Debug.Assert(end == size, "size and emitted length agree");
        return program;
    }

    /// <summary>Bytes this filter compiles to.</summary>
    private protected abstract int Size { get; }

    /// <summary>
    /// Writes the code at <paramref name="position"/>: falls through to its end when it matches,
    /// jumps to <paramref name="rejectAt"/> (an absolute offset) when it does not.
    /// </summary>
    /// <returns>The position after the code.</returns>
    private protected abstract int Emit(Span<byte> program, int position, int rejectAt);

    private static void WriteOp(Span<byte> program, int position, byte code, int yes, int no)
    {
        program[position] = code;
        program[position + 1] = checked((byte)yes);
        ushort no16 = checked((ushort)no);
        MemoryMarshal.Write(program[(position + 2)..], in no16);
    }

    private sealed class PortCondition(byte code, ushort port) : InetSocketFilter
    {
        private protected override int Size => 2 * OpSize;

        private protected override int Emit(Span<byte> program, int position, int rejectAt)
        {
            // The compared port sits in the "no" field of a second, never-executed instruction.
            WriteOp(program, position, code, 2 * OpSize, rejectAt - position);
            WriteOp(program, position + OpSize, OpNop, 0, port);
            return position + Size;
        }

        public override string ToString() => $"{code switch { OpSourceEq => "sport ==", OpSourceGe => "sport >=", OpSourceLe => "sport <=", OpDestinationEq => "dport ==", OpDestinationGe => "dport >=", _ => "dport <=" }} {port}";
    }

    private sealed class HostCondition : InetSocketFilter
    {
        private readonly byte _code;
        private readonly IPNetwork _prefix;
        private readonly ushort? _port;

        public HostCondition(byte code, IPNetwork prefix, ushort? port)
        {
            if (prefix.BaseAddress.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            {
                throw new ArgumentException($"{prefix} is not an IPv4 or IPv6 prefix", nameof(prefix));
            }

            _code = code;
            _prefix = prefix;
            _port = port;
        }

        private int AddressLength => _prefix.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 4 : 16;

        // inet_diag_bc_op + struct inet_diag_hostcond { u8 family; u8 prefix_len; int port; __be32 addr[]; }.
        private protected override int Size => OpSize + 8 + AddressLength;

        private protected override int Emit(Span<byte> program, int position, int rejectAt)
        {
            WriteOp(program, position, _code, Size, rejectAt - position);
            Span<byte> condition = program.Slice(position + OpSize, 8 + AddressLength);
            condition[0] = InetAddress.FamilyOf(_prefix.BaseAddress);
            condition[1] = (byte)_prefix.PrefixLength;
            int port = _port is { } p ? p : -1;
            MemoryMarshal.Write(condition[4..], in port);
            InetAddress.Write(_prefix.BaseAddress, condition[8..]);
            return position + Size;
        }

        public override string ToString() => $"{(_code == OpSourceCondition ? "src" : "dst")} {_prefix}{(_port is { } p ? ":" + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}";
    }

    private sealed class AndFilter(InetSocketFilter left, InetSocketFilter right) : InetSocketFilter
    {
        private protected override int Size => left.Size + right.Size;

        private protected override int Emit(Span<byte> program, int position, int rejectAt) =>
            right.Emit(program, left.Emit(program, position, rejectAt), rejectAt);

        public override string ToString() => $"({left} and {right})";
    }

    private sealed class OrFilter(InetSocketFilter left, InetSocketFilter right) : InetSocketFilter
    {
        private protected override int Size => left.Size + OpSize + right.Size;

        private protected override int Emit(Span<byte> program, int position, int rejectAt)
        {
            // left fails -> try right; left matches -> the jump skips right.
            int rightStart = position + left.Size + OpSize;
            int afterLeft = left.Emit(program, position, rejectAt: rightStart);
            int end = rightStart + right.Size;
            WriteOp(program, afterLeft, OpJump, OpSize, end - afterLeft);
            return right.Emit(program, rightStart, rejectAt);
        }

        public override string ToString() => $"({left} or {right})";
    }

    private sealed class NotFilter(InetSocketFilter inner) : InetSocketFilter
    {
        private protected override int Size => inner.Size + OpSize;

        private protected override int Emit(Span<byte> program, int position, int rejectAt)
        {
            // inner fails -> jump past the JMP (a match); inner matches -> the JMP rejects.
            int end = position + Size;
            int afterInner = inner.Emit(program, position, rejectAt: end);
            WriteOp(program, afterInner, OpJump, OpSize, rejectAt - afterInner);
            return end;
        }

        public override string ToString() => $"not {inner}";
    }
}
