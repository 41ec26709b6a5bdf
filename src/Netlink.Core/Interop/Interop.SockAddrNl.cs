using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary><c>struct sockaddr_nl</c> (12 bytes).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct SockAddrNl
        {
            internal ushort Family;
            internal ushort Pad;
            internal uint PortId;
            internal uint Groups;
        }
    }
}
