using System.Net;
using System.Net.Sockets;
using Netlink.Testing;

namespace Netlink.Diag.Tests;

/// <summary>
/// With a few hundred TCP sockets in several states (v4 and v6), the SDK and <c>nlctl ss</c>
/// list exactly the sockets iproute2's <c>ss</c> lists in the same namespace.
/// </summary>
public sealed class SsCrossCheckTests : IClassFixture<SsCrossCheckTests.ManySockets>
{
    private readonly ManySockets _s;

    public SsCrossCheckTests(ManySockets sockets) => _s = sockets;

    [RootFact]
    public async Task Sdk_lists_the_same_tcp_sockets_as_ss()
    {
        HashSet<(string, string, string)> expected = ParseSs(DiagNamespace.Run("ip", $"netns exec {_s.Ns.Name} ss -tanH"), stateColumn: 0);
        Assert.True(expected.Count > 300, $"only {expected.Count} sockets");
        Assert.Contains(expected, e => e.Item1 == "TIME-WAIT");
        Assert.Contains(expected, e => e.Item1 == "FIN-WAIT-2");
        Assert.Contains(expected, e => e.Item1 == "CLOSE-WAIT");

        await using var diag = SockDiagClient.Open(_s.Ns.Namespace);
        IReadOnlyList<SocketInfo> sockets = await diag.ListSocketsAsync(new SocketQuery { Protocol = SocketProtocol.Tcp, States = SocketStates.All });
        var actual = sockets.Select(s => (s.State.ToSsName(), Format(s.Local), Format(s.Remote))).ToHashSet();
        Assert.Equal(sockets.Count, actual.Count);
        Assert.Equal(expected.Order(), actual.Order());
    }

    [RootFact]
    public void Nlctl_ss_ta_agrees_with_ss_ta()
    {
        HashSet<(string, string, string)> expected = ParseSs(DiagNamespace.Run("ip", $"netns exec {_s.Ns.Name} ss -tan"), stateColumn: 0, header: true);
        string nlctl = Path.Combine(AppContext.BaseDirectory, "nlctl.dll");
        HashSet<(string, string, string)> actual = ParseSs(DiagNamespace.Run("dotnet", $"{nlctl} -n {_s.Ns.Name} ss -ta"), stateColumn: 1, header: true);
        Assert.True(actual.Count > 300);
        Assert.Equal(expected.Order(), actual.Order());

        // Default (no -a): connected only, like ss.
        HashSet<(string, string, string)> connected = ParseSs(DiagNamespace.Run("dotnet", $"{nlctl} -n {_s.Ns.Name} ss -t"), stateColumn: 1, header: true);
        HashSet<(string, string, string)> ssConnected = ParseSs(DiagNamespace.Run("ip", $"netns exec {_s.Ns.Name} ss -tn"), stateColumn: 0, header: true);
        Assert.Equal(ssConnected.Order(), connected.Order());
        Assert.DoesNotContain(connected, c => c.Item1 is "LISTEN" or "TIME-WAIT");
    }

    private static string Format(IPEndPoint endPoint)
    {
        string address = endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endPoint.Address}]" : endPoint.Address.ToString();
        return endPoint.Port == 0 ? address + ":*" : $"{address}:{endPoint.Port}";
    }

    private static HashSet<(string, string, string)> ParseSs(string output, int stateColumn, bool header = false)
    {
        var set = new HashSet<(string, string, string)>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(header ? 1 : 0))
        {
            string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(set.Add((f[stateColumn], f[stateColumn + 3], f[stateColumn + 4])), $"duplicate line {line}");
        }

        return set;
    }

    public sealed class ManySockets : IDisposable
    {
        private readonly List<Socket> _open = [];

        public ManySockets()
        {
            if (!Root.IsRoot)
            {
                return;
            }

            Ns = new DiagNamespace();
            foreach (IPAddress loopback in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback })
            {
                Socket listener = Keep(Ns.CreateSocket(loopback.AddressFamily, SocketType.Stream, ProtocolType.Tcp));
                listener.Bind(new IPEndPoint(loopback, 0));
                listener.Listen(512);
                for (int i = 0; i < 100; i++)
                {
                    Socket client = Ns.CreateSocket(loopback.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
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

            // Let the FIN/ACK exchanges settle before anyone lists.
            Thread.Sleep(200);
        }

        public DiagNamespace Ns { get; } = null!;

        public void Dispose()
        {
            foreach (Socket socket in _open)
            {
                socket.Dispose();
            }

            Ns?.Dispose();
        }

        private Socket Keep(Socket socket)
        {
            _open.Add(socket);
            return socket;
        }
    }
}
