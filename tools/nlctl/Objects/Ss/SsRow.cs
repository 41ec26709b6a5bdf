using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Netlink.Diag;

namespace Nlctl.Objects.Ss;

/// <summary>One socket as ss shows it: an inet socket or a UNIX one, with its cells already in ss's text.</summary>
internal sealed record SsRow(string Netid, SocketInfo? Inet, UnixSocketInfo? Unix)
{
    public SocketState State => Inet?.State ?? Unix!.State;

    public uint ReceiveQueue => Inet?.ReceiveQueue ?? Unix!.ReceiveQueue;

    public uint SendQueue => Inet?.SendQueue ?? Unix!.SendQueue;

    public ulong Inode => Inet?.Inode ?? Unix!.Inode;

    public uint Uid => Inet?.Uid ?? Unix!.Uid ?? 0;

    public ulong Cookie => Inet?.Cookie ?? Unix!.Cookie;

    /// <summary>The character between address and port: ':' for inet, ' ' for UNIX ("path inode").</summary>
    public char Separator => Inet is null ? ' ' : ':';

    /// <summary>The local address cell (interface names come from <paramref name="deviceName"/>).</summary>
    public string LocalAddress(Func<int, string> deviceName) =>
        Inet is { } s ? Address(s.Local.Address, s, deviceName) : Unix!.Path ?? "*";

    public string LocalPort => Inet is { } s ? Port(s.Local.Port) : Unix!.Inode.ToString(CultureInfo.InvariantCulture);

    public string PeerAddress => Inet is { } s ? Address(s.Remote.Address, s, null) : "*";

    public string PeerPort => Inet is { } s ? Port(s.Remote.Port) : (Unix!.PeerInode ?? 0).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// An address as ss -n prints it: IPv6 in brackets, "*" for the wildcard of a socket that also
    /// takes IPv4 (v6only off), and "%dev" after the local address of a socket bound to a device.
    /// </summary>
    private static string Address(IPAddress address, SocketInfo socket, Func<int, string>? deviceName)
    {
        string text = address.AddressFamily == AddressFamily.InterNetworkV6
            ? address.Equals(IPAddress.IPv6Any) && socket.V6Only != true ? "*" : $"[{address}]"
            : address.ToString();
        return deviceName is not null && socket.InterfaceIndex != 0 ? $"{text}%{deviceName(socket.InterfaceIndex)}" : text;
    }

    private static string Port(int port) => port == 0 ? "*" : port.ToString(CultureInfo.InvariantCulture);
}
