using System.Net;
using System.Net.NetworkInformation;
using System.Text.Json;
using Netlink.Encoding;
using Netlink.Route.Tests.Routes;
using Netlink.Testing;
using Xunit;

namespace Netlink.Route.Tests.Neighbours;

/// <summary>ARP, NDP and bridge FDB entries against the kernel, in a namespace of their own.</summary>
public sealed class NeighbourClientTests : IClassFixture<NeighbourClientTests.BridgedNamespace>
{
    private readonly BridgedNamespace _fixture;

    public NeighbourClientTests(BridgedNamespace fixture) => _fixture = fixture;

    private RouteNamespace Ns => _fixture.Ns;

    private static PhysicalAddress Mac(string text) => PhysicalAddress.Parse(text);

    [RootFact]
    public async Task Arp_entries_add_replace_list_delete_in_every_state()
    {
        await using RouteClient client = Ns.OpenClient();
        var permanent = new Neighbour { InterfaceIndex = Ns.Va, Destination = IPAddress.Parse("10.0.0.7"), LinkLayerAddress = Mac("02-00-00-00-00-07") };
        await client.AddNeighbourAsync(permanent);
        await client.AddNeighbourAsync(permanent with { Destination = IPAddress.Parse("10.0.0.8"), State = NeighbourState.Reachable });
        await client.AddNeighbourAsync(permanent with { Destination = IPAddress.Parse("10.0.0.9"), State = NeighbourState.Stale });
        await client.AddNeighbourAsync(permanent with { Destination = IPAddress.Parse("10.0.0.10"), State = NeighbourState.NoArp });

        NetlinkException duplicate = await Assert.ThrowsAsync<NetlinkException>(() => client.AddNeighbourAsync(permanent));
        Assert.Equal(17, duplicate.Errno);

        IReadOnlyList<Neighbour> listed = await client.ListNeighboursAsync(new NeighbourFilter { Family = NeighbourFamily.Inet, InterfaceIndex = Ns.Va });
        Neighbour seven = Assert.Single(listed, n => n.Destination!.Equals(IPAddress.Parse("10.0.0.7")));
        Assert.Equal(NeighbourFamily.Inet, seven.Family);
        Assert.Equal(Mac("02-00-00-00-00-07"), seven.LinkLayerAddress);
        Assert.Equal(NeighbourState.Permanent, seven.State);
        Assert.Equal(NeighbourState.Reachable, Assert.Single(listed, n => n.Destination!.Equals(IPAddress.Parse("10.0.0.8"))).State);
        Assert.Equal(NeighbourState.Stale, Assert.Single(listed, n => n.Destination!.Equals(IPAddress.Parse("10.0.0.9"))).State);
        Assert.Equal(NeighbourState.NoArp, Assert.Single(listed, n => n.Destination!.Equals(IPAddress.Parse("10.0.0.10"))).State);
        Assert.All(listed, n => Assert.Equal(Ns.Va, n.InterfaceIndex));

        await client.ReplaceNeighbourAsync(permanent with { LinkLayerAddress = Mac("02-00-00-00-00-77") });
        Assert.Contains("10.0.0.7 dev va lladdr 02:00:00:00:00:77 PERMANENT", Ns.Ip("neigh show"), StringComparison.Ordinal);

        foreach (Neighbour n in listed.Where(n => n.Destination!.ToString().StartsWith("10.0.0.", StringComparison.Ordinal)))
        {
            await client.DeleteNeighbourAsync(n);
        }

        Assert.DoesNotContain(await client.ListNeighboursAsync(new NeighbourFilter { InterfaceIndex = Ns.Va }), n => n.State == NeighbourState.Permanent);
        NetlinkException missing = await Assert.ThrowsAsync<NetlinkException>(() => client.DeleteNeighbourAsync(permanent));
        Assert.Equal(2, missing.Errno);
    }

    [RootFact]
    public async Task Ndp_entries_round_trip()
    {
        await using RouteClient client = Ns.OpenClient();
        var entry = new Neighbour { InterfaceIndex = Ns.Vc, Destination = IPAddress.Parse("2001:db8:1::7"), LinkLayerAddress = Mac("02-00-00-00-01-77"), Flags = NeighbourFlags.Router };
        await client.AddNeighbourAsync(entry);
        Neighbour listed = Assert.Single(await client.ListNeighboursAsync(new NeighbourFilter { Family = NeighbourFamily.Inet6, InterfaceIndex = Ns.Vc }), n => n.State == NeighbourState.Permanent);
        Assert.Equal(IPAddress.Parse("2001:db8:1::7"), listed.Destination);
        Assert.Equal(NeighbourFamily.Inet6, listed.Family);
        Assert.True(listed.Flags.HasFlag(NeighbourFlags.Router));
        Assert.Contains("2001:db8:1::7 dev vc lladdr 02:00:00:00:01:77 router PERMANENT", Ns.Ip("-6 neigh show"), StringComparison.Ordinal);
        await client.DeleteNeighbourAsync(listed);
    }

    [RootFact]
    public async Task Bridge_fdb_entries_on_a_port_self_and_master()
    {
        await using RouteClient client = Ns.OpenClient();
        var self = new Neighbour { Family = NeighbourFamily.Bridge, InterfaceIndex = Ns.Vb, LinkLayerAddress = Mac("02-00-00-00-02-01") };
        var master = new Neighbour { Family = NeighbourFamily.Bridge, InterfaceIndex = Ns.Vb, LinkLayerAddress = Mac("02-00-00-00-02-02"), Flags = NeighbourFlags.Master, State = NeighbourState.NoArp };
        await client.AddNeighbourAsync(self);
        await client.AddNeighbourAsync(master);

        IReadOnlyList<Neighbour> fdb = await client.ListNeighboursAsync(new NeighbourFilter { Family = NeighbourFamily.Bridge, InterfaceIndex = Ns.Vb });
        Assert.All(fdb, n => Assert.Equal(NeighbourFamily.Bridge, n.Family));
        Assert.All(fdb, n => Assert.Equal(Ns.Vb, n.InterfaceIndex));
        Neighbour selfEntry = Assert.Single(fdb, n => n.LinkLayerAddress!.Equals(Mac("02-00-00-00-02-01")));
        Assert.True(selfEntry.Flags.HasFlag(NeighbourFlags.Self));
        Neighbour masterEntry = Assert.Single(fdb, n => n.LinkLayerAddress!.Equals(Mac("02-00-00-00-02-02")));
        Assert.False(masterEntry.Flags.HasFlag(NeighbourFlags.Self)); // the bridge reports its entries with NDA_MASTER, not NTF_MASTER
        Assert.Equal(NeighbourState.NoArp, masterEntry.State);
        Assert.Null(masterEntry.Vlan);
        Assert.Equal(_fixture.Bridge, masterEntry.MasterIndex);

        string bridgeFdb = RouteNamespace.Run("bridge", $"-n {Ns.Name} fdb show dev vb");
        Assert.Contains("02:00:00:00:02:02 master br0 static", bridgeFdb, StringComparison.Ordinal);
        Assert.Contains("02:00:00:00:02:01 self permanent", bridgeFdb, StringComparison.Ordinal);

        Assert.Contains(await client.ListNeighboursAsync(new NeighbourFilter { Family = NeighbourFamily.Bridge, MasterIndex = _fixture.Bridge }), n => n.LinkLayerAddress!.Equals(Mac("02-00-00-00-02-02")));

        await client.DeleteNeighbourAsync(self);
        await client.DeleteNeighbourAsync(master);
        Assert.DoesNotContain(await client.ListNeighboursAsync(new NeighbourFilter { Family = NeighbourFamily.Bridge }), n => n.LinkLayerAddress!.Equals(Mac("02-00-00-00-02-01")) || n.LinkLayerAddress!.Equals(Mac("02-00-00-00-02-02")));
    }

    [RootFact]
    public async Task Invalid_entries_are_rejected_before_sending()
    {
        await using RouteClient client = Ns.OpenClient();
        Neighbour good = new() { InterfaceIndex = Ns.Va, Destination = IPAddress.Parse("10.0.0.50"), LinkLayerAddress = Mac("02-00-00-00-00-50") };
        Neighbour[] bad =
        [
            good with { InterfaceIndex = 0 },
            good with { Destination = null },
            good with { LinkLayerAddress = null },
            good with { Family = NeighbourFamily.Inet6 },
            new() { Family = NeighbourFamily.Bridge, InterfaceIndex = Ns.Vb },
            good with { Family = NeighbourFamily.Bridge, Vlan = 4095 },
        ];
        foreach (Neighbour neighbour in bad)
        {
            ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => client.AddNeighbourAsync(neighbour));
            Assert.Equal("neighbour", error.ParamName);
            using var writer = new NetlinkMessageWriter();
            Assert.Throws<ArgumentException>(() => NeighbourRequests.WriteNew(writer, neighbour, NeighbourRequests.AddFlags));
            Assert.Equal(0, writer.Length);
        }
    }

    [RootFact]
    public async Task Sdk_list_equals_ip_json_neigh_show()
    {
        await using RouteClient client = Ns.OpenClient();
        Ns.Ip("neigh replace 10.1.0.20 lladdr 02:00:00:00:03:20 dev vc nud permanent");
        Ns.Ip("neigh replace 10.1.0.21 lladdr 02:00:00:00:03:21 dev vc nud reachable");
        Ns.Ip("neigh replace 2001:db8:1::20 lladdr 02:00:00:00:03:22 dev vc nud stale");
        JsonElement ip = Ns.IpJson("neigh show nud all");
        IReadOnlyList<Neighbour> sdk = (await client.ListNeighboursAsync())
            .Where(n => n.Family is NeighbourFamily.Inet or NeighbourFamily.Inet6).ToList();
        Assert.Equal(ip.GetArrayLength(), sdk.Count);
        foreach (JsonElement expected in ip.EnumerateArray())
        {
            IPAddress dst = IPAddress.Parse(expected.GetProperty("dst").GetString()!);
            int dev = Ns.IndexOf(expected.GetProperty("dev").GetString()!);
            Neighbour actual = Assert.Single(sdk, n => n.Destination!.Equals(dst) && n.InterfaceIndex == dev);
            Assert.Equal(
                expected.TryGetProperty("lladdr", out JsonElement lladdr) ? lladdr.GetString() : null,
                actual.LinkLayerAddress is null ? null : string.Join(':', actual.LinkLayerAddress.GetAddressBytes().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))));
            Assert.Equal(expected.GetProperty("state")[0].GetString(), actual.State.ToString().ToUpperInvariant());
        }
    }

    /// <summary>The shared namespace plus a VLAN-filtering bridge br0 with vb as its port.</summary>
    public sealed class BridgedNamespace : IDisposable
    {
        public BridgedNamespace()
        {
            Ns = new RouteNamespace();
            if (Root.IsRoot)
            {
                Ns.Ip("link add br0 type bridge"); // this kernel lacks bridge VLAN filtering, so no VLAN entries
                Ns.Ip("link set vb master br0");
                Ns.Ip("link set br0 up");
                Bridge = Ns.IndexOf("br0");
            }
        }

        public RouteNamespace Ns { get; }

        public int Bridge { get; }

        public void Dispose() => Ns.Dispose();
    }
}
