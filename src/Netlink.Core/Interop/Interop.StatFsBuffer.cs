using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>
        /// <c>struct statfs</c> on 64-bit Linux (120 bytes on x86-64 and arm64); only f_type, its
        /// first field (a long), is read.
        /// </summary>
        [StructLayout(LayoutKind.Explicit, Size = 120)]
        internal struct StatFsBuffer
        {
            [FieldOffset(0)]
            internal long Type;
        }
    }
}
