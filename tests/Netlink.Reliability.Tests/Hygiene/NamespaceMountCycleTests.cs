using Netlink.Reliability.Tests.Support;
using Netlink.Testing;
using Xunit;

namespace Netlink.Reliability.Tests.Hygiene;

/// <summary>
/// 5,000 create / run inside / dispose cycles of temporary namespaces from 16 tasks at once: every
/// namespace's mount and file under /run/netns is gone afterwards, and no descriptor is left open.
/// (Dispose unmounts through the handle's own identity check, so this also proves that check never
/// mistakes a namespace for someone else's.)
/// </summary>
[Trait("Category", "Reliability")]
[Collection(nameof(Load.ProcessWideCollection))]
public sealed class NamespaceMountCycleTests
{
    [RootFact]
    public async Task Concurrent_create_run_dispose_cycles_leave_no_mount_file_or_descriptor()
    {
        string prefix = $"nlt-cyc-{Environment.ProcessId}-";
        int cycles = Rt.Count(5_000, 20_000);
        const int workers = 16;
        int fdsBefore = Directory.GetFiles("/proc/self/fd").Length;

        int done = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() =>
        {
            for (int i = worker; i < cycles; i += workers)
            {
                using NetworkNamespace netns = NetworkNamespace.CreateTemporary($"{prefix}{i}");
                Assert.Equal(netns.Id, netns.RunInside(() => NetworkNamespace.CurrentThreadId));
                Interlocked.Increment(ref done);
            }
        })));

        Assert.Equal(cycles, done);
        Assert.Equal(0, MountsStartingWith(Path.Combine(NetworkNamespace.RunDirectory, prefix)));
        Assert.Empty(Directory.GetFiles(NetworkNamespace.RunDirectory, prefix + "*"));
        Assert.InRange(Directory.GetFiles("/proc/self/fd").Length, 0, fdsBefore + 4);
    }

    /// <summary>
    /// Mounts whose mount point starts with <paramref name="prefix"/> (/proc/self/mountinfo, field 5).
    /// Only this test's names are counted: other processes may be adding namespaces meanwhile.
    /// </summary>
    private static int MountsStartingWith(string prefix) =>
        File.ReadLines("/proc/self/mountinfo").Count(line => line.Split(' ')[4].StartsWith(prefix, StringComparison.Ordinal));
}
