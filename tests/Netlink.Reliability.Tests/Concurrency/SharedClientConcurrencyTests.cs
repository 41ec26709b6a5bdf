using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Netlink.Diag;
using Netlink.Packet;
using Netlink.Reliability.Tests.Support;
using Netlink.Route;
using Netlink.Testing;
using Xunit;

namespace Netlink.Reliability.Tests.Concurrency;

/// <summary>
/// One client shared by tasks mixing dumps and single requests against the real kernel, for a few
/// seconds (10 s with NETLINK_FULL_LOAD=1): every list is complete, nothing fails, nothing is
/// left unmatched. Before the dump lane, two dumps on one socket met the kernel's EBUSY (and the
/// EINVAL a racing recvmsg leaves on the socket), and a dump started while another task was reading
/// could end at a DONE that overtook its own data (an empty list, its data counted unmatched).
/// </summary>
[Trait("Category", "Reliability")]
public sealed class SharedClientConcurrencyTests
{
    private const int Addresses = 253;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(Rt.Count(3, 10));

    [RootFact]
    public async Task Route_client_shared_by_dumping_and_getting_tasks_returns_every_list_whole()
    {
        using var netns = new TestNamespace();
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        int lo = (await client.GetLinkAsync("lo")).Index;
        await client.SetLinkUpAsync(lo);
        for (int i = 1; i <= Addresses; i++)
        {
            await client.AddAddressAsync(new AddressSpec(IPAddress.Parse($"10.9.0.{i}"), 32, lo));
        }

        int expectedAddresses = (await client.ListAddressesAsync()).Count;
        int expectedLinks = (await client.ListLinksAsync()).Count;
        Assert.True(expectedAddresses > Addresses);

        // The race behind the empty lists is narrow; the filter widens it (see SlowForLargeDatagrams).
        client.Connection.Socket!.AttachFilter(SlowForLargeDatagrams());

        var counts = new Outcomes();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(
            Loop(counts, clock, async () => Expect(expectedAddresses, (await client.ListAddressesAsync()).Count, "addresses")),
            Loop(counts, clock, async () => Expect(expectedAddresses, (await client.ListAddressesAsync()).Count, "addresses")),
            Loop(counts, clock, async () => Expect(expectedLinks, (await client.ListLinksAsync()).Count, "links")),
            Loop(counts, clock, async () => Expect(lo, (await client.GetLinkAsync("lo")).Index, "lo")),
            Loop(counts, clock, async () => Expect(lo, (await client.GetLinkAsync(lo)).Index, "lo")));

        Assert.Empty(counts.Failures);
        Assert.True(counts.Done > 100, $"only {counts.Done} calls in {Duration}");
        Assert.Equal(0, client.Connection.UnmatchedMessages);
        Console.WriteLine($"shared RouteClient: {counts.Done} calls in {Duration.TotalSeconds:0} s (2 address lists, 1 link list, 2 gets in parallel), 0 failures, 0 unmatched");
    }

    [RootFact]
    public async Task A_dump_started_while_other_tasks_read_the_socket_is_never_ended_by_a_done_that_overtook_its_data()
    {
        // One dump at a time (no EBUSY is possible), while four tasks keep the socket read: the
        // case where the first datagram of a dump used to arrive after its NLMSG_DONE.
        using var netns = new TestNamespace();
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        int lo = (await client.GetLinkAsync("lo")).Index;
        for (int i = 1; i <= Addresses; i++)
        {
            await client.AddAddressAsync(new AddressSpec(IPAddress.Parse($"10.9.1.{i}"), 32, lo));
        }

        int expected = (await client.ListAddressesAsync()).Count;
        client.Connection.Socket!.AttachFilter(SlowForLargeDatagrams());

        var counts = new Outcomes();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(
            Loop(counts, clock, async () => Expect(expected, (await client.ListAddressesAsync()).Count, "addresses")),
            Loop(counts, clock, async () => Expect(lo, (await client.GetLinkAsync(lo)).Index, "lo")),
            Loop(counts, clock, async () => Expect(lo, (await client.GetLinkAsync(lo)).Index, "lo")),
            Loop(counts, clock, async () => Expect(lo, (await client.GetLinkAsync(lo)).Index, "lo")),
            Loop(counts, clock, async () => Expect(lo, (await client.GetLinkAsync(lo)).Index, "lo")));

        Assert.Empty(counts.Failures);
        Assert.Equal(0, client.Connection.UnmatchedMessages);
        Console.WriteLine($"dump beside readers: {counts.Done} calls in {Duration.TotalSeconds:0} s, 0 short lists, 0 unmatched");
    }

    [RootFact]
    public async Task Sock_diag_client_shared_by_dumping_tasks_never_meets_ebusy_or_einval()
    {
        using var netns = new TestNamespace();
        using (RouteClient route = RouteClient.Open(netns.Namespace))
        {
            await route.SetLinkUpAsync((await route.GetLinkAsync("lo")).Index);
        }

        // A fixed set of sockets, so every complete list has the same length: 20 listeners, 5 UNIX sockets.
        var held = new List<Socket>();
        try
        {
            for (int i = 0; i < 20; i++)
            {
                Socket listener = netns.Namespace.RunInside(() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
                held.Add(listener);
                listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                listener.Listen();
            }

            for (int i = 0; i < 5; i++)
            {
                Socket unix = netns.Namespace.RunInside(() => new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified));
                held.Add(unix);
                unix.Bind(new UnixDomainSocketEndPoint($"\0nlt-concurrency-{Environment.ProcessId}-{i}"));
            }

            await using SockDiagClient diag = SockDiagClient.Open(netns.Namespace);
            var tcp = new SocketQuery { Protocol = SocketProtocol.Tcp };
            int expectedTcp = (await diag.ListSocketsAsync(tcp)).Count;
            int expectedUnix = (await diag.ListUnixSocketsAsync()).Count;
            Assert.Equal(20, expectedTcp);
            Assert.True(expectedUnix >= 5);

            var counts = new Outcomes();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(
                Loop(counts, clock, async () => Expect(expectedTcp, (await diag.ListSocketsAsync(tcp)).Count, "tcp sockets")),
                Loop(counts, clock, async () => Expect(expectedTcp, (await diag.ListSocketsAsync(tcp)).Count, "tcp sockets")),
                Loop(counts, clock, async () => Expect(expectedUnix, (await diag.ListUnixSocketsAsync()).Count, "unix sockets")));

            Assert.Empty(counts.Failures);
            Assert.True(counts.Done > 100, $"only {counts.Done} calls in {Duration}");
            Assert.Equal(0, diag.Connection.UnmatchedMessages);
            Console.WriteLine($"shared SockDiagClient: {counts.Done} lists in {Duration.TotalSeconds:0} s (2 tcp, 1 unix in parallel), 0 failures");
        }
        finally
        {
            held.ForEach(s => s.Dispose());
        }
    }

    /// <summary>
    /// A classic BPF filter that accepts everything, instantly for small datagrams (ACKs, NLMSG_DONE)
    /// and after 4,000 divisions for large ones (a dump's data). The kernel runs the filter between
    /// releasing a dump's lock and queueing the datagram: this stretches exactly the gap in which a
    /// concurrent recvmsg can continue the dump and queue its NLMSG_DONE first, so a race that
    /// otherwise shows once in thousands of lists shows within seconds.
    /// </summary>
    private static BpfInstruction[] SlowForLargeDatagrams()
    {
        var program = new BpfInstruction[4003];
        program[0] = BpfInstruction.Statement(BpfOpcode.Ld | BpfOpcode.W | BpfOpcode.Len, 0);           // A = datagram length
        program[1] = BpfInstruction.Jump(BpfOpcode.Jmp | BpfOpcode.Jge | BpfOpcode.K, 256, 1, 0);       // large: the slow path
        program[2] = BpfInstruction.Statement(BpfOpcode.Ret | BpfOpcode.K, uint.MaxValue);
        for (int i = 3; i < program.Length - 1; i++)
        {
            program[i] = BpfInstruction.Statement(BpfOpcode.Alu | BpfOpcode.Div | BpfOpcode.K, 1);      // A /= 1
        }

        program[^1] = BpfInstruction.Statement(BpfOpcode.Ret | BpfOpcode.K, uint.MaxValue);
        return program;
    }

    private static void Expect(int expected, int actual, string what)
    {
        if (expected != actual)
        {
            throw new InvalidDataException($"{what}: {actual} instead of {expected}");
        }
    }

    private static Task Loop(Outcomes outcomes, Stopwatch clock, Func<Task> call) => Task.Run(async () =>
    {
        while (clock.Elapsed < Duration)
        {
            try
            {
                await call();
                Interlocked.Increment(ref outcomes.Done);
            }
            catch (Exception e) when (e is NetlinkException or InvalidDataException or TimeoutException or InvalidOperationException)
            {
                lock (outcomes.Failures)
                {
                    if (outcomes.Failures.Count < 20)
                    {
                        outcomes.Failures.Add($"{e.GetType().Name}: {e.Message}");
                    }
                }
            }
        }
    });

    private sealed class Outcomes
    {
        public readonly List<string> Failures = [];
        public long Done;
    }
}
