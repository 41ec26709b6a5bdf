using System.Diagnostics;
using Netlink.Core.Tests.Fakes;
using Netlink.Core.Tests.Support;
using Netlink.Encoding;
using Netlink.Messages;
using Xunit;

namespace Netlink.Core.Tests.Engine;

/// <summary>The engine tests that keep a core busy on purpose (a peer that never stops sending) run alone.</summary>
[CollectionDefinition(nameof(BusyEngineCollection), DisableParallelization = true)]
public sealed class BusyEngineCollection;

/// <summary>
/// One deadline model for every wait: the timeout and the caller's token end a call even when
/// replies never stop coming (the engine is never idle, so only a check between datagrams can).
/// </summary>
[Collection(nameof(BusyEngineCollection))]
public sealed class ConnectionDeadlineTests
{
    private static readonly NetlinkMessageDecoder<uint> ReadMarker = (NetlinkMessage m, out uint marker) => m.TryGetFixedHeader(out marker);

    /// <summary>A hang is a failure, not a stuck test run.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Timeout_ends_a_dump_whose_replies_never_stop()
    {
        using var kernel = new EndlessKernel();
        await using var connection = new NetlinkConnection(kernel, new NetlinkConnectionOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);

        Exception error = await Record(() => connection.ExecuteAsync(request, null));

        Assert.IsType<TimeoutException>(error);

        Assert.True(kernel.DatagramsSent > 0);
    }

    [Fact]
    public async Task Cancelling_the_token_ends_a_dump_whose_replies_never_stop()
    {
        using var kernel = new EndlessKernel();
        await using var connection = new NetlinkConnection(kernel, new NetlinkConnectionOptions { Timeout = Timeout.InfiniteTimeSpan });
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        Exception error = await Record(() => connection.ExecuteAsync(request, null, cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(clock.Elapsed < Hang, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Cancelling_from_inside_the_visitor_stops_delivery_at_once()
    {
        using var kernel = new EndlessKernel { MessagesPerDatagram = 64 };
        await using var connection = new NetlinkConnection(kernel, new NetlinkConnectionOptions { Timeout = Timeout.InfiniteTimeSpan });
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);
        using var cancel = new CancellationTokenSource();
        int visited = 0;

        Exception error = await Record(() => connection.ExecuteAsync(
            request,
            _ =>
            {
                if (++visited == 1000)
                {
                    cancel.Cancel();
                }
            },
            cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(1000, visited);
    }

    [Fact]
    public async Task Cancelling_a_stream_stops_it_though_items_keep_coming()
    {
        using var kernel = new EndlessKernel();
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);
        using var cancel = new CancellationTokenSource();
        int taken = 0;

        Exception error = await Record(async () =>
        {
            await foreach (uint unused in connection.StreamAsync(request, ReadMarker, cancel.Token).WithCancellation(cancel.Token))
            {
                if (++taken == 500)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.InRange(taken, 500, 500 + kernel.MessagesPerDatagram);
    }

    [Fact]
    public async Task A_dump_cancelled_midway_is_drained_before_the_next_dump_and_never_mistaken_for_it()
    {
        // The kernel's rule: one dump per socket, so the next dump must wait for the first one's end.
        using var kernel = new FakeKernel((header, _) => Dumps.Of(header.Sequence, datagrams: 20), oneDumpAtATime: true);
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);
        using var cancel = new CancellationTokenSource();
        int firstSeen = 0;

        Exception error = await Record(() => connection.ExecuteAsync(
            request,
            _ =>
            {
                if (++firstSeen == 3)
                {
                    cancel.Cancel();
                }
            },
            cancel.Token));
        IReadOnlyList<uint> second = await connection.DumpAsync(request, ReadMarker).WaitAsync(Hang);

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(3, firstSeen);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (uint)i), second);
        Assert.Equal(0, kernel.DumpsRefusedBusy);
        Assert.Equal(0, connection.UnmatchedMessages);
        Assert.True(connection.DiscardedMessages > 0);
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the pool (an engine that never yields would otherwise hold
    /// the test's own thread) and returns what it threw; still running after <see cref="Hang"/> is a failure.
    /// </summary>
    private static async Task<Exception> Record(Func<Task> action)
    {
        Task run = Task.Run(action);
        if (await Task.WhenAny(run, Task.Delay(Hang)) != run)
        {
            throw new Xunit.Sdk.XunitException($"still running after {Hang.TotalSeconds:0} s");
        }

        try
        {
            await run;
        }
        catch (Exception e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException("no exception was thrown");
    }
}
