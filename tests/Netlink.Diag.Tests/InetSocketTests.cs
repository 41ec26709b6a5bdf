using System.Net;
using System.Net.Sockets;
using Netlink.Testing;

namespace Netlink.Diag.Tests;

/// <summary>TCP and UDP sockets created in a fresh namespace are listed with the right ports, states, inodes and tcp_info.</summary>
public sealed class InetSocketTests : IClassFixture<InetSocketTests.Sockets>
{
    private readonly Sockets _s;

    public InetSocketTests(Sockets sockets) => _s = sockets;

    [RootFact]
    public async Task Tcp_listeners_and_established_pairs_are_listed_for_both_families()
    {
        await using var diag = SockDiagClient.Open(_s.Ns.Namespace);
        IReadOnlyList<SocketInfo> all = await diag.ListSocketsAsync(new SocketQuery { Protocol = SocketProtocol.Tcp });

        foreach (TcpPair pair in new[] { _s.V4, _s.V6 })
        {
            SocketInfo listener = Assert.Single(all, s => s.Inode == DiagNamespace.InodeOf(pair.Listener));
            Assert.Equal(SocketState.Listen, listener.State);
            Assert.Equal(pair.ListenerEndPoint, listener.Local);
            Assert.Equal(pair.Family, listener.Family);
            Assert.Equal(SocketProtocol.Tcp, listener.Protocol);

            SocketInfo client = Assert.Single(all, s => s.Inode == DiagNamespace.InodeOf(pair.Client));
            Assert.Equal(SocketState.Established, client.State);
            Assert.Equal(pair.Client.LocalEndPoint, client.Local);
            Assert.Equal(pair.ListenerEndPoint, client.Remote);
            Assert.NotEqual(0ul, client.Cookie);
            Assert.Equal(0u, client.Uid);

            SocketInfo server = Assert.Single(all, s => s.Inode == DiagNamespace.InodeOf(pair.Server));
            Assert.Equal(SocketState.Established, server.State);
            Assert.Equal(pair.ListenerEndPoint, server.Local);
            Assert.Equal(pair.Client.LocalEndPoint, server.Remote);
        }

        // Nothing else lives in the fresh namespace.
        Assert.Equal(6, all.Count);
    }

    [RootFact]
    public async Task State_filter_runs_in_the_kernel()
    {
        await using var diag = SockDiagClient.Open(_s.Ns.Namespace);
        IReadOnlyList<SocketInfo> listening = await diag.ListSocketsAsync(new SocketQuery { States = SocketStates.Listen });
        Assert.Equal(2, listening.Count);
        Assert.All(listening, s => Assert.Equal(SocketState.Listen, s.State));

        IReadOnlyList<SocketInfo> established = await diag.ListSocketsAsync(new SocketQuery { States = SocketStates.Established, Family = AddressFamily.InterNetworkV6 });
        Assert.Equal(2, established.Count);
        Assert.All(established, s => Assert.Equal((SocketState.Established, AddressFamily.InterNetworkV6), (s.State, s.Family)));
    }

    [RootFact]
    public async Task Tcp_info_congestion_and_memory_come_with_extensions()
    {
        await using var diag = SockDiagClient.Open(_s.Ns.Namespace);
        IReadOnlyList<SocketInfo> plain = await diag.ListSocketsAsync(new SocketQuery { States = SocketStates.Established });
        Assert.All(plain, s => Assert.Null(s.TcpInfo));

        IReadOnlyList<SocketInfo> rich = await diag.ListSocketsAsync(new SocketQuery
        {
            States = SocketStates.Established,
            Extensions = SocketExtensions.TcpInfo | SocketExtensions.Congestion | SocketExtensions.SocketMemory,
        });
        SocketInfo client = Assert.Single(rich, s => s.Inode == DiagNamespace.InodeOf(_s.V4.Client));
        Assert.NotNull(client.TcpInfo);
        Assert.Equal(SocketState.Established, client.TcpInfo.State);
        Assert.True(client.TcpInfo.Length >= 232, $"tcp_info is {client.TcpInfo.Length} bytes");
        if (Environment.OSVersion.Version >= new Version(6, 18))
        {
            // The schema's struct ends where this kernel's does (ecn bits at 276..280).
            Assert.Equal(Generated.SockDiag.TcpInfo.Size, client.TcpInfo.Length);
        }

        Assert.True(client.TcpInfo.CongestionWindow > 0);
        Assert.True(client.TcpInfo.Rtt > TimeSpan.Zero);
        Assert.True(client.TcpInfo.SendMss > 0);
        Assert.Equal((ulong)TcpPair.Payload.Length + 1, client.TcpInfo.BytesAcked); // +1 for the SYN
        Assert.Equal((ulong)TcpPair.Payload.Length, client.TcpInfo.BytesSent);
        Assert.False(string.IsNullOrEmpty(client.Congestion));
        Assert.NotNull(client.Memory);
        Assert.True(client.Memory.SendBuffer > 0);

        SocketInfo server = Assert.Single(rich, s => s.Inode == DiagNamespace.InodeOf(_s.V4.Server));
        Assert.Equal((ulong)TcpPair.Payload.Length, server.TcpInfo!.BytesReceived);
        Assert.Equal((uint)TcpPair.Payload.Length, server.ReceiveQueue); // never read
    }

    [RootFact]
    public async Task Udp_bound_and_connected_sockets_are_listed()
    {
        await using var diag = SockDiagClient.Open(_s.Ns.Namespace);
        IReadOnlyList<SocketInfo> udp = await diag.ListSocketsAsync(new SocketQuery { Protocol = SocketProtocol.Udp });
        Assert.Equal(2, udp.Count);

        SocketInfo bound = Assert.Single(udp, s => s.Inode == DiagNamespace.InodeOf(_s.UdpBound));
        Assert.Equal(SocketState.Close, bound.State);
        Assert.Equal(_s.UdpBound.LocalEndPoint, bound.Local);
        Assert.Equal(AddressFamily.InterNetwork, bound.Family);

        SocketInfo connected = Assert.Single(udp, s => s.Inode == DiagNamespace.InodeOf(_s.UdpConnected));
        Assert.Equal(SocketState.Established, connected.State);
        Assert.Equal(AddressFamily.InterNetworkV6, connected.Family);
        Assert.Equal(_s.UdpConnected.RemoteEndPoint, connected.Remote);

        IReadOnlyList<SocketInfo> unconnected = await diag.ListSocketsAsync(new SocketQuery { Protocol = SocketProtocol.Udp, States = SocketStates.Close });
        Assert.Equal(bound.Inode, Assert.Single(unconnected).Inode);
    }

    [RootFact]
    public async Task Bytecode_filter_on_ports_and_prefixes_runs_in_the_kernel()
    {
        await using var diag = SockDiagClient.Open(_s.Ns.Namespace);
        ushort p4 = (ushort)_s.V4.ListenerEndPoint.Port;
        ushort p6 = (ushort)_s.V6.ListenerEndPoint.Port;
        uint[] Inodes(params Socket[] sockets) => sockets.Select(DiagNamespace.InodeOf).Order().ToArray();
        async Task<uint[]> Query(InetSocketFilter filter) =>
            (await diag.ListSocketsAsync(new SocketQuery { Filter = filter })).Select(s => s.Inode).Order().ToArray();

        Assert.Equal(Inodes(_s.V4.Listener, _s.V4.Server), await Query(InetSocketFilter.SourcePort(p4)));
        Assert.Equal(
            Inodes(_s.V4.Listener, _s.V4.Server, _s.V6.Listener, _s.V6.Server),
            await Query(InetSocketFilter.SourcePort(p4) | InetSocketFilter.SourcePort(p6)));
        Assert.Equal(Inodes(_s.V4.Client), await Query(!InetSocketFilter.SourcePort(p4) & InetSocketFilter.Source(IPNetwork.Parse("127.0.0.0/8"))));
        Assert.Equal(Inodes(_s.V6.Client), await Query(InetSocketFilter.Destination(IPNetwork.Parse("::1/128"), p6)));
        Assert.Equal(
            Inodes(_s.V4.Client, _s.V6.Client),
            await Query(InetSocketFilter.DestinationPortAtLeast(Math.Min(p4, p6)) & InetSocketFilter.DestinationPortAtMost(Math.Max(p4, p6))
                & (InetSocketFilter.DestinationPort(p4) | InetSocketFilter.DestinationPort(p6))));
        Assert.Empty(await Query(InetSocketFilter.Source(IPNetwork.Parse("10.0.0.0/8"))));
    }

    [RootFact]
    public void Process_map_finds_this_process_holding_its_sockets()
    {
        IReadOnlyDictionary<ulong, IReadOnlyList<SocketOwner>> map = SocketProcessMap.Scan();
        foreach (Socket socket in new[] { _s.V4.Listener, _s.V6.Client, _s.UdpBound })
        {
            SocketOwner owner = Assert.Single(map[DiagNamespace.InodeOf(socket)]);
            Assert.Equal((Environment.ProcessId, (int)socket.Handle), (owner.Pid, owner.FileDescriptor));
            Assert.Equal(File.ReadAllText("/proc/self/comm").TrimEnd('\n'), owner.Command);
        }
    }

    [RootFact]
    public async Task Visitor_sees_the_same_sockets_in_place()
    {
        await using var diag = SockDiagClient.Open(_s.Ns.Namespace);
        var seen = new List<(uint Inode, SocketState State, ushort LocalPort, bool HasInfo)>();
        SocketVisitResult result = await diag.VisitSocketsAsync(
            new SocketQuery { Extensions = SocketExtensions.TcpInfo },
            (in InetSocketEntry s) => seen.Add((s.Inode, s.State, s.LocalPort, s.TryGetTcpInfo(out _, out _))));
        Assert.Equal(6, result.MessageCount);
        Assert.False(result.Interrupted);
        Assert.Contains((DiagNamespace.InodeOf(_s.V6.Listener), SocketState.Listen, (ushort)_s.V6.ListenerEndPoint.Port, true), seen);
        Assert.Contains((DiagNamespace.InodeOf(_s.V4.Client), SocketState.Established, (ushort)((IPEndPoint)_s.V4.Client.LocalEndPoint!).Port, true), seen);
    }

    public sealed class TcpPair : IDisposable
    {
        public static readonly byte[] Payload = "hello sock_diag"u8.ToArray();

        public TcpPair(DiagNamespace ns, AddressFamily family)
        {
            Family = family;
            IPAddress loopback = family == AddressFamily.InterNetwork ? IPAddress.Loopback : IPAddress.IPv6Loopback;
            Listener = ns.CreateSocket(family, SocketType.Stream, ProtocolType.Tcp);
            Listener.Bind(new IPEndPoint(loopback, 0));
            Listener.Listen(16);
            ListenerEndPoint = (IPEndPoint)Listener.LocalEndPoint!;
            Client = ns.CreateSocket(family, SocketType.Stream, ProtocolType.Tcp);
            Client.Connect(ListenerEndPoint);
            Server = Listener.Accept();
            Client.Send(Payload);
            // Wait until the data is acknowledged, so byte counters are settled.
            SpinWait.SpinUntil(() => Server.Available == Payload.Length, TimeSpan.FromSeconds(5));
        }

        public AddressFamily Family { get; }

        public Socket Listener { get; }

        public IPEndPoint ListenerEndPoint { get; }

        public Socket Client { get; }

        public Socket Server { get; }

        public void Dispose()
        {
            Client.Dispose();
            Server.Dispose();
            Listener.Dispose();
        }
    }

    public sealed class Sockets : IDisposable
    {
        public Sockets()
        {
            if (!Root.IsRoot)
            {
                return;
            }

            Ns = new DiagNamespace();
            V4 = new TcpPair(Ns, AddressFamily.InterNetwork);
            V6 = new TcpPair(Ns, AddressFamily.InterNetworkV6);
            UdpBound = Ns.CreateSocket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            UdpBound.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            UdpConnected = Ns.CreateSocket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
            UdpConnected.Connect(new IPEndPoint(IPAddress.IPv6Loopback, 9));
        }

        public DiagNamespace Ns { get; } = null!;

        public TcpPair V4 { get; } = null!;

        public TcpPair V6 { get; } = null!;

        public Socket UdpBound { get; } = null!;

        public Socket UdpConnected { get; } = null!;

        public void Dispose()
        {
            V4?.Dispose();
            V6?.Dispose();
            UdpBound?.Dispose();
            UdpConnected?.Dispose();
            Ns?.Dispose();
        }
    }
}
