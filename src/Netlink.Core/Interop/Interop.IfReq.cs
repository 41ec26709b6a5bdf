using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>
        /// <c>struct ifreq</c> (40 bytes on 64-bit Linux: a 16-byte name and a 24-byte union). Only the
        /// int members of the union are used here (ifr_ifindex, ifr_mtu, ifr_flags as a short), all at offset 16.
        /// </summary>
        [StructLayout(LayoutKind.Explicit, Size = 40)]
        internal unsafe struct IfReq
        {
            [FieldOffset(0)]
            internal fixed byte Name[IFNAMSIZ];

            [FieldOffset(16)]
            internal int Value;

            [FieldOffset(16)]
            internal short Flags;
        }
    }
}
