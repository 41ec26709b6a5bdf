using System.Net;
using System.Net.NetworkInformation;
using Netlink.Testing;
using Xunit;

namespace Netlink.Route.Tests.Links;

public sealed class LinkIntegrationTests(TestNamespace netns) : IClassFixture<TestNamespace>
{
    [RootFact]
    public async Task Loopback_is_listed_and_found_by_index_and_by_name()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        IReadOnlyList<Link> links = await client.ListLinksAsync();
        Link lo = Assert.Single(links, l => l.Name == "lo");
        Assert.Equal(1, lo.Index);
        Assert.Equal(ArpHardwareType.Loopback, lo.LinkType);
        Assert.True((lo.Flags & LinkFlags.Loopback) != 0);
        Assert.Equal(65536u, lo.Mtu);
        Assert.NotNull(lo.Statistics);

        Assert.Equal("lo", (await client.GetLinkAsync(1)).Name);
        Assert.Equal(1, (await client.GetLinkAsync("lo")).Index);
        Assert.Null(await client.FindLinkAsync("nosuch0"));
        NetlinkException missing = await Assert.ThrowsAsync<NetlinkException>(() => client.GetLinkAsync(9999));
        Assert.Equal(Errno.ENODEV, missing.Errno);
    }

    [RootFact]
    public async Task Veth_pair_is_created_with_peer_settings_and_deleted_with_its_peer()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        var mac = PhysicalAddress.Parse("02-00-00-00-00-a1");
        Link a = await client.AddLinkAsync(new VethSpec("va0", "va1") { Mtu = 1400, PeerMtu = 1300, Address = mac, TxQueueLength = 500, Up = true });

        Assert.Equal("veth", a.Kind);
        Assert.IsType<VethDetails>(a.Details);
        Assert.Equal(1400u, a.Mtu);
        Assert.Equal(mac, a.Address);
        Assert.Equal(500u, a.TxQueueLength);
        Assert.True(a.IsUp);
        Link b = await client.GetLinkAsync("va1");
        Assert.Equal(1300u, b.Mtu);
        Assert.Equal(b.Index, a.ParentIndex);
        Assert.Equal(a.Index, ((VethDetails)b.Details!).PeerIndex);

        await client.DeleteLinkAsync("va0");
        Assert.Null(await client.FindLinkAsync("va0"));
        Assert.Null(await client.FindLinkAsync("va1"));
    }

    [RootFact]
    public async Task Veth_peer_is_created_in_another_namespace()
    {
        using var other = new TestNamespace();
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        await using RouteClient remote = RouteClient.Open(other.Namespace);

        Link here = await client.AddLinkAsync(new VethSpec("vx-here", "vx-there") { PeerNamespace = other.Namespace });

        Assert.Null(await client.FindLinkAsync("vx-there"));
        Link there = await remote.GetLinkAsync("vx-there");
        Assert.Equal("veth", there.Kind);
        Assert.NotNull(here.LinkNetnsId);
        Assert.Equal(there.Index, here.ParentIndex);
        await client.DeleteLinkAsync(here.Index);
    }

    [RootFact]
    public async Task Bridge_macvlan_and_vxlan_report_their_details()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        Link bridge = await client.AddLinkAsync(new BridgeSpec("kb0") { ForwardDelay = TimeSpan.FromSeconds(4), Stp = false, Priority = 4096 });
        Link parent = await client.AddLinkAsync(new VethSpec("kp0", "kp1"));
        Link macvlan = await client.AddLinkAsync(new MacvlanSpec("km0", parent.Index, MacvlanMode.Private));
        Link vxlan = await client.AddLinkAsync(new VxlanSpec("kx0", 4242)
        {
            Remote = IPAddress.Parse("192.0.2.7"),
            Local = IPAddress.Parse("192.0.2.1"),
            Port = 4789,
            VxlanParentIndex = parent.Index,
            Learning = false,
            Ttl = 17,
        });

        var br = Assert.IsType<BridgeDetails>(bridge.Details);
        Assert.Equal(TimeSpan.FromSeconds(4), br.ForwardDelay);
        Assert.Equal(TimeSpan.FromSeconds(300), br.AgeingTime); // the default; VLAN filtering is not built into this kernel
        Assert.False(br.StpEnabled); // kernel STP cannot run outside the initial namespace (EOPNOTSUPP)
        Assert.Equal((ushort)4096, br.Priority);

        var mv = Assert.IsType<MacvlanDetails>(macvlan.Details);
        Assert.Equal(MacvlanMode.Private, mv.Mode);
        Assert.Equal(parent.Index, macvlan.ParentIndex);

        var vx = Assert.IsType<VxlanDetails>(vxlan.Details);
        Assert.Equal(4242u, vx.Id);
        Assert.Equal(IPAddress.Parse("192.0.2.7"), vx.Remote);
        Assert.Null(vx.Group);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), vx.Local);
        Assert.Equal((ushort)4789, vx.Port);
        Assert.Equal(parent.Index, vx.ParentIndex);
        Assert.False(vx.Learning);
        Assert.Equal((byte)17, vx.Ttl);

        // Kernel-side kind filter: only the bridge; master filter: only its ports.
        IReadOnlyList<Link> bridges = await client.ListLinksAsync(new LinkFilter { Kind = "bridge" });
        Assert.Equal(["kb0"], bridges.Select(l => l.Name));
        Link peer = await client.GetLinkAsync("kp1"); // kp0 carries the macvlan, so it cannot be a port (EBUSY)
        await client.SetLinkMasterAsync(peer.Index, bridge.Index);
        IReadOnlyList<Link> ports = await client.ListLinksAsync(new LinkFilter { MasterIndex = bridge.Index });
        Link port = Assert.Single(ports);
        Assert.Equal("kp1", port.Name);
        Assert.Equal("bridge", port.PortKind);
        Assert.NotNull(port.PortDetails);

        foreach (string name in new[] { "kx0", "km0", "kp0", "kb0" })
        {
            await client.DeleteLinkAsync(name);
        }
    }

    [RootFact]
    public async Task Set_changes_state_mtu_name_address_txqlen_alias_and_master()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        Link bridge = await client.AddLinkAsync(new BridgeSpec("sb0"));
        Link link = await client.AddLinkAsync(new VethSpec("sv0", "sv1"));
        var mac = PhysicalAddress.Parse("02-00-00-00-00-b2");

        await client.SetLinkAsync(link.Index, new LinkChanges
        {
            Up = true,
            Mtu = 1280,
            Name = "sv0-renamed",
            Address = mac,
            TxQueueLength = 42,
            Alias = "uplink to nowhere",
            MasterIndex = bridge.Index,
        });
        Link changed = await client.GetLinkAsync(link.Index);
        Assert.Equal("sv0-renamed", changed.Name);
        Assert.True(changed.IsUp);
        Assert.Equal(1280u, changed.Mtu);
        Assert.Equal(mac, changed.Address);
        Assert.Equal(42u, changed.TxQueueLength);
        Assert.Equal("uplink to nowhere", changed.Alias);
        Assert.Equal(bridge.Index, changed.MasterIndex);

        await client.SetLinkAsync(link.Index, LinkChanges.NoMaster);
        await client.SetLinkDownAsync(link.Index);
        changed = await client.GetLinkAsync(link.Index);
        Assert.Null(changed.MasterIndex);
        Assert.False(changed.IsUp);

        await client.DeleteLinkAsync(link.Index);
        await client.DeleteLinkAsync(bridge.Index);
    }

    [RootFact]
    public async Task Link_moves_to_another_namespace_by_object_and_by_name()
    {
        using var other = new TestNamespace();
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        await using RouteClient remote = RouteClient.Open(other.Namespace);
        Link a = await client.AddLinkAsync(new VethSpec("mv0", "mv1"));
        Link b = await client.GetLinkAsync("mv1");

        await client.MoveLinkAsync(a.Index, other.Namespace);
        await client.MoveLinkAsync(b.Index, other.Name);

        Assert.Null(await client.FindLinkAsync("mv0"));
        Assert.Null(await client.FindLinkAsync("mv1"));
        Assert.NotNull(await remote.FindLinkAsync("mv0"));
        Assert.NotNull(await remote.FindLinkAsync("mv1"));
        await remote.DeleteLinkAsync("mv0");
    }

    [RootFact]
    public async Task Duplicate_add_fails_with_EEXIST_and_kernel_text()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        await client.AddLinkAsync(new BridgeSpec("dup0"));

        NetlinkException error = await Assert.ThrowsAsync<NetlinkException>(() => client.AddLinkAsync(new BridgeSpec("dup0")));

        Assert.Equal(Errno.EEXIST, error.Errno);
        Assert.Contains("exists", error.Message, StringComparison.OrdinalIgnoreCase);
        await client.DeleteLinkAsync("dup0");
    }

    [RootFact]
    public async Task Missing_link_delete_fails_with_ENODEV()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        NetlinkException error = await Assert.ThrowsAsync<NetlinkException>(() => client.DeleteLinkAsync("gone0"));
        Assert.Equal(Errno.ENODEV, error.Errno);
    }

    [RootTheory]
    [InlineData("this-name-is-too-long", "Name")]
    [InlineData("bad/name", "Name")]
    [InlineData("bad name", "Name")]
    [InlineData("bad:name", "Name")]
    [InlineData("", "Name")]
    public async Task Bad_names_are_rejected_before_sending(string name, string parameter)
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        ArgumentException error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddLinkAsync(new BridgeSpec(name)));
        Assert.Equal(parameter, error.ParamName);
        Assert.DoesNotContain(await client.ListLinksAsync(), l => l.Name == name);
    }

    [RootFact]
    public async Task Bad_settings_are_rejected_before_sending()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        Assert.Equal("Mtu", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddLinkAsync(new BridgeSpec("zz0") { Mtu = 0 }))).ParamName);
        Assert.Equal("PeerName", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddLinkAsync(new VethSpec("zz0", "zz0")))).ParamName);
        Assert.Equal("Id", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddLinkAsync(new VxlanSpec("zz0", 1 << 24)))).ParamName);
        Assert.Equal("Remote", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddLinkAsync(new VxlanSpec("zz0", 1) { Remote = IPAddress.Parse("239.1.1.1") }))).ParamName);
        Assert.Equal("Mtu", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.SetLinkAsync(1, new LinkChanges { Mtu = 0 }))).ParamName);
        Assert.Equal("Name", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.SetLinkAsync(1, new LinkChanges { Name = "a b" }))).ParamName);
        Assert.Null(await client.FindLinkAsync("zz0"));
    }

    [RootFact]
    public async Task Visitor_sees_every_link_of_the_typed_list()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        await client.AddLinkAsync(new VethSpec("vv0", "vv1"));
        var names = new List<string>();

        NetlinkReplySummary summary = await client.VisitLinksAsync((in Generated.RtLink.Ifinfomsg header, Generated.RtLink.LinkAttrsReader attributes) =>
        {
            Assert.True(attributes.TryGetIfname(out string? name));
            names.Add($"{header.IfiIndex}:{name}");
        });

        IReadOnlyList<Link> links = await client.ListLinksAsync();
        Assert.False(summary.Interrupted);
        Assert.Equal(links.Select(l => $"{l.Index}:{l.Name}"), names);
        await client.DeleteLinkAsync("vv0");
    }
}
