using Netlink.Encoding;
using Netlink.Reliability.Tests.Support;
using Netlink.Testing;
using Xunit;

namespace Netlink.Reliability.Tests.Load;

/// <summary>The fd count is process-wide, so this collection runs alone.</summary>
[CollectionDefinition(nameof(ProcessWideCollection), DisableParallelization = true)]
public sealed class ProcessWideCollection;

/// <summary>
/// 10,000 (100,000 with NETLINK_FULL_LOAD=1) connection open / request / close cycles inside a
/// namespace: the fd count ends where it started and the managed heap does not grow. (Plain socket
/// open/close in the host namespace is covered by Netlink.Core.Tests'
/// SocketLifetimeIntegrationTests.Ten_thousand_open_close_cycles_leave_the_fd_count_unchanged.)
/// </summary>
[Trait("Category", "Reliability")]
[Collection(nameof(ProcessWideCollection))]
public sealed class OpenCloseCycleTests
{
    private static int OpenFds() => Directory.GetFiles("/proc/self/fd").Length;

    [RootFact]
    public async Task Connection_cycles_in_a_namespace_keep_fds_constant_and_memory_bounded()
    {
        int cycles = Rt.Count(10_000, 100_000);
        using var netns = new TestNamespace();
        using var request = new NetlinkMessageWriter();
        Rt.GetLinkRequest(request, 1);

        async Task CycleAsync()
        {
            await using NetlinkConnection connection = netns.OpenConnection();
            NetlinkReplySummary summary = await connection.ExecuteAsync(request, null);
            Assert.Equal(1, summary.MessageCount);
        }

        for (int i = 0; i < 200; i++)
        {
            await CycleAsync(); // warm up pools, JIT, epoll threads
        }

        // Finalize what other tests dropped undisposed first, so a collection during the loop cannot lower the count.
        long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        GC.WaitForPendingFinalizers();
        int fdsBefore = OpenFds();
        for (int i = 0; i < cycles; i++)
        {
            await CycleAsync();
        }

        long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(fdsBefore, OpenFds());

        // A leak of even 100 bytes per cycle would be 1 MB here; allow 512 KB of noise.
        Assert.True(memoryAfter - memoryBefore < 512 * 1024, $"managed heap grew by {memoryAfter - memoryBefore} bytes over {cycles} cycles");
        Console.WriteLine($"open/close: {cycles} cycles, fds {fdsBefore} -> {OpenFds()}, heap {memoryBefore} -> {memoryAfter}");
    }
}
