namespace Netlink.Diag;

/// <summary>The type of a UNIX socket (udiag_type).</summary>
public enum UnixSocketType : byte
{
    /// <summary>Not reported.</summary>
    Unknown = 0,

    /// <summary>SOCK_STREAM (ss: u_str).</summary>
    Stream = 1,

    /// <summary>SOCK_DGRAM (ss: u_dgr).</summary>
    Datagram = 2,

    /// <summary>SOCK_SEQPACKET (ss: u_seq).</summary>
    SeqPacket = 5,
}
