using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary><c>struct statx</c> (256 bytes, the same layout on every architecture); only the fields read here are named.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 256)]
        internal struct StatxBuffer
        {
            [FieldOffset(0)]
            internal uint Mask;

            [FieldOffset(28)]
            internal ushort Mode;

            [FieldOffset(32)]
            internal ulong Inode;

            [FieldOffset(136)]
            internal uint DeviceMajor;

            [FieldOffset(140)]
            internal uint DeviceMinor;
        }
    }
}
