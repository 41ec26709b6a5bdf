using System.Net.Sockets;

namespace Netlink.Diag;

/// <summary>Which inet sockets to list; every filter here runs in the kernel.</summary>
public sealed record SocketQuery
{
    /// <summary>The protocol. Default TCP.</summary>
    public SocketProtocol Protocol { get; init; } = SocketProtocol.Tcp;

    /// <summary>
    /// <see cref="AddressFamily.InterNetwork"/>, <see cref="AddressFamily.InterNetworkV6"/>, or
    /// <see cref="AddressFamily.Unspecified"/> (default) for both (two dumps, IPv4 first).
    /// </summary>
    public AddressFamily Family { get; init; } = AddressFamily.Unspecified;

    /// <summary>States to report (the kernel's idiag_states mask). Default: all.</summary>
    public SocketStates States { get; init; } = SocketStates.All;

    /// <summary>Extensions to attach (tcp_info, memory, congestion algorithm…). Default none.</summary>
    public SocketExtensions Extensions { get; init; }

    /// <summary>A kernel-side filter on ports and addresses (INET_DIAG_REQ_BYTECODE), or null for none.</summary>
    public InetSocketFilter? Filter { get; init; }

    /// <summary>The families to dump, in order.</summary>
    internal ReadOnlySpan<byte> LinuxFamilies => Family switch
    {
        AddressFamily.Unspecified => [Encoding.InetAddress.Inet, Encoding.InetAddress.Inet6],
        AddressFamily.InterNetwork => [Encoding.InetAddress.Inet],
        AddressFamily.InterNetworkV6 => [Encoding.InetAddress.Inet6],
        _ => throw new ArgumentOutOfRangeException(nameof(Family), Family, "use InterNetwork, InterNetworkV6 or Unspecified (both)"),
    };
}
