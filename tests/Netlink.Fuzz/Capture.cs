using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink.Fuzz;

/// <summary>
/// <c>--capture DIR</c>: builds a throwaway namespace full of objects (veth, bridge, vxlan, v4/v6
/// addresses, routes incl. multipath, neighbours, fdb entries, rules, TCP/UDP/unix sockets), dumps
/// every rt-* object kind, nlctrl and sock_diag with the core's socket, and writes each reply
/// datagram (split at message boundaries into pieces of at most 4 KiB) as a seed. Needs root.
/// </summary>
internal static class Capture
{
    private const int MaxSeedBytes = 4096;
    private const int MaxSeedsPerKind = 6;

    public static async Task<int> RunAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        using NetworkNamespace netns = NetworkNamespace.CreateTemporary();
        string ns = netns.Name!;
        Setup(ns);
        var sockets = OpenSockets(netns);
        int written = 0;
        try
        {
            using (NetlinkSocket route = NetlinkSocket.Open(NetlinkProtocol.Route, netns))
            {
                written += await DumpAsync(route, directory, "RtLink.Ifinfomsg.dump", 18, new byte[16]);
                written += await DumpAsync(route, directory, "RtAddr.Ifaddrmsg.dump", 22, new byte[8]);
                written += await DumpAsync(route, directory, "RtRoute.Rtmsg.dump", 26, new byte[12]);
                written += await DumpAsync(route, directory, "RtNeigh.Ndmsg.dump", 30, new byte[12]);
                written += await DumpAsync(route, directory, "RtNeigh.Ndmsg.fdb", 30, [7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
                written += await DumpAsync(route, directory, "RtRule.FibRuleHdr.dump4", 34, [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
                written += await DumpAsync(route, directory, "RtRule.FibRuleHdr.dump6", 34, [10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

                // An error with extended ACK (unknown link kind) and notifications of a change.
                written += await ErrorAsync(route, directory);
            }

            written += await EventsAsync(netns, ns, directory);
            using (NetlinkSocket diag = NetlinkSocket.Open(NetlinkProtocol.SockDiag, netns))
            {
                foreach ((byte family, byte protocol, string name) in new[] { ((byte)2, (byte)6, "tcp4"), ((byte)10, (byte)6, "tcp6"), ((byte)2, (byte)17, "udp4"), ((byte)10, (byte)17, "udp6") })
                {
                    byte[] request = new byte[56];
                    request[0] = family;
                    request[1] = protocol;
                    request[2] = 0xff; // every extension (meminfo, info, vegas, cong, tos, tclass, skmeminfo, shutdown)
                    MemoryMarshal.Write(request.AsSpan(4), uint.MaxValue); // every state
                    written += await DumpAsync(diag, directory, $"SockDiag.InetDiagMsg.{name}", 20, request);
                }

                byte[] unix = new byte[24];
                unix[0] = 1;
                MemoryMarshal.Write(unix.AsSpan(4), uint.MaxValue);
                MemoryMarshal.Write(unix.AsSpan(12), 0x7fu); // name, vfs, peer, icons, rqlen, meminfo, uid
                written += await DumpAsync(diag, directory, "SockDiag.UnixDiagMsg.unix", 20, unix);
            }

            using (NetlinkSocket genl = NetlinkSocket.Open(NetlinkProtocol.Generic, netns))
            {
                written += await DumpAsync(genl, directory, "Nlctrl.none.dump", 16, [3, 1, 0, 0], maxSeeds: 10);
            }

            written += await ProcEventsAsync(directory);
        }
        finally
        {
            foreach (IDisposable s in sockets)
            {
                s.Dispose();
            }
        }

        long total = Directory.GetFiles(directory, "*.bin").Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"captured {written} seeds ({total} bytes in {directory})");
        return 0;
    }

    private static void Setup(string ns)
    {
        string[] commands =
        [
            "link set lo up",
            "link add br0 type bridge",
            "link add veth0 type veth peer name veth1",
            "link set veth1 master br0",
            "link set br0 up", "link set veth0 up", "link set veth1 up",
            "link add vx0 type vxlan id 42 dstport 4789 local 192.0.2.1 dev veth0",
            "link set vx0 up",
            "addr add 192.0.2.1/24 dev veth0",
            "addr add 198.51.100.1/24 brd + dev br0 label br0:1",
            "addr add 2001:db8::1/64 dev veth0 nodad",
            "addr add 2001:db8:1::1/64 dev br0 nodad preferred_lft 300 valid_lft 600",
            "route add 203.0.113.0/24 via 192.0.2.2 dev veth0 metric 100 mtu 1400",
            "route add 10.10.0.0/16 nexthop via 192.0.2.3 dev veth0 weight 1 nexthop via 198.51.100.2 dev br0 weight 3",
            "route add 2001:db8:2::/48 via 2001:db8::2 dev veth0",
            "route add table 100 default via 192.0.2.254",
            "route add blackhole 10.99.0.0/16",
            "neigh add 192.0.2.9 lladdr 02:00:00:00:00:09 dev veth0 nud permanent",
            "neigh add 2001:db8::9 lladdr 02:00:00:00:00:0a dev veth0 nud reachable",
            "rule add from 10.1.0.0/16 table 100 priority 1000",
            "rule add to 10.2.0.0/16 fwmark 0x10/0xff lookup 100 priority 1001",
            "rule add iif veth0 ipproto tcp dport 80-90 table 100 priority 1002",
            "-6 rule add from 2001:db8::/32 table 100 priority 1003",
        ];
        foreach (string command in commands)
        {
            Ip($"-n {ns} {command}");
        }

        Ip($"-n {ns} link set veth0 address 02:00:00:00:00:01");
        Run("bridge", $"-n {ns} fdb add 02:00:00:00:00:42 dev veth1 master static");
    }

    private static List<IDisposable> OpenSockets(NetworkNamespace netns) => netns.RunInside(() =>
    {
        var list = new List<IDisposable>();
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        listener.Listen();
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(new IPEndPoint(IPAddress.Loopback, 8080));
        list.Add(listener);
        list.Add(client);
        list.Add(listener.Accept());
        var listener6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
        listener6.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 8443));
        listener6.Listen();
        list.Add(listener6);
        var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, 5353));
        list.Add(udp);
        var udp6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        udp6.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 5353));
        list.Add(udp6);
        var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        unix.Bind(new UnixDomainSocketEndPoint("\0netlink-fuzz-capture"));
        unix.Listen();
        list.Add(unix);
        var unixClient = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        unixClient.Connect(new UnixDomainSocketEndPoint("\0netlink-fuzz-capture"));
        list.Add(unixClient);
        return list;
    });

    private static async Task<int> DumpAsync(NetlinkSocket socket, string directory, string kind, ushort type, byte[] header, int maxSeeds = MaxSeedsPerKind)
    {
        using var writer = new NetlinkMessageWriter();
        int start = writer.BeginMessage(type, NlMsgFlags.Request | NlMsgFlags.Dump, sequence: 1);
        header.CopyTo(writer.Reserve(header.Length));
        writer.EndMessage(start);
        socket.Send(writer.WrittenSpan);
        var datagrams = new List<byte[]>();
        while (true)
        {
            ReadOnlyMemory<byte> datagram = await socket.ReceiveAsync(TimeSpan.FromSeconds(5));
            datagrams.Add(datagram.ToArray());
            if (EndsDump(datagram.Span))
            {
                break;
            }
        }

        return Save(directory, kind, datagrams, maxSeeds);
    }

    private static bool EndsDump(ReadOnlySpan<byte> datagram)
    {
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(datagram))
        {
            if (message.Type is NlMsgType.Done or NlMsgType.Error)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<int> ErrorAsync(NetlinkSocket route, string directory)
    {
        route.SetOption(NetlinkSocketOption.ExtAck, true);
        using var writer = new NetlinkMessageWriter();
        int start = writer.BeginMessage(16, NlMsgFlags.Request | NlMsgFlags.Create | NlMsgFlags.Excl | NlMsgFlags.Ack, sequence: 2);
        writer.Reserve(16);
        writer.WriteString(3, "bad0");
        int info = writer.BeginNested(18);
        writer.WriteString(1, "no-such-kind");
        writer.EndNested(info);
        writer.EndMessage(start);
        route.Send(writer.WrittenSpan);
        ReadOnlyMemory<byte> reply = await route.ReceiveAsync(TimeSpan.FromSeconds(5));
        return Save(directory, "RtLink.Ifinfomsg.error", [reply.ToArray()], 1);
    }

    /// <summary>Notifications: link, address, route and neighbour changes seen by a subscriber.</summary>
    private static async Task<int> EventsAsync(NetworkNamespace netns, string ns, string directory)
    {
        using var events = NetlinkEventSubscription.Open(NetlinkProtocol.Route, [1u, 5u, 7u, 9u, 11u, 3u], netns);
        Ip($"-n {ns} link add veth2 type veth peer name veth3");
        Ip($"-n {ns} addr add 192.0.2.77/32 dev veth2");
        Ip($"-n {ns} link set veth2 up");
        Ip($"-n {ns} link del veth2");
        var datagrams = new List<byte[]>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            while (datagrams.Count < 16)
            {
                ReadOnlyMemory<byte> datagram = await events.Socket.ReceiveAsync(timeout.Token);
                datagrams.Add(datagram.ToArray());
            }
        }
        catch (OperationCanceledException)
        {
        }

        int saved = 0;
        foreach (IGrouping<ushort, byte[]> group in datagrams.GroupBy(d => MemoryMarshal.Read<ushort>(d.AsSpan(4))))
        {
            (string family, string header) = group.Key switch
            {
                >= 16 and <= 19 => ("RtLink", "Ifinfomsg"),
                >= 20 and <= 23 => ("RtAddr", "Ifaddrmsg"),
                >= 24 and <= 27 => ("RtRoute", "Rtmsg"),
                >= 28 and <= 31 => ("RtNeigh", "Ndmsg"),
                _ => ("unknown", "none"),
            };
            saved += Save(directory, $"{family}.{header}.event{group.Key}", [.. group], 2);
        }

        return saved;
    }

    /// <summary>Process events from the proc connector (host namespace only, as the kernel sends them there).</summary>
    private static async Task<int> ProcEventsAsync(string directory)
    {
        using NetlinkSocket socket = NetlinkSocket.Open(NetlinkProtocol.Connector);
        socket.JoinGroup(1); // CN_IDX_PROC
        using var writer = new NetlinkMessageWriter();
        int start = writer.BeginMessage(NlMsgType.Done, NlMsgFlags.None, sequence: 3);
        Span<byte> cn = writer.Reserve(20 + 4);
        MemoryMarshal.Write(cn, 1u);          // cb_id.idx = CN_IDX_PROC
        MemoryMarshal.Write(cn[4..], 1u);     // cb_id.val = CN_VAL_PROC
        MemoryMarshal.Write(cn[16..], (ushort)4);
        MemoryMarshal.Write(cn[20..], 1u);    // PROC_CN_MCAST_LISTEN
        writer.EndMessage(start);
        socket.Send(writer.WrittenSpan);
        var datagrams = new List<byte[]>();
        using (Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "true"]) { UseShellExecute = false }))
        {
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            while (datagrams.Count < 8)
            {
                datagrams.Add((await socket.ReceiveAsync(timeout.Token)).ToArray());
            }
        }
        catch (OperationCanceledException)
        {
        }

        return Save(directory, "CnProc.ProcEventMsg.event", datagrams, 8);
    }

    private static int Save(string directory, string kind, List<byte[]> datagrams, int maxSeeds)
    {
        var pieces = new List<byte[]>();
        foreach (byte[] datagram in datagrams)
        {
            // Split big datagrams at message boundaries: every piece is still a valid datagram.
            var current = new List<byte>();
            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(datagram))
            {
                int aligned = NlAlign.Align(message.Bytes.Length);
                if (current.Count > 0 && current.Count + aligned > MaxSeedBytes)
                {
                    pieces.Add([.. current]);
                    current.Clear();
                }

                current.AddRange(datagram.AsSpan(message.Offset, Math.Min(aligned, datagram.Length - message.Offset)).ToArray());
            }

            if (current.Count > 0)
            {
                pieces.Add([.. current]);
            }
        }

        int saved = 0;
        foreach (byte[] piece in pieces.Take(maxSeeds))
        {
            File.WriteAllBytes(Path.Combine(directory, $"{kind}.{saved:D3}.bin"), piece);
            saved++;
        }

        return saved;
    }

    private static void Ip(string arguments) => Run("ip", arguments);

    private static void Run(string tool, string arguments)
    {
        using Process process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardError = true, UseShellExecute = false })!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {arguments} failed: {error.Trim()}");
        }
    }
}
