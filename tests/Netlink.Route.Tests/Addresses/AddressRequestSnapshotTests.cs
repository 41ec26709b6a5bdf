using System.Net;
using System.Net.Sockets;
using Netlink.Encoding;
using Netlink.Route.Tests.Links;
using Snapshooter.Xunit;
using Xunit;

namespace Netlink.Route.Tests.Addresses;

/// <summary>The exact bytes of every typed address request, rendered by the generated describer.</summary>
public sealed class AddressRequestSnapshotTests
{
    [Fact]
    public void Add_ipv4_with_broadcast_label_and_lifetimes() =>
        Snapshot.Match(LinkRequestSnapshotTests.Render(w => AddressRequests.WriteAdd(
            w,
            new AddressSpec(IPAddress.Parse("10.0.0.1"), 24, 2)
            {
                Broadcast = IPAddress.Parse("10.0.0.255"),
                Label = "eth0:web",
                ValidLifetime = TimeSpan.FromSeconds(3600),
                PreferredLifetime = TimeSpan.FromSeconds(1800),
                Metric = 100,
            },
            AddressRequests.Mode.Add,
            "eth0")));

    [Fact]
    public void Add_ipv4_loopback_gets_host_scope_and_peer_goes_in_IFA_ADDRESS() =>
        Snapshot.Match(LinkRequestSnapshotTests.Render(w =>
        {
            AddressRequests.WriteAdd(w, AddressSpec.Parse("127.0.0.2/8", 1), AddressRequests.Mode.Add, null);
            AddressRequests.WriteAdd(w, AddressSpec.Parse("100.64.0.1/32", 3) with { Peer = IPAddress.Parse("100.64.0.2") }, AddressRequests.Mode.Add, null);
        }));

    [Fact]
    public void Add_ipv6_nodad_noprefixroute_puts_high_flags_in_IFA_FLAGS() =>
        Snapshot.Match(LinkRequestSnapshotTests.Render(w => AddressRequests.WriteAdd(
            w,
            AddressSpec.Parse("2001:db8::1/64", 2) with { Flags = AddressFlags.NoDad | AddressFlags.NoPrefixRoute, Scope = AddressScope.Global },
            AddressRequests.Mode.Add,
            null)));

    [Fact]
    public void Replace_uses_create_and_replace_flags() =>
        Snapshot.Match(LinkRequestSnapshotTests.Render(w => AddressRequests.WriteAdd(w, AddressSpec.Parse("10.0.0.1/24", 2), AddressRequests.Mode.Replace, null)));

    [Fact]
    public void Delete_ipv4_and_ipv6() =>
        Snapshot.Match(LinkRequestSnapshotTests.Render(w =>
        {
            AddressRequests.WriteDelete(w, AddressSpec.Parse("10.0.0.1/24", 2));
            AddressRequests.WriteDelete(w, AddressSpec.Parse("2001:db8::1/64", 2));
        }));

    [Fact]
    public void Dump_all_and_filtered_by_link_and_family() =>
        Snapshot.Match(LinkRequestSnapshotTests.Render(w =>
        {
            AddressRequests.WriteDump(w, null);
            AddressRequests.WriteDump(w, new AddressFilter { LinkIndex = 2, Family = AddressFamily.InterNetworkV6 });
        }));

    [Fact]
    public void Builders_validate_before_writing_anything()
    {
        using var writer = new NetlinkMessageWriter();
        Assert.Throws<ArgumentOutOfRangeException>("PrefixLength", () => AddressRequests.WriteAdd(writer, new AddressSpec(IPAddress.Parse("10.0.0.1"), 33, 2), AddressRequests.Mode.Add, null));
        Assert.Throws<ArgumentException>("Label", () => AddressRequests.WriteAdd(writer, AddressSpec.Parse("10.0.0.1/24", 2) with { Label = "wlan0" }, AddressRequests.Mode.Add, "eth0"));
        Assert.Throws<ArgumentException>("Label", () => AddressRequests.WriteAdd(writer, AddressSpec.Parse("10.0.0.1/24", 2) with { Label = "eth0:sixteen-byte" }, AddressRequests.Mode.Add, "eth0"));
        Assert.Equal(0, writer.Length);
    }
}
