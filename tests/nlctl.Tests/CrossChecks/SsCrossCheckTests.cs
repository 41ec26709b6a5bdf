using System.Net;
using System.Net.Sockets;
using Netlink.Diag;

namespace Nlctl.Tests.CrossChecks;

/// <summary>
/// With a few hundred TCP sockets in several states (v4 and v6, a dual-stack and a v6-only
/// listener), UDP and UNIX sockets, the SDK and <c>nlctl ss</c> list exactly the sockets iproute2's
/// <c>ss</c> lists in the same namespace, and print the same columns.
/// </summary>
public sealed class SsCrossCheckTests(SsCrossCheckTests.ManySockets sockets) : IClassFixture<SsCrossCheckTests.ManySockets>
{
    [RootFact]
    public async Task Sdk_lists_the_same_tcp_sockets_as_ss()
    {
        HashSet<(string, string, string)> expected = Parse(Ss("-tanH"), stateColumn: 0);
        Assert.True(expected.Count > 300, $"only {expected.Count} sockets");
        Assert.Contains(expected, e => e.Item1 == "TIME-WAIT");
        Assert.Contains(expected, e => e.Item1 == "FIN-WAIT-2");
        Assert.Contains(expected, e => e.Item1 == "CLOSE-WAIT");

        await using var diag = SockDiagClient.Open(sockets.Ns.Namespace);
        IReadOnlyList<SocketInfo> listed = await diag.ListSocketsAsync(new SocketQuery { Protocol = SocketProtocol.Tcp, States = SocketStates.All });
        var actual = listed.Select(s => (s.State.ToSsName(), Format(s.Local, s), Format(s.Remote, s))).ToHashSet();
        Assert.Equal(listed.Count, actual.Count);
        Assert.Equal(expected.Order(), actual.Order());
    }

    [RootFact]
    public void Nlctl_ss_tan_lists_the_same_sockets_as_ss_tan()
    {
        HashSet<(string, string, string)> expected = Parse(Ss("-tan"), stateColumn: 0, header: true);
        HashSet<(string, string, string)> actual = Parse(Run.NlctlChecked("-n", sockets.Ns.Name, "ss", "-tan"), stateColumn: 0, header: true);
        Assert.True(actual.Count > 300);
        Assert.Equal(expected.Order(), actual.Order());

        // Default (no -a): connected only, like ss.
        HashSet<(string, string, string)> connected = Parse(Run.NlctlChecked("-n", sockets.Ns.Name, "ss", "-t"), stateColumn: 0, header: true);
        Assert.Equal(Parse(Ss("-tn"), stateColumn: 0, header: true).Order(), connected.Order());
        Assert.DoesNotContain(connected, c => c.Item1 is "LISTEN" or "TIME-WAIT");
    }

    [RootTheory]
    [InlineData("-tan")]
    [InlineData("-tn")]
    [InlineData("-tln")]
    [InlineData("-tlnH")]
    [InlineData("-uan")]
    [InlineData("-tuan")]
    [InlineData("-xa")]
    [InlineData("-4tln")]
    [InlineData("-6tln")]
    [InlineData("-tan state listening")]
    [InlineData("-tan state established state close-wait")]
    [InlineData("-tan exclude established")]
    [InlineData("-tan sport = :7070")]
    [InlineData("-tan dport != :7070")]
    [InlineData("-tan ( sport = :7070 or sport = :7071 ) and dport > :1024")]
    [InlineData("-tan dst 127.0.0.0/8")]
    [InlineData("-tan src [::1]:7071")]
    public void Nlctl_ss_text_equals_ss_text(string options)
    {
        string[] words = options.Split(' ');
        Assert.Equal(Ss(words), Run.NlctlChecked(["-n", sockets.Ns.Name, "ss", .. words]));
    }

    [RootFact]
    public void Summary_equals_ss_summary()
    {
        // TCP's "alloc" (and so "closed") counts every namespace's sockets: other tests change it between the two runs.
        static string Steady(string summary) => System.Text.RegularExpressions.Regex.Replace(summary, @"TCP:   \d+ \(estab (\d+), closed \d+,", "TCP:   N (estab $1, closed N,");
        Assert.Equal(Steady(Ss("-s")), Steady(Run.NlctlChecked("-n", sockets.Ns.Name, "ss", "-s")));
    }

    [RootFact]
    public void Dual_stack_listener_is_star_and_v6_only_is_bracketed()
    {
        string text = Run.NlctlChecked("-n", sockets.Ns.Name, "ss", "-tln");
        Assert.Contains($"*:{sockets.DualStackPort} ", text, StringComparison.Ordinal);
        Assert.Contains($"[::1]:{sockets.Ipv6Port} ", text, StringComparison.Ordinal);
    }

    [RootFact]
    public void Tlnp_names_this_process_and_n_changes_nothing()
    {
        string text = Run.NlctlChecked("-n", sockets.Ns.Name, "ss", "-tlnp");
        Assert.Contains($"pid={Environment.ProcessId},", text, StringComparison.Ordinal);
        Assert.Equal(Run.NlctlChecked("-n", sockets.Ns.Name, "ss", "-tl"), Run.NlctlChecked("-n", sockets.Ns.Name, "ss", "-tln"));
        Assert.Equal(Run.NlctlChecked("-n", sockets.Ns.Name, "ss", "-tln"), Run.NlctlChecked("ss", "-tln", "-N", sockets.Ns.Name));
    }

    [RootFact]
    public void Info_prints_rates_for_people()
    {
        string text = Run.NlctlChecked("-n", sockets.Ns.Name, "ss", "-tni", "dport", "=", $":{sockets.Ipv4Port}");
        Assert.Matches(@" send [0-9.]+[KMGT]?bps", text);
        Assert.Matches(@"rtt:[0-9.]+/[0-9.]+", text);
    }

    private string Ss(params string[] options) => Run.Process("ip", ["netns", "exec", sockets.Ns.Name, "ss", .. options]).Checked("ss");

    private static string Format(IPEndPoint endPoint, SocketInfo socket)
    {
        string address = endPoint.AddressFamily == AddressFamily.InterNetworkV6
            ? endPoint.Address.Equals(IPAddress.IPv6Any) && socket.V6Only != true ? "*" : $"[{endPoint.Address}]"
            : endPoint.Address.ToString();
        return endPoint.Port == 0 ? address + ":*" : $"{address}:{endPoint.Port}";
    }

    private static HashSet<(string, string, string)> Parse(string output, int stateColumn, bool header = false)
    {
        var set = new HashSet<(string, string, string)>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(header ? 1 : 0))
        {
            string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(set.Add((f[stateColumn], f[stateColumn + 3], f[stateColumn + 4])), $"duplicate line {line}");
        }

        return set;
    }

    /// <summary>A namespace with listeners on 7070 (IPv4), 7071 (IPv6 only) and 7072 (dual stack), 200 connections in several states, UDP and UNIX sockets.</summary>
    public sealed class ManySockets : IDisposable
    {
        private readonly List<Socket> _open = [];
        private readonly string _unixPath = Path.Combine(Path.GetTempPath(), $"nlctl-ss-{Guid.NewGuid():n}.sock");

        public ManySockets()
        {
            if (!Root.IsRoot)
            {
                return;
            }

            Ns = new TestNamespace();
            Run.Ip("-n", Ns.Name, "link", "set", "lo", "up");
            Connect(Listen(IPAddress.Loopback, Ipv4Port, v6Only: false));
            Connect(Listen(IPAddress.IPv6Loopback, Ipv6Port, v6Only: true));
            Socket dualStack = Listen(IPAddress.IPv6Any, DualStackPort, v6Only: false);
            Keep(Create(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)).Bind(new IPEndPoint(IPAddress.Any, 5353));
            Keep(Create(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp)).Bind(new IPEndPoint(IPAddress.IPv6Any, 5354));
            Socket unix = Keep(Create(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified));
            unix.Bind(new UnixDomainSocketEndPoint(_unixPath));
            unix.Listen(1);
            _ = dualStack;

            // Let the FIN/ACK exchanges settle before anyone lists.
            Thread.Sleep(200);
        }

        public TestNamespace Ns { get; } = null!;

        public int Ipv4Port => 7070;

        public int Ipv6Port => 7071;

        public int DualStackPort => 7072;

        public void Dispose()
        {
            foreach (Socket socket in _open)
            {
                socket.Dispose();
            }

            File.Delete(_unixPath);
            Ns?.Dispose();
        }

        private Socket Listen(IPAddress address, int port, bool v6Only)
        {
            Socket listener = Keep(Create(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp));
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                listener.DualMode = !v6Only;
            }

            listener.Bind(new IPEndPoint(address, port));
            listener.Listen(512);
            return listener;
        }

        private void Connect(Socket listener)
        {
            for (int i = 0; i < 100; i++)
            {
                Socket client = Create(listener.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                client.Connect(listener.LocalEndPoint!);
                Socket server = listener.Accept();
                if (i < 15)
                {
                    // Active close on both ends: the client side lingers in TIME-WAIT.
                    client.Dispose();
                    server.Dispose();
                }
                else if (i < 25)
                {
                    // Half closed: client FIN-WAIT-2, server CLOSE-WAIT.
                    client.Dispose();
                    Keep(server);
                }
                else
                {
                    Keep(client);
                    Keep(server);
                }
            }
        }

        private Socket Create(AddressFamily family, SocketType type, ProtocolType protocol) =>
            Ns.Namespace.RunInside(() => new Socket(family, type, protocol));

        private Socket Keep(Socket socket)
        {
            _open.Add(socket);
            return socket;
        }
    }
}
