using Netlink.Core.Tests.Fakes;
using Netlink.Core.Tests.Support;
using Netlink.Encoding;
using Netlink.Messages;
using Xunit;

namespace Netlink.Core.Tests.Engine;

public sealed class ConnectionStreamTests
{
    private static readonly NetlinkMessageDecoder<uint> ReadMarker = (NetlinkMessage m, out uint marker) => m.TryGetFixedHeader(out marker);

    /// <summary>A dump of <paramref name="datagrams"/> datagrams of two messages each, then DONE.</summary>
    private static IEnumerable<byte[]> Dump(uint sequence, int datagrams, NlMsgFlags dataFlags = NlMsgFlags.Multi, NlMsgFlags doneFlags = NlMsgFlags.None)
    {
        for (int i = 0; i < datagrams; i++)
        {
            yield return Replies.Datagram(
                Replies.Data(TestRequests.NewThing, sequence, dataFlags, (uint)(2 * i) + 1),
                Replies.Data(TestRequests.NewThing, sequence, dataFlags, (uint)(2 * i) + 2));
        }

        yield return Replies.Done(sequence, extraFlags: doneFlags);
    }

    [Fact]
    public async Task Stream_yields_every_item_in_order_until_done_even_without_the_multi_flag()
    {
        using var kernel = new FakeKernel((header, _) => Dump(header.Sequence, 3, NlMsgFlags.None));
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);

        var markers = new List<uint>();
        await foreach (uint marker in connection.StreamAsync(request, ReadMarker))
        {
            markers.Add(marker);
        }

        Assert.Equal([1u, 2u, 3u, 4u, 5u, 6u], markers);
        Assert.Equal(0, connection.UnmatchedMessages);
    }

    [Fact]
    public async Task Stream_reads_the_socket_only_as_the_consumer_asks_for_more()
    {
        using var kernel = new FakeKernel((header, _) => Dump(header.Sequence, 50));
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);

        await using IAsyncEnumerator<uint> items = connection.StreamAsync(request, ReadMarker).GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync());
        Assert.True(await items.MoveNextAsync());

        // Two items came from one datagram: the other 49 (and DONE) are still on the socket.
        Assert.Equal(2u, items.Current);
        Assert.Equal(1, kernel.ReceivedCount);
    }

    [Fact]
    public async Task Stream_sends_a_copy_so_the_callers_writer_may_be_reused_before_enumerating()
    {
        using var kernel = new FakeKernel((header, _) => Dump(header.Sequence, 1));
        await using var connection = new NetlinkConnection(kernel);
        NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump, marker: 31);

        IAsyncEnumerable<uint> stream = connection.StreamAsync(request, ReadMarker);
        request.Dispose();
        uint[] markers = await ToArrayAsync(stream);

        Assert.Equal([1u, 2u], markers);
        var sent = new NetlinkMessageEnumerator(kernel.SentDatagrams.Single());
        Assert.True(sent.MoveNext());
        Assert.Equal(31u, TestRequests.Marker(sent.Current));
    }

    [Fact]
    public async Task Consumer_leaving_early_discards_the_rest_so_the_next_request_is_clean()
    {
        using var kernel = new FakeKernel((header, _) => Dump(header.Sequence, 20));
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);

        await foreach (uint marker in connection.StreamAsync(request, ReadMarker))
        {
            if (marker == 3)
            {
                break;
            }
        }

        uint[] second = await ToArrayAsync(connection.StreamAsync(request, ReadMarker));

        Assert.Equal(40, second.Length);
        Assert.Equal(0, connection.UnmatchedMessages);
    }

    [Fact]
    public async Task Kernel_error_after_some_items_surfaces_after_those_items()
    {
        using var kernel = new FakeKernel((header, bytes) =>
        [
            Replies.Datagram(Replies.Data(TestRequests.NewThing, header.Sequence, NlMsgFlags.Multi, 1)),
            Replies.Error(header.Sequence, -22, bytes),
        ]);
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);
        var markers = new List<uint>();

        var error = await Assert.ThrowsAsync<NetlinkException>(async () =>
        {
            await foreach (uint marker in connection.StreamAsync(request, ReadMarker))
            {
                markers.Add(marker);
            }
        });

        Assert.Equal([1u], markers);
        Assert.Equal(22, error.Errno);
    }

    [Fact]
    public async Task Interrupted_dump_ends_with_the_typed_error_after_its_items()
    {
        using var kernel = new FakeKernel((header, _) => Dump(header.Sequence, 2, doneFlags: NlMsgFlags.DumpInterrupted));
        await using var connection = new NetlinkConnection(kernel);
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);
        var markers = new List<uint>();

        await Assert.ThrowsAsync<NetlinkDumpInterruptedException<uint>>(async () =>
        {
            await foreach (uint marker in connection.StreamAsync(request, ReadMarker))
            {
                markers.Add(marker);
            }
        });

        Assert.Equal([1u, 2u, 3u, 4u], markers);
    }

    [Fact]
    public async Task A_silent_kernel_times_the_wait_out()
    {
        using var kernel = new FakeKernel();
        await using var connection = new NetlinkConnection(kernel, new NetlinkConnectionOptions { Timeout = TimeSpan.FromMilliseconds(200) });
        using NetlinkMessageWriter request = TestRequests.One(TestRequests.GetThing, NlMsgFlags.Request | NlMsgFlags.Dump);

        await Assert.ThrowsAsync<TimeoutException>(() => ToArrayAsync(connection.StreamAsync(request, ReadMarker)));
    }

    [Fact]
    public void Bad_request_is_refused_when_the_stream_is_made_not_when_it_is_read()
    {
        using var kernel = new FakeKernel();
        using var connection = new NetlinkConnection(kernel);
        using var empty = new NetlinkMessageWriter();

        Assert.Throws<ArgumentException>("request", () => connection.StreamAsync(empty, ReadMarker));
        Assert.Empty(kernel.SentDatagrams);
    }

    private static async Task<uint[]> ToArrayAsync(IAsyncEnumerable<uint> stream)
    {
        var items = new List<uint>();
        await foreach (uint item in stream)
        {
            items.Add(item);
        }

        return items.ToArray();
    }
}
