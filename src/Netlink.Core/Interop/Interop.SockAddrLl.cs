using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary><c>struct sockaddr_ll</c> (20 bytes, linux/if_packet.h). <see cref="Protocol"/> is in network byte order.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct SockAddrLl
        {
            internal ushort Family;
            internal ushort Protocol;
            internal int InterfaceIndex;
            internal ushort HardwareType;
            internal byte PacketType;
            internal byte AddressLength;
            internal fixed byte Address[8];
        }
    }
}
