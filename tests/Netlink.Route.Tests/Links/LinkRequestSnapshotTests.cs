using System.Net;
using System.Net.NetworkInformation;
using Netlink.Encoding;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit;

namespace Netlink.Route.Tests.Links;

/// <summary>The exact bytes of every typed link request, rendered by the generated describer (no kernel needed).</summary>
public sealed class LinkRequestSnapshotTests
{
    internal static string Render(Action<NetlinkMessageWriter> build)
    {
        using var writer = new NetlinkMessageWriter();
        build(writer);
        var text = new StringWriter { NewLine = "\n" };
        RouteMessageDescriber.Describe(writer.WrittenSpan, text);
        text.WriteLine("hex: " + Convert.ToHexString(writer.WrittenSpan).ToLowerInvariant());
        return text.ToString();
    }

    [Fact]
    public void Add_veth_with_peer_settings() =>
        Snapshot.Match(Render(w => LinkRequests.WriteAdd(w, new VethSpec("veth0", "veth1")
        {
            Mtu = 9000,
            Address = PhysicalAddress.Parse("02-00-00-00-00-01"),
            PeerMtu = 1500,
            PeerNamespacePid = 4242,
            Up = true,
        })));

    [Fact]
    public void Add_bridge_with_stp_timers_and_vlan_settings() =>
        Snapshot.Match(Render(w => LinkRequests.WriteAdd(w, new BridgeSpec("br0")
        {
            Stp = false,
            ForwardDelay = TimeSpan.FromSeconds(4),
            HelloTime = TimeSpan.FromSeconds(2),
            MaxAge = TimeSpan.FromSeconds(20),
            AgeingTime = TimeSpan.FromSeconds(300),
            Priority = 4096,
            VlanFiltering = true,
            VlanDefaultPvid = 1,
        })));

    [Fact]
    public void Add_macvlan_in_bridge_mode_over_a_parent() =>
        Snapshot.Match(Render(w => LinkRequests.WriteAdd(w, new MacvlanSpec("mv0", 3, MacvlanMode.Bridge) { TxQueueLength = 100 })));

    [Fact]
    public void Add_vxlan_with_remote_local_port_and_device() =>
        Snapshot.Match(Render(w => LinkRequests.WriteAdd(w, new VxlanSpec("vx0", 42)
        {
            Remote = IPAddress.Parse("192.0.2.2"),
            Local = IPAddress.Parse("192.0.2.1"),
            Port = 4789,
            VxlanParentIndex = 2,
            Learning = false,
            Ttl = 64,
            PortRange = (40000, 50000),
        })));

    [Fact]
    public void Add_vxlan_over_ipv6_multicast_group() =>
        Snapshot.Match(Render(w => LinkRequests.WriteAdd(w, new VxlanSpec("vx6", 7) { Group = IPAddress.Parse("ff05::100"), VxlanParentIndex = 2 })));

    [Fact]
    public void Add_generic_kind_without_data() =>
        Snapshot.Match(Render(w => LinkRequests.WriteAdd(w, new GenericLinkSpec("dummy0", "dummy") { MasterIndex = 5 })));

    [Fact]
    public void Set_everything_in_one_request() =>
        Snapshot.Match(Render(w => LinkRequests.WriteSet(w, 7, new LinkChanges
        {
            Up = true,
            Mtu = 1400,
            Name = "uplink",
            Address = PhysicalAddress.Parse("02-00-00-00-00-02"),
            TxQueueLength = 500,
            Alias = "to the core",
            MasterIndex = 0,
            NamespacePid = 1,
        })));

    [Fact]
    public void Set_down_only_touches_the_up_flag() =>
        Snapshot.Match(Render(w => LinkRequests.WriteSet(w, 7, new LinkChanges { Up = false })));

    [Fact]
    public void Delete_by_index_and_by_name() =>
        Snapshot.Match(Render(w =>
        {
            LinkRequests.WriteDelete(w, 7);
            LinkRequests.WriteDelete(w, "veth0");
        }));

    [Fact]
    public void Get_by_index_and_by_name() =>
        Snapshot.Match(Render(w =>
        {
            LinkRequests.WriteGet(w, 1);
            LinkRequests.WriteGet(w, "lo");
        }));

    [Fact]
    public void Dump_plain_and_filtered_by_kind_and_master() =>
        Snapshot.Match(Render(w =>
        {
            LinkRequests.WriteDump(w, null);
            LinkRequests.WriteDump(w, new LinkFilter { Kind = "bridge" });
            LinkRequests.WriteDump(w, new LinkFilter { MasterIndex = 4 });
        }));

    [Fact]
    public void Builders_validate_before_writing_anything()
    {
        using var writer = new NetlinkMessageWriter();
        Assert.Throws<ArgumentException>("Name", () => LinkRequests.WriteAdd(writer, new BridgeSpec("way-too-long-name0")));
        Assert.Throws<ArgumentOutOfRangeException>("Mtu", () => LinkRequests.WriteSet(writer, 1, new LinkChanges { Mtu = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => LinkRequests.WriteDelete(writer, 0));
        Assert.Equal(0, writer.Length);
    }
}
