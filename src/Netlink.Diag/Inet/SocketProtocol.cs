namespace Netlink.Diag;

/// <summary>The IP protocol of an inet socket (the sdiag_protocol of a request).</summary>
public enum SocketProtocol : byte
{
    /// <summary>IPPROTO_TCP.</summary>
    Tcp = 6,

    /// <summary>IPPROTO_UDP.</summary>
    Udp = 17,

    /// <summary>IPPROTO_UDPLITE.</summary>
    UdpLite = 136,

    /// <summary>IPPROTO_RAW: raw sockets of every protocol (needs the raw_diag module).</summary>
    Raw = 255,
}
