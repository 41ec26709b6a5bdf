using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Netlink.Core.Tests.Bpf;

/// <summary>
/// Asks the kernel itself whether it accepts a classic BPF program: SO_ATTACH_FILTER straight on a
/// plain UDP socket, bypassing the library's verifier. Needs no privilege and no namespace.
/// </summary>
internal sealed unsafe class KernelFilterCheck : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    /// <summary>0 if the kernel accepts the program, else its errno.</summary>
    public int Attach(ReadOnlySpan<BpfInstruction> program)
    {
        fixed (BpfInstruction* instructions = program)
        {
            var fprog = new SockFprog { Length = (ushort)program.Length, Filter = instructions };
            return Interop.Libc.SetSockOpt(_socket.SafeHandle, Interop.Libc.SOL_SOCKET, Interop.Libc.SO_ATTACH_FILTER, &fprog, (uint)sizeof(SockFprog)) == 0
                ? 0
                : Marshal.GetLastPInvokeError();
        }
    }

    public void Dispose() => _socket.Dispose();

    [StructLayout(LayoutKind.Sequential)]
    private struct SockFprog
    {
        public ushort Length;
        public BpfInstruction* Filter;
    }
}
