namespace Nlctl.Tests.Infrastructure;

/// <summary>
/// A namespace filled with iproute2 the way people fill theirs: two veth pairs up and addressed
/// (va 10.0.0.1/24 2001:db8::1/64 - vb, vc 10.1.0.1/24 2001:db8:1::1/64 - vd), routes of every
/// kind (gateway, multipath v4/v6, metrics, locked mtu, blackhole/unreachable/prohibit, other
/// tables, local), neighbours in several states (router, proxy, noarp, protocol), rules with most
/// selectors and actions, IPv4 and IPv6. Deleted on dispose. Without root nothing is created.
/// </summary>
public sealed class PopulatedNamespace : IDisposable
{
    private readonly TestNamespace _namespace = new();

    public PopulatedNamespace()
    {
        if (!Root.IsRoot)
        {
            return;
        }

        // No duplicate address detection, so IPv6 addresses (and their routes) settle at once.
        Run.Ip("netns", "exec", Name, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0");
        foreach (string command in Setup)
        {
            Run.Ip(["-n", Name, .. command.Split(' ')]);
        }

        WaitUntil(() => Run.Ip("-n", Name, "-6", "addr", "show", "scope", "link").Split("inet6 fe80").Length - 1 >= 4);
    }

    /// <summary>The name under /run/netns.</summary>
    public string Name => _namespace.Name;

    /// <summary>The open namespace.</summary>
    public Netlink.NetworkNamespace Namespace => _namespace.Namespace;

    private static string[] Setup =>
    [
        "link set lo up",
        "link add va type veth peer name vb",
        "link add vc type veth peer name vd",
        "link set va up", "link set vb up", "link set vc up", "link set vd up",
        "link set va alias uplink",
        "addr add 10.0.0.1/24 dev va",
        "addr add 10.0.2.1/24 dev va label va:two",
        "addr add 10.1.0.1/24 brd + dev vc",
        "addr add 2001:db8::1/64 dev va nodad",
        "addr add 2001:db8:1::1/64 dev vc nodad",
        "addr add 2001:db8:2::1/64 dev vc nodad noprefixroute",
        "route add default via 10.0.0.2 dev va proto static metric 100",
        "route add 192.168.5.0/24 proto babel nexthop via 10.0.0.2 dev va weight 2 nexthop via 10.1.0.2 dev vc weight 1",
        "route add 192.168.6.0/24 via 10.0.0.2 mtu 1400 advmss 1300 hoplimit 12 initcwnd 5 table 100",
        "route add 192.168.16.0/24 via 10.1.0.2 proto static table 100",
        "route add blackhole 192.168.7.0/24",
        "route add unreachable 192.168.8.0/24 metric 5",
        "route add prohibit 192.168.9.1",
        "route add 172.16.0.0/16 dev va scope link src 10.0.0.1",
        "route add 172.17.0.0/16 via 10.1.0.2 proto static",
        "route add 10.77.0.0/16 via 10.0.0.2 dev va rtt 10ms rttvar 5ms ssthresh 4 cwnd 3 window 1000 reordering 3 quickack 1",
        "-6 route add 2001:db8:5::/64 nexthop via 2001:db8::2 dev va weight 3 nexthop via 2001:db8:1::2 dev vc",
        "-6 route add 2001:db8:6::/64 via 2001:db8::2 metric 10 proto bird",
        "-6 route add 2001:db8:7::/64 via 2001:db8:1::2 mtu lock 1300 advmss 1200",
        "route add local 10.9.9.9 dev va table 200",
        "neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev va",
        "neigh add 10.0.0.6 lladdr 02:00:00:00:00:06 dev va nud noarp",
        "neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev va nud stale proto static",
        "neigh add 10.1.0.8 lladdr 02:00:00:00:01:08 dev vc nud permanent", // reachable entries age to stale while the tests run
        "neigh add 2001:db8::5 lladdr 02:00:00:00:00:15 dev va nud stale router",
        "neigh add proxy 10.0.0.70 dev va",
        "neigh add proxy 2001:db8::70 dev vc",
        "rule add from 10.1.0.0/16 table 100 pref 100",
        "rule add to 10.2.0.0/16 iif va lookup 101 pref 101",
        "rule add fwmark 0x10/0xff table 102 pref 102",
        "rule add not from 10.8.0.0/16 sport 1000-2000 ipproto tcp lookup 103 pref 103",
        "rule add pref 200 goto 32766",
        "rule add pref 201 nop",
        "rule add pref 202 uidrange 100-200 table 9 proto static",
        "rule add pref 203 table main suppress_prefixlength 0",
        "rule add pref 204 oif vb tos 0x10 lookup 5",
        "rule add pref 205 dport 80 ipproto udp blackhole",
        "rule add pref 206 unreachable iif vd",
        "rule add pref 207 suppress_ifgroup 3 table 6",
        "rule add pref 209 from 10.5.0.1 table 8",
        "-6 rule add from 2001:db8::/32 table 5 pref 300",
        "-6 rule add to 2001:db8:9::/48 unreachable pref 301",
    ];

    /// <summary>Polls <paramref name="condition"/> for up to 10 s (the kernel settles some state asynchronously).</summary>
    public static void WaitUntil(Func<bool> condition)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the namespace did not settle within 10 s");
            }

            Thread.Sleep(100);
        }
    }

    public void Dispose() => _namespace.Dispose();
}
