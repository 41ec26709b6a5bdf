using Netlink.Core.Tests.Support;
using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Integration;

public sealed class EventIntegrationTests(TestNamespace netns) : IClassFixture<TestNamespace>
{
    [RootFact]
    public async Task Event_storm_into_a_tiny_buffer_yields_an_overrun_item_and_the_stream_continues()
    {
        await using NetlinkConnection connection = netns.OpenConnection();
        using var events = NetlinkEventSubscription.Open(NetlinkProtocol.Route, [Rtnl.RtnlgrpLink], netns.Namespace, receiveBufferSize: 1, forceReceiveBuffer: true);
        Assert.True(events.Socket.ReceiveBufferSize < 16 * 1024, $"receive buffer is {events.Socket.ReceiveBufferSize}");

        // Nobody reads while lo flaps 100 times: each flap is an RTM_NEWLINK of ~1.5 KiB.
        for (int i = 0; i < 100; i++)
        {
            await Rtnl.RequestAsync(connection, w => Rtnl.AppendSetUp(w, 1, up: i % 2 == 0));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        bool overrun = false;
        bool sawMarker = false;
        uint marker = 12000;
        Task changeAfterOverrun = Task.CompletedTask;
        int messagesAfterOverrun = 0;
        await foreach (NetlinkEvent item in events.ReadAllAsync(timeout.Token))
        {
            if (item.IsOverrun)
            {
                overrun = true;

                // After the gap: one distinctive change, which the stream must still deliver. The
                // kernel keeps dropping notifications until the queue has been drained once
                // (NETLINK_S_CONGESTED), so make the change shortly after, while we keep reading.
                uint value = ++marker;
                changeAfterOverrun = Task.Run(async () =>
                {
                    await Task.Delay(300);
                    await Rtnl.RequestAsync(connection, w => Rtnl.AppendSetMtu(w, 1, value));
                });
                continue;
            }

            if (overrun)
            {
                messagesAfterOverrun++;
                if (Rtnl.TryParseLink(item.Message.Message, out Rtnl.Link link) && link.Mtu == marker)
                {
                    sawMarker = true;
                    break;
                }
            }
        }

        await changeAfterOverrun;
        Assert.True(overrun, "no overrun item");
        Assert.True(sawMarker, $"the event after the overrun never arrived ({messagesAfterOverrun} messages after it)");
        Assert.Equal(marker - 12000, (uint)events.OverrunCount);
    }

    [RootFact]
    public async Task Bpf_filter_that_drops_everything_silences_events_until_detached()
    {
        await using NetlinkConnection connection = netns.OpenConnection();
        using var events = NetlinkEventSubscription.Open(NetlinkProtocol.Route, [Rtnl.RtnlgrpLink], netns.Namespace);
        events.Socket.AttachFilter([BpfInstruction.Statement(0x06 /* BPF_RET|BPF_K */, 0)]);

        await Rtnl.RequestAsync(connection, w => Rtnl.AppendSetMtu(w, 1, 1500));
        await Assert.ThrowsAsync<TimeoutException>(async () => await events.Socket.ReceiveAsync(TimeSpan.FromMilliseconds(200)));

        events.Socket.DetachFilter();
        await Rtnl.RequestAsync(connection, w => Rtnl.AppendSetMtu(w, 1, 1600));
        int count = 0;
        NetlinkEventBatch batch = await events.ReceiveAsync(message =>
        {
            Assert.True(Rtnl.TryParseLink(message, out Rtnl.Link link));
            Assert.Equal(1600u, link.Mtu);
            count++;
        }, new CancellationTokenSource(5000).Token);

        Assert.False(batch.IsOverrun);
        Assert.Equal(1, count);
    }

    [RootFact]
    public async Task Disposing_the_subscription_ends_the_stream_promptly_with_ObjectDisposedException()
    {
        var events = NetlinkEventSubscription.Open(NetlinkProtocol.Route, [Rtnl.RtnlgrpLink], netns.Namespace);
        int n = 0;
        Task reader = Task.Run(async () =>
        {
            await foreach (NetlinkEvent unused in events.ReadAllAsync())
            {
                n++;
            }
        });
        await Task.Delay(100);

        events.Dispose();

        Assert.Same(reader, await Task.WhenAny(reader, Task.Delay(1000)));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => reader);
        Assert.Equal(0, n);
        Assert.Throws<ObjectDisposedException>(() => events.ReadAllAsync());
    }

    [RootFact]
    public async Task Disposing_the_subscription_fails_a_pending_receive_with_ObjectDisposedException()
    {
        var events = NetlinkEventSubscription.Open(NetlinkProtocol.Route, [Rtnl.RtnlgrpLink], netns.Namespace);
        ValueTask<NetlinkEventBatch> pending = events.ReceiveAsync(_ => { });
        await Task.Delay(50);

        events.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await pending.AsTask().WaitAsync(TimeSpan.FromSeconds(2)));
    }

    [RootFact]
    public async Task Cancelling_ends_the_stream_cleanly()
    {
        using var events = NetlinkEventSubscription.Open(NetlinkProtocol.Route, [Rtnl.RtnlgrpLink], netns.Namespace);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        int n = 0;

        await foreach (NetlinkEvent unused in events.ReadAllAsync(cancel.Token))
        {
            n++;
        }

        Assert.Equal(0, n);
    }
}
