namespace Netlink.Diag.Iproute2;

/// <summary>UNIX socket types as <c>ss</c> prints them in its Netid column.</summary>
public static class UnixSocketTypeNames
{
    /// <summary>"u_str", "u_dgr", "u_seq", or "unix" for a type ss has no name for.</summary>
    public static string Format(UnixSocketType type) => type switch
    {
        UnixSocketType.Stream => "u_str",
        UnixSocketType.Datagram => "u_dgr",
        UnixSocketType.SeqPacket => "u_seq",
        _ => "unix",
    };
}
