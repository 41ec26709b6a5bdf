using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>
        /// <c>struct tpacket_stats</c> (PACKET_STATISTICS). The kernel resets both counters on every read,
        /// and <see cref="Packets"/> already includes <see cref="Drops"/>.
        /// </summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct TpacketStats
        {
            internal uint Packets;
            internal uint Drops;
        }
    }
}
