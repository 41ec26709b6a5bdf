using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary><c>struct packet_mreq</c> (16 bytes) for PACKET_ADD_MEMBERSHIP / PACKET_DROP_MEMBERSHIP.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct PacketMreq
        {
            internal int InterfaceIndex;
            internal ushort Type;
            internal ushort AddressLength;
            internal fixed byte Address[8];
        }
    }
}
