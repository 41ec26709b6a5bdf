using Netlink.Core.Tests.Fakes;
using Netlink.Core.Tests.Support;
using Netlink.Encoding;
using Netlink.Messages;
using Xunit;

namespace Netlink.Core.Tests.Engine;

/// <summary>
/// Dumps on a shared connection take turns (the kernel runs one per socket and refuses a second
/// with EBUSY) and are sent while nobody reads the socket (a concurrent recvmsg continues the
/// running dump inside the kernel and can reorder the new dump's datagrams).
/// </summary>
public sealed class ConnectionDumpQueueTests
{
    private static readonly NetlinkMessageDecoder<uint> ReadMarker = (NetlinkMessage m, out uint marker) => m.TryGetFixedHeader(out marker);

    [Fact]
    public async Task Concurrent_dumps_take_turns_and_are_never_refused_busy()
    {
        using var kernel = new FakeKernel((header, _) => Dumps.Of(header.Sequence, datagrams: 5), oneDumpAtATime: true, slowDumps: true);
        await using var connection = new NetlinkConnection(kernel);

        int[] counts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);
            int complete = 0;
            for (int i = 0; i < 20; i++)
            {
                IReadOnlyList<uint> items = await connection.DumpAsync(request, ReadMarker);
                Assert.Equal(Enumerable.Range(1, 10).Select(n => (uint)n), items);
                complete++;
            }

            return complete;
        })));

        Assert.All(counts, count => Assert.Equal(20, count));
        Assert.Equal(0, kernel.DumpsRefusedBusy);
        Assert.Equal(0, connection.UnmatchedMessages);
    }

    [Fact]
    public async Task A_dump_is_sent_only_while_nobody_reads_the_socket()
    {
        (NlMsgHeader Header, byte[] Bytes)? plain = null;
        using var kernel = new FakeKernel((header, bytes) =>
        {
            if ((header.Flags & NlMsgFlags.Dump) == NlMsgFlags.Dump)
            {
                return Dumps.Of(header.Sequence, datagrams: 3);
            }

            plain = (header, bytes);
            return []; // answered later: its caller waits on the socket meanwhile
        });
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter get = TestRequests.One(TestRequests.NewThing, NlMsgFlags.Request);
        Task waiting = connection.RequestAsync(get);
        while (plain is null)
        {
            await Task.Delay(5);
        }

        await Task.Delay(50); // let the first caller settle into its wait on the socket
        using NetlinkMessageWriter dump = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);
        IReadOnlyList<uint> items = await connection.DumpAsync(dump, ReadMarker).WaitAsync(TimeSpan.FromSeconds(10));
        kernel.Enqueue(Replies.Ack(plain.Value.Header, plain.Value.Bytes));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(6, items.Count);
        Assert.Equal(0, kernel.DumpsSentWhileReading);
    }

    [Fact]
    public async Task A_dump_queued_behind_a_paused_stream_runs_when_the_stream_ends()
    {
        using var kernel = new FakeKernel((header, _) => Dumps.Of(header.Sequence, datagrams: 10), oneDumpAtATime: true);
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);

        await using IAsyncEnumerator<uint> stream = connection.StreamAsync(request, ReadMarker).GetAsyncEnumerator();
        Assert.True(await stream.MoveNextAsync());
        Task<IReadOnlyList<uint>> queued = connection.DumpAsync(request, ReadMarker);
        await Task.Delay(100);
        Assert.False(queued.IsCompleted); // waits for the stream's dump to end

        var streamed = new List<uint> { stream.Current };
        while (await stream.MoveNextAsync())
        {
            streamed.Add(stream.Current);
        }

        Assert.Equal(20, streamed.Count);
        Assert.Equal(20, (await queued.WaitAsync(TimeSpan.FromSeconds(10))).Count);
        Assert.Equal(0, kernel.DumpsRefusedBusy);
    }

    [Fact]
    public async Task A_dump_queued_behind_an_abandoned_stream_runs_once_the_rest_is_drained()
    {
        using var kernel = new FakeKernel((header, _) => Dumps.Of(header.Sequence, datagrams: 10), oneDumpAtATime: true);
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);

        Task<IReadOnlyList<uint>>? queued = null;
        await foreach (uint marker in connection.StreamAsync(request, ReadMarker))
        {
            queued ??= connection.DumpAsync(request, ReadMarker);
            if (marker == 4)
            {
                break;
            }
        }

        Assert.Equal(20, (await queued!.WaitAsync(TimeSpan.FromSeconds(10))).Count);
        Assert.Equal(0, kernel.DumpsRefusedBusy);
        Assert.Equal(0, connection.UnmatchedMessages);
    }

    [Fact]
    public async Task Timing_out_while_waiting_for_the_turn_names_the_dump_ahead()
    {
        using var kernel = new FakeKernel((header, _) => Dumps.Of(header.Sequence, datagrams: 10), oneDumpAtATime: true);
        await using var connection = new NetlinkConnection(kernel, new NetlinkConnectionOptions { Timeout = TimeSpan.FromMilliseconds(200) });
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);

        await using IAsyncEnumerator<uint> stream = connection.StreamAsync(request, ReadMarker).GetAsyncEnumerator();
        Assert.True(await stream.MoveNextAsync()); // the stream holds the turn and pauses

        var error = await Assert.ThrowsAsync<TimeoutException>(() => connection.DumpAsync(request, ReadMarker).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("waiting for the dump ahead", error.Message);
        Assert.Equal(0, kernel.DumpsRefusedBusy);
    }
}
