using System.Net;
using Netlink.Testing;
using Xunit;

namespace Netlink.Route.Tests.Events;

public sealed class RouteEventIntegrationTests(TestNamespace netns) : IClassFixture<TestNamespace>
{
    private static async Task<RouteEvent> NextAsync(IAsyncEnumerator<RouteEvent> events, Func<RouteEvent, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            Task<bool> next = events.MoveNextAsync().AsTask();
            if (await Task.WhenAny(next, Task.Delay(Timeout.Infinite, timeout.Token)) != next || !await next)
            {
                throw new TimeoutException("the expected event did not arrive");
            }

            if (match(events.Current))
            {
                return events.Current;
            }
        }
    }

    [RootFact]
    public async Task Link_add_set_and_delete_produce_typed_link_events()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        using RouteEventSubscription subscription = client.SubscribeEvents(RouteEventGroups.Links);
        await using IAsyncEnumerator<RouteEvent> events = subscription.ReadAllAsync().GetAsyncEnumerator();

        Link bridge = await client.AddLinkAsync(new BridgeSpec("ebr0"));
        RouteEvent added = await NextAsync(events, e => e.Link?.Name == "ebr0");
        Assert.Equal(RouteEventKind.New, added.Kind);
        Assert.Equal(RouteObjectKind.Link, added.ObjectKind);
        Assert.Equal("bridge", added.Link!.Kind);
        Assert.False(added.IsSnapshot);

        await client.SetLinkAsync(bridge.Index, new LinkChanges { Mtu = 1234 });
        RouteEvent changed = await NextAsync(events, e => e.Link?.Index == bridge.Index && e.Link.Mtu == 1234);
        Assert.Equal(RouteEventKind.New, changed.Kind);

        await client.DeleteLinkAsync(bridge.Index);
        RouteEvent deleted = await NextAsync(events, e => e.Kind == RouteEventKind.Deleted && e.Link?.Index == bridge.Index);
        Assert.Equal("ebr0", deleted.Link!.Name);
    }

    [RootFact]
    public async Task Address_add_and_delete_produce_typed_address_events()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        Link link = await client.AddLinkAsync(new VethSpec("ea0", "ea1") { Up = true });
        using RouteEventSubscription subscription = client.SubscribeEvents(RouteEventGroups.Addresses);
        await using IAsyncEnumerator<RouteEvent> events = subscription.ReadAllAsync().GetAsyncEnumerator();

        await client.AddAddressAsync(AddressSpec.Parse("10.66.0.1/24", link.Index));
        RouteEvent added = await NextAsync(events, e => e.Address?.Local.Equals(IPAddress.Parse("10.66.0.1")) == true);
        Assert.Equal(RouteEventKind.New, added.Kind);
        Assert.Equal(link.Index, added.Address!.LinkIndex);
        Assert.Equal(24, added.Address.PrefixLength);

        await client.AddAddressAsync(AddressSpec.Parse("2001:db8:66::1/64", link.Index) with { Flags = AddressFlags.NoDad });
        RouteEvent added6 = await NextAsync(events, e => e.Address?.Local.Equals(IPAddress.Parse("2001:db8:66::1")) == true);
        Assert.Equal(RouteEventKind.New, added6.Kind);

        await client.DeleteAddressAsync(link.Index, IPAddress.Parse("10.66.0.1"), 24);
        RouteEvent deleted = await NextAsync(events, e => e.Kind == RouteEventKind.Deleted && e.Address is not null);
        Assert.Equal(IPAddress.Parse("10.66.0.1"), deleted.Address!.Local);
        await client.DeleteLinkAsync(link.Index);
    }

    [RootFact]
    public async Task Route_events_are_decoded_with_the_route_decoder()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        Link link = await client.AddLinkAsync(new VethSpec("er0", "er1") { Up = true });
        using RouteEventSubscription subscription = client.SubscribeEvents(RouteEventGroups.Routes);
        await using IAsyncEnumerator<RouteEvent> events = subscription.ReadAllAsync().GetAsyncEnumerator();

        // An address on an up link makes the kernel add its prefix route.
        await client.AddAddressAsync(AddressSpec.Parse("10.67.0.1/24", link.Index));
        RouteEvent route = await NextAsync(events, e => e.Route is not null && e.Kind == RouteEventKind.New);
        Assert.Equal(RouteObjectKind.Route, route.ObjectKind);
        await client.DeleteLinkAsync(link.Index);
    }

    [RootFact]
    public async Task Overrun_surfaces_as_an_item_and_the_stream_continues()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        using RouteEventSubscription subscription = client.SubscribeEvents(RouteEventGroups.Links, new RouteEventOptions { ReceiveBufferSize = 1, ForceReceiveBufferSize = true });

        // Nobody reads while lo flaps: each change is a ~1.5 KiB RTM_NEWLINK into a tiny buffer.
        for (int i = 0; i < 60; i++)
        {
            await client.SetLinkAsync(1, new LinkChanges { Up = i % 2 == 0 });
        }

        await using IAsyncEnumerator<RouteEvent> events = subscription.ReadAllAsync().GetAsyncEnumerator();
        RouteEvent overrun = await NextAsync(events, e => e.Kind == RouteEventKind.Overrun);
        Assert.Same(RouteEvent.Overrun, overrun);

        // Drain what is queued, then one distinctive change must still come through.
        _ = Task.Run(async () =>
        {
            await Task.Delay(300);
            await client.SetLinkAsync(1, new LinkChanges { Mtu = 61000 });
        });
        RouteEvent after = await NextAsync(events, e => e.Link?.Mtu == 61000);
        Assert.Equal(RouteEventKind.New, after.Kind);
        Assert.True(subscription.Raw.OverrunCount >= 1);
    }

    [RootFact]
    public async Task List_and_follow_yields_the_snapshot_then_a_marker_then_live_changes()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        Link existing = await client.AddLinkAsync(new BridgeSpec("lf0"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<RouteEvent>();
        bool synchronized = false;

        await foreach (RouteEvent item in client.ListAndFollowAsync(RouteEventGroups.Links | RouteEventGroups.Addresses, cancellationToken: cancel.Token))
        {
            seen.Add(item);
            if (item.Kind == RouteEventKind.Synchronized)
            {
                synchronized = true;
                await client.AddLinkAsync(new BridgeSpec("lf1"));
                continue;
            }

            if (synchronized && item.Link?.Name == "lf1")
            {
                break;
            }
        }

        int marker = seen.FindIndex(e => e.Kind == RouteEventKind.Synchronized);
        Assert.True(marker > 0);
        Assert.All(seen.Take(marker), e => Assert.True(e.IsSnapshot));
        Assert.Contains(seen.Take(marker), e => e.Link?.Index == existing.Index);
        Assert.Contains(seen.Take(marker), e => e.Address?.Local.Equals(IPAddress.Loopback) == true || e.Link?.Name == "lo");
        Assert.Contains(seen.Skip(marker + 1), e => e.Link?.Name == "lf1" && !e.IsSnapshot);
        await client.DeleteLinkAsync("lf0");
        await client.DeleteLinkAsync("lf1");
    }

    [RootFact]
    public async Task List_and_follow_loses_no_change_made_during_the_dump()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var state = new Dictionary<int, Link>();
        Task churn = Task.CompletedTask;
        bool synchronized = false;
        await foreach (RouteEvent item in client.ListAndFollowAsync(RouteEventGroups.Links, cancellationToken: cancel.Token))
        {
            if (churn.IsCompleted && !synchronized && item.IsSnapshot && state.Count == 0)
            {
                // Changes race with the rest of the dump: each must be in the snapshot or in the events.
                churn = Task.Run(async () =>
                {
                    for (int i = 0; i < 10; i++)
                    {
                        await client.AddLinkAsync(new BridgeSpec($"churn{i}"));
                    }

                    await client.DeleteLinkAsync("churn3");
                    await client.AddLinkAsync(new BridgeSpec("churn-end"));
                });
            }

            switch (item.Kind)
            {
                case RouteEventKind.New:
                    state[item.Link!.Index] = item.Link;
                    break;
                case RouteEventKind.Deleted:
                    state.Remove(item.Link!.Index);
                    break;
                case RouteEventKind.Synchronized:
                    synchronized = true;
                    break;
                case RouteEventKind.Overrun:
                    Assert.Fail("unexpected overrun");
                    break;
            }

            if (state.Values.Any(l => l.Name == "churn-end"))
            {
                break;
            }
        }

        await churn;
        IEnumerable<string> expected = (await client.ListLinksAsync()).Select(l => $"{l.Index}:{l.Name}").Order();
        Assert.Equal(expected, state.Values.Select(l => $"{l.Index}:{l.Name}").Order());
        Assert.DoesNotContain(state.Values, l => l.Name == "churn3");
        foreach (Link link in await client.ListLinksAsync(new LinkFilter { Kind = "bridge" }))
        {
            await client.DeleteLinkAsync(link.Index);
        }
    }
}
