/// <summary>Constants for AF_PACKET sockets and interface ioctls (linux/if_packet.h, linux/sockios.h, linux/if.h).</summary>
internal static partial class Interop
{
    internal static partial class Libc
    {
        // SOL_PACKET options.
        internal const int SOL_PACKET = 263;
        internal const int PACKET_ADD_MEMBERSHIP = 1;
        internal const int PACKET_DROP_MEMBERSHIP = 2;
        internal const int PACKET_STATISTICS = 6;
        internal const ushort PACKET_MR_PROMISC = 1;

        // EtherType meaning "every protocol" (linux/if_ether.h).
        internal const ushort ETH_P_ALL = 0x0003;

        // ARPHRD_* hardware types (linux/if_arp.h) whose link header is Ethernet.
        internal const ushort ARPHRD_ETHER = 1;
        internal const ushort ARPHRD_LOOPBACK = 772;

        // Interface ioctls (linux/sockios.h) and ifreq sizes.
        internal const nuint SIOCGIFNAME = 0x8910;
        internal const nuint SIOCGIFFLAGS = 0x8913;
        internal const nuint SIOCGIFMTU = 0x8921;
        internal const nuint SIOCGIFINDEX = 0x8933;
        internal const int IFNAMSIZ = 16;
        internal const short IFF_UP = 0x1;

        // SOL_SOCKET option for reading (and clearing) the pending socket error.
        internal const int SO_ERROR = 4;

        // errno values packet sockets react to.
        internal const int ENODEV = 19;
        internal const int ENXIO = 6;
        internal const int EMSGSIZE = 90;
        internal const int ENETDOWN = 100;
    }
}
