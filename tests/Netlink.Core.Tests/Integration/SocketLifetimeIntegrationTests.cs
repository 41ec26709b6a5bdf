using System.Diagnostics;
using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Integration;

/// <summary>The fd count is process-wide, so these run alone (no other test class in parallel).</summary>
[CollectionDefinition(nameof(FdCountCollection), DisableParallelization = true)]
public sealed class FdCountCollection;

[Collection(nameof(FdCountCollection))]
public sealed class SocketLifetimeIntegrationTests
{
    private static int OpenFdCount() => Directory.GetFiles("/proc/self/fd").Length;

    /// <summary>
    /// The fd count after finalizing what earlier tests dropped without disposing (a connection
    /// that nobody references is collectable, and its socket's handle closes when finalized), so
    /// a collection during the measured loop cannot make the count drop.
    /// </summary>
    private static int SettledFdCount()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return OpenFdCount();
    }

    [RootFact]
    public void Ten_thousand_open_close_cycles_leave_the_fd_count_unchanged()
    {
        // Warm up lazily created runtime fds (epoll engine and the like) first.
        NetlinkSocket.Open(NetlinkProtocol.Route).Dispose();
        int before = SettledFdCount();

        for (int i = 0; i < 10_000; i++)
        {
            using NetlinkSocket socket = NetlinkSocket.Open(NetlinkProtocol.Route);
            Assert.NotEqual(0u, socket.PortId);
        }

        Assert.Equal(before, OpenFdCount());
    }

    [RootFact]
    public async Task Connections_and_namespace_sockets_do_not_leak_fds_either()
    {
        using var netns = new TestNamespace();
        (await NetlinkConnection.Open(NetlinkProtocol.Route, netns.Namespace).DisposeAsyncAndReturn()).ToString();
        int before = SettledFdCount();

        for (int i = 0; i < 200; i++)
        {
            await using NetlinkConnection connection = NetlinkConnection.Open(NetlinkProtocol.Route, netns.Namespace);
            using NetlinkSocket socket = netns.OpenSocket(NetlinkProtocol.Generic);
        }

        Assert.Equal(before, OpenFdCount());
    }

    [RootFact]
    public async Task Pending_receive_ends_within_one_second_on_cancel_and_on_dispose()
    {
        using NetlinkSocket cancelled = NetlinkSocket.Open(NetlinkProtocol.Route);
        using var cancel = new CancellationTokenSource();
        Task<ReadOnlyMemory<byte>> pending = cancelled.ReceiveAsync(cancel.Token).AsTask();
        await Task.Delay(100);
        var clock = Stopwatch.StartNew();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"cancel took {clock.Elapsed}");

        NetlinkSocket disposed = NetlinkSocket.Open(NetlinkProtocol.Route);
        pending = disposed.ReceiveAsync().AsTask();
        await Task.Delay(100);
        clock.Restart();
        disposed.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"dispose took {clock.Elapsed}");
    }

    [RootFact]
    public async Task Receive_timeout_raises_TimeoutException()
    {
        using NetlinkSocket socket = NetlinkSocket.Open(NetlinkProtocol.Route);

        await Assert.ThrowsAsync<TimeoutException>(async () => await socket.ReceiveAsync(TimeSpan.FromMilliseconds(50)));
    }

    [RootFact]
    public async Task Second_concurrent_receive_is_refused()
    {
        using NetlinkSocket socket = NetlinkSocket.Open(NetlinkProtocol.Route);
        using var cancel = new CancellationTokenSource();
        ValueTask<ReadOnlyMemory<byte>> first = socket.ReceiveAsync(cancel.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await socket.ReceiveAsync(TimeSpan.FromMilliseconds(50)));
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await first);
    }
}

internal static class AsyncDisposableExtensions
{
    public static async Task<string> DisposeAsyncAndReturn(this IAsyncDisposable disposable)
    {
        await disposable.DisposeAsync();
        return disposable.GetType().Name;
    }
}
