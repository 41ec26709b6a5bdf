using System.Net;
using Netlink.Testing;
using Xunit;

namespace Netlink.Route.Tests.Events;

/// <summary>
/// A slow consumer of list-then-follow under a storm of address changes (10,000 here, 100,000 with
/// NETLINK_FULL_LOAD=1): the stream's buffer never holds more than its capacity, the overflow
/// shows as an Overrun item followed by a fresh list, and a cache kept the documented way (drop
/// at Overrun, rebuild from the snapshot, apply events by key) ends equal to the kernel's state:
/// nothing after an Overrun was lost without another Overrun.
/// </summary>
public sealed class ListAndFollowOverrunTests
{
    private const int Capacity = 256;
    private static readonly int Changes = Environment.GetEnvironmentVariable("NETLINK_FULL_LOAD") == "1" ? 100_000 : 10_000;

    [RootFact]
    public async Task Slow_consumer_under_a_storm_sees_an_overrun_then_a_fresh_list_and_ends_with_the_kernels_state()
    {
        using var netns = new TestNamespace();
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        await using RouteClient producer = RouteClient.Open(netns.Namespace);
        Link link = await producer.AddLinkAsync(new VethSpec("st0", "st1") { Up = true });

        int maxBuffered = 0;
        var options = new RouteEventOptions
        {
            BufferCapacity = Capacity,
            BufferObserver = count => InterlockedMax(ref maxBuffered, count),
        };
        var sentinel = IPAddress.Parse("10.255.255.254");
        var cache = new Dictionary<string, Address>();
        int overruns = 0, lists = 0, events = 0;
        bool stormOver = false;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        Task storm = Task.CompletedTask;
        await foreach (RouteEvent item in client.ListAndFollowAsync(RouteEventGroups.Addresses, options, cancel.Token))
        {
            switch (item.Kind)
            {
                case RouteEventKind.Overrun:
                    overruns++;
                    cache.Clear(); // the documented recovery: the stream lists again next
                    continue;
                case RouteEventKind.Synchronized:
                    lists++;
                    if (lists == 1)
                    {
                        storm = Task.Run(() => StormAsync(producer, link.Index, sentinel));
                    }

                    continue;
            }

            Address address = item.Address!;
            string key = $"{address.LinkIndex}/{address.Local}/{address.PrefixLength}";
            if (item.Kind == RouteEventKind.Deleted)
            {
                cache.Remove(key);
            }
            else
            {
                cache[key] = address;
            }

            if (!item.IsSnapshot)
            {
                events++;
            }

            if (!stormOver)
            {
                stormOver = storm.IsCompleted;
                await Task.Delay(TimeSpan.FromMilliseconds(1)); // the slow consumer
            }

            if (!item.IsSnapshot && address.Local.Equals(sentinel) && item.Kind == RouteEventKind.New)
            {
                break; // the storm's last change, seen live: everything before it has been applied
            }
        }

        await storm;
        var kernel = (await client.ListAddressesAsync()).ToDictionary(a => $"{a.LinkIndex}/{a.Local}/{a.PrefixLength}");
        Assert.True(overruns >= 1, $"no overrun in {events} events: the consumer was not slow enough to test anything");
        Assert.True(lists >= 2, "an overrun is followed by a fresh list");
        Assert.InRange(maxBuffered, 1, Capacity);
        Assert.Equal(kernel.Keys.Order(), cache.Keys.Order());
        Console.WriteLine($"list-and-follow storm: {Changes} changes, {events} live events applied, {overruns} overruns, {lists} lists, at most {maxBuffered} buffered (capacity {Capacity})");
    }

    /// <summary>Adds and removes /32 addresses on the veth (each change one notification), then adds the sentinel.</summary>
    private static async Task StormAsync(RouteClient producer, int index, IPAddress sentinel)
    {
        IPAddress? previous = null;
        for (int i = 0; i < Changes / 2; i++)
        {
            var address = new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]);
            await producer.AddAddressAsync(new AddressSpec(address, 32, index));
            if (previous is not null)
            {
                await producer.DeleteAddressAsync(index, previous, 32);
            }

            previous = address;
        }

        await producer.AddAddressAsync(new AddressSpec(sentinel, 32, index));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current = Volatile.Read(ref target);
        while (value > current)
        {
            int seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
