using Netlink.Reliability.Tests.Support;
using Netlink.Testing;
using Xunit;

namespace Netlink.Reliability.Tests.Load;

/// <summary>
/// 10,000 link and address changes (100,000 with NETLINK_FULL_LOAD=1) while a subscriber reads:
/// either every change arrives, in order, or the stream reports an overrun. Afterwards a re-dump
/// must match the final state, which is what a subscriber that saw an overrun re-dumps to.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class EventStormTests
{
    [RootFact]
    public async Task Storm_of_link_and_address_changes_is_consumed_without_silent_loss()
    {
        int changes = Rt.Count(10_000, 100_000);
        using var netns = new TestNamespace();
        await using NetlinkConnection connection = netns.OpenConnection();
        await Rt.RequestAsync(connection, w => Rt.SetUp(w, 1));
        using var events = NetlinkEventSubscription.Open(NetlinkProtocol.Route, [Rt.GroupLink, Rt.GroupIPv4Addr], netns.Namespace);

        // Change i: even -> MTU of lo to 1280 + i/2; odd -> add 10.0.x.y/32 on lo (then deleted in
        // the next odd step), so every change is one notification with a value we can recognise.
        uint lastMtu = 0;
        var addresses = new HashSet<uint>();
        Task producer = Task.Run(async () =>
        {
            uint? previous = null;
            for (int i = 0; i < changes; i++)
            {
                if (i % 2 == 0)
                {
                    lastMtu = 1280 + (uint)(i / 2);
                    await Rt.RequestAsync(connection, w => Rt.SetMtu(w, 1, lastMtu));
                }
                else
                {
                    uint address = 0x0A000000u + (uint)i;
                    if (previous is uint old)
                    {
                        await Rt.RequestAsync(connection, w => Rt.Address(w, false, 1, Bytes(old)));
                        addresses.Remove(old);
                    }

                    await Rt.RequestAsync(connection, w => Rt.Address(w, true, 1, Bytes(address)));
                    addresses.Add(address);
                    previous = address;
                }
            }
        });

        int linkEvents = 0, addressEvents = 0, overruns = 0, outOfOrder = 0;
        uint lastSeenMtu = 0;
        using var quiet = new CancellationTokenSource();
        Task consumer = Task.Run(async () =>
        {
            try
            {
                await foreach (NetlinkEvent item in events.ReadAllAsync(quiet.Token))
                {
                    if (item.IsOverrun)
                    {
                        overruns++;
                        continue;
                    }

                    if (Rt.TryParseLink(item.Message!.Message, out Rt.Link link) && link.Index == 1)
                    {
                        linkEvents++;
                        if (link.Mtu < lastSeenMtu && overruns == 0)
                        {
                            outOfOrder++;
                        }

                        lastSeenMtu = link.Mtu;
                    }
                    else if (Rt.TryParseAddress(item.Message.Message, out _))
                    {
                        addressEvents++;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        await producer;
        // Let the consumer drain: stop once the last MTU has been seen (or after a grace period).
        for (int i = 0; i < 100 && Volatile.Read(ref lastSeenMtu) != lastMtu; i++)
        {
            await Task.Delay(50);
        }

        await Task.Delay(200);
        quiet.Cancel();
        await consumer;

        int mtuChanges = (changes + 1) / 2;
        int addressNotifications = (changes / 2) + Math.Max(0, (changes / 2) - 1);
        Assert.Equal(0, outOfOrder);
        Assert.Equal(events.OverrunCount, overruns);
        if (overruns == 0)
        {
            // No overrun reported: nothing may be missing. (The kernel may add its own extra link
            // notifications, never fewer.)
            Assert.True(linkEvents >= mtuChanges, $"{linkEvents} link events for {mtuChanges} MTU changes and no overrun reported");
            Assert.True(addressEvents >= addressNotifications, $"{addressEvents} address events for {addressNotifications} changes and no overrun reported");
            Assert.Equal(lastMtu, lastSeenMtu);
        }

        // The re-dump a subscriber does after an overrun shows the final state.
        Rt.Link lo = (await Rt.LinksAsync(connection)).Single(l => l.Index == 1);
        Assert.Equal(lastMtu, lo.Mtu);
        using var dump = new Netlink.Encoding.NetlinkMessageWriter();
        Rt.AddrDump(dump);
        var dumped = new HashSet<uint>();
        foreach (NetlinkReply reply in await connection.DumpAsync(dump))
        {
            if (Rt.TryParseAddress(reply.Message, out var a) && a.Address >> 24 == 10)
            {
                dumped.Add(a.Address);
            }
        }

        Assert.Equal(addresses.Order(), dumped.Order());
        Console.WriteLine($"event storm: {changes} changes, {linkEvents} link + {addressEvents} address events received, {overruns} overruns reported");
    }

    private static byte[] Bytes(uint address)
    {
        byte[] bytes = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, address);
        return bytes;
    }
}
