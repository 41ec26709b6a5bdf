using Netlink.Reliability.Tests.Support;
using Netlink.Testing;
using Xunit;

namespace Netlink.Reliability.Tests.Hygiene;

/// <summary>
/// After many concurrent namespace operations (sockets and connections opened in namespaces,
/// CreateTemporary/Dispose, RunInside, Open by name/path) no thread-pool thread may be left inside
/// another namespace: 64 pool work items, all blocked at once so they occupy distinct threads, each
/// read /proc/thread-self/ns/net and must see the process's original namespace.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(nameof(Load.ProcessWideCollection))]
public sealed class ThreadNamespaceHygieneTests
{
    [RootFact]
    public async Task No_pool_thread_is_left_in_another_namespace_after_concurrent_namespace_work()
    {
        string home = new FileInfo("/proc/self/ns/net").LinkTarget!;
        Assert.Equal(home, NetworkNamespace.CurrentThreadId);
        int rounds = Rt.Count(8, 50);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            for (int r = 0; r < rounds; r++)
            {
                using NetworkNamespace netns = NetworkNamespace.CreateTemporary();
                using (NetlinkSocket socket = NetlinkSocket.Open(NetlinkProtocol.Route, netns))
                {
                    Assert.NotEqual(0u, socket.PortId);
                }

                await using (NetlinkConnection connection = NetlinkConnection.Open(NetlinkProtocol.Route, netns))
                {
                    Assert.Equal(["lo"], (await Rt.LinksAsync(connection)).Select(l => l.Name));
                }

                string inside = netns.RunInside(() => NetworkNamespace.CurrentThreadId);
                Assert.NotEqual(home, inside);
                using (NetworkNamespace byName = NetworkNamespace.Open(netns.Name!))
                {
                    Assert.Equal(inside, byName.Id);
                }

                using (NetworkNamespace byPath = NetworkNamespace.OpenPath(netns.Path))
                {
                    using NetlinkSocket genl = NetlinkSocket.Open(NetlinkProtocol.Generic, byPath);
                }

                Assert.Equal(home, NetworkNamespace.CurrentThreadId);
            }
        })));

        // 64 work items that wait for each other, so they run on 64 distinct pool threads at once.
        ThreadPool.GetMinThreads(out int minWorkers, out int minIo);
        ThreadPool.SetMinThreads(Math.Max(minWorkers, 72), minIo);
        try
        {
            using var barrier = new Barrier(64);
            var seen = new (int Thread, string Namespace)[64];
            await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Factory.StartNew(
                () =>
                {
                    barrier.SignalAndWait(TimeSpan.FromSeconds(20));
                    seen[i] = (Environment.CurrentManagedThreadId, new FileInfo("/proc/thread-self/ns/net").LinkTarget!);
                },
                CancellationToken.None,
                TaskCreationOptions.None,
                TaskScheduler.Default)));

            Assert.Equal(64, seen.Select(s => s.Thread).Distinct().Count());
            Assert.All(seen, s => Assert.True(s.Namespace == home, $"pool thread {s.Thread} is in {s.Namespace}, not {home}"));
        }
        finally
        {
            ThreadPool.SetMinThreads(minWorkers, minIo);
        }
    }
}
