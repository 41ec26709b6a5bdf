using System.Net;
using System.Net.Sockets;
using Netlink.Testing;
using Xunit;

namespace Netlink.Route.Tests.Addresses;

public sealed class AddressIntegrationTests(TestNamespace netns) : IClassFixture<TestNamespace>
{
    private async Task<Link> NewVethAsync(RouteClient client, string name)
    {
        Link link = await client.AddLinkAsync(new VethSpec(name, name + "p") { Up = true });
        return link;
    }

    [RootFact]
    public async Task IPv4_with_broadcast_label_and_lifetimes_is_added_listed_and_deleted()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        Link link = await NewVethAsync(client, "a4");

        await client.AddAddressAsync(new AddressSpec(IPAddress.Parse("10.9.8.7"), 24, link.Index)
        {
            Broadcast = IPAddress.Parse("10.9.8.255"),
            Label = "a4:web",
            ValidLifetime = TimeSpan.FromSeconds(3000),
            PreferredLifetime = TimeSpan.FromSeconds(2000),
        });

        Address address = Assert.Single(await client.ListAddressesAsync(new AddressFilter { LinkIndex = link.Index, Family = AddressFamily.InterNetwork }));
        Assert.Equal(IPAddress.Parse("10.9.8.7"), address.Local);
        Assert.Equal(24, address.PrefixLength);
        Assert.Equal(IPAddress.Parse("10.9.8.255"), address.Broadcast);
        Assert.Equal("a4:web", address.Label);
        Assert.Equal(AddressScope.Global, address.Scope);
        Assert.False(address.IsPermanent);
        Assert.InRange(address.ValidLifetime!.Value.TotalSeconds, 2990, 3000);
        Assert.InRange(address.PreferredLifetime!.Value.TotalSeconds, 1990, 2000);
        Assert.Equal(new IPNetwork(IPAddress.Parse("10.9.8.0"), 24), address.Network);

        await client.DeleteAddressAsync(link.Index, IPAddress.Parse("10.9.8.7"), 24);
        Assert.Empty(await client.ListAddressesAsync(new AddressFilter { LinkIndex = link.Index, Family = AddressFamily.InterNetwork }));
        await client.DeleteLinkAsync(link.Index);
    }

    [RootFact]
    public async Task IPv6_with_nodad_and_noprefixroute_is_permanent_and_forever()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        Link link = await NewVethAsync(client, "a6");

        await client.AddAddressAsync(AddressSpec.Parse("2001:db8:5::1/64", link.Index) with { Flags = AddressFlags.NoDad | AddressFlags.NoPrefixRoute });

        Address address = Assert.Single(
            await client.ListAddressesAsync(new AddressFilter { LinkIndex = link.Index, Family = AddressFamily.InterNetworkV6 }),
            a => a.Local.Equals(IPAddress.Parse("2001:db8:5::1")));
        Assert.Equal(64, address.PrefixLength);
        Assert.Equal(AddressFamily.InterNetworkV6, address.Family);
        Assert.True(address.Flags.HasFlag(AddressFlags.NoDad));
        Assert.True(address.Flags.HasFlag(AddressFlags.NoPrefixRoute)); // > 0xff: travels in IFA_FLAGS
        Assert.True(address.IsPermanent);
        Assert.Null(address.ValidLifetime);
        Assert.Null(address.PreferredLifetime);

        await client.DeleteAddressAsync(AddressSpec.Parse("2001:db8:5::1/64", link.Index));
        Assert.DoesNotContain(await client.ListAddressesAsync(new AddressFilter { LinkIndex = link.Index }), a => a.Local.Equals(IPAddress.Parse("2001:db8:5::1")));
        await client.DeleteLinkAsync(link.Index);
    }

    [RootFact]
    public async Task Replace_updates_an_existing_address_where_add_fails_with_EEXIST()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        Link link = await NewVethAsync(client, "ar");
        var spec = new AddressSpec(IPAddress.Parse("192.0.2.10"), 24, link.Index);
        await client.AddAddressAsync(spec);

        NetlinkException duplicate = await Assert.ThrowsAsync<NetlinkException>(() => client.AddAddressAsync(spec));
        Assert.Equal(Errno.EEXIST, duplicate.Errno);

        await client.ReplaceAddressAsync(spec with { ValidLifetime = TimeSpan.FromSeconds(600) });
        Address replaced = Assert.Single(await client.ListAddressesAsync(new AddressFilter { LinkIndex = link.Index, Family = AddressFamily.InterNetwork }));
        Assert.InRange(replaced.ValidLifetime!.Value.TotalSeconds, 590, 600);
        await client.DeleteLinkAsync(link.Index);
    }

    [RootFact]
    public async Task Peer_address_is_reported_separately_from_local()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        Link link = await NewVethAsync(client, "ap");
        await client.AddAddressAsync(new AddressSpec(IPAddress.Parse("100.64.0.1"), 32, link.Index) { Peer = IPAddress.Parse("100.64.0.2") });

        Address address = Assert.Single(await client.ListAddressesAsync(new AddressFilter { LinkIndex = link.Index, Family = AddressFamily.InterNetwork }));
        Assert.Equal(IPAddress.Parse("100.64.0.1"), address.Local);
        Assert.Equal(IPAddress.Parse("100.64.0.2"), address.Peer);
        await client.DeleteLinkAsync(link.Index);
    }

    [RootFact]
    public async Task Filters_are_applied_by_link_and_family()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        await client.SetLinkUpAsync(1);
        Link link = await NewVethAsync(client, "af");
        await client.AddAddressAsync(AddressSpec.Parse("198.51.100.1/24", link.Index));

        IReadOnlyList<Address> loV4 = await client.ListAddressesAsync(new AddressFilter { LinkIndex = 1, Family = AddressFamily.InterNetwork });
        Address lo = Assert.Single(loV4);
        Assert.Equal(IPAddress.Loopback, lo.Local);
        Assert.Equal(AddressScope.Host, lo.Scope);
        Assert.Equal("lo", lo.Label);
        Assert.All(await client.ListAddressesAsync(new AddressFilter { Family = AddressFamily.InterNetworkV6 }), a => Assert.Equal(AddressFamily.InterNetworkV6, a.Family));
        Assert.All(await client.ListAddressesAsync(new AddressFilter { LinkIndex = link.Index }), a => Assert.Equal(link.Index, a.LinkIndex));
        await client.DeleteLinkAsync(link.Index);
    }

    [RootFact]
    public async Task Bad_input_is_rejected_before_sending()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        Link link = await NewVethAsync(client, "ab");

        Assert.Equal("PrefixLength", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddAddressAsync(new AddressSpec(IPAddress.Parse("10.1.1.1"), 33, link.Index)))).ParamName);
        Assert.Equal("PrefixLength", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddAddressAsync(new AddressSpec(IPAddress.Parse("2001:db8::1"), 129, link.Index)))).ParamName);
        Assert.Equal("prefix", Assert.Throws<ArgumentException>(() => AddressSpec.Parse("10.1.1.1/33", link.Index)).ParamName);
        Assert.Equal("prefix", Assert.Throws<ArgumentException>(() => AddressSpec.Parse("nonsense/8", link.Index)).ParamName);
        Assert.Equal("Peer", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddAddressAsync(AddressSpec.Parse("10.1.1.1/24", link.Index) with { Peer = IPAddress.Parse("2001:db8::2") }))).ParamName);
        Assert.Equal("Broadcast", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddAddressAsync(AddressSpec.Parse("2001:db8::1/64", link.Index) with { Broadcast = IPAddress.Parse("10.0.0.255") }))).ParamName);
        Assert.Equal("Label", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddAddressAsync(AddressSpec.Parse("10.1.1.1/24", link.Index) with { Label = "other:1" }))).ParamName);
        Assert.Equal("Label", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddAddressAsync(AddressSpec.Parse("10.1.1.1/24", link.Index) with { Label = "ab:a-label-too-long" }))).ParamName);
        Assert.Equal("PreferredLifetime", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddAddressAsync(AddressSpec.Parse("10.1.1.1/24", link.Index) with { ValidLifetime = TimeSpan.FromSeconds(10), PreferredLifetime = TimeSpan.FromSeconds(20) }))).ParamName);
        Assert.Equal("LinkIndex", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AddAddressAsync(AddressSpec.Parse("10.1.1.1/24", 0)))).ParamName);

        Assert.Empty(await client.ListAddressesAsync(new AddressFilter { LinkIndex = link.Index, Family = AddressFamily.InterNetwork }));
        await client.DeleteLinkAsync(link.Index);
    }

    [RootFact]
    public async Task Deleting_a_missing_address_fails_with_EADDRNOTAVAIL()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        Link link = await NewVethAsync(client, "ad");
        NetlinkException error = await Assert.ThrowsAsync<NetlinkException>(() => client.DeleteAddressAsync(link.Index, IPAddress.Parse("10.77.0.1"), 24));
        Assert.Equal(99, error.Errno); // EADDRNOTAVAIL
        await client.DeleteLinkAsync(link.Index);
    }

    [RootFact]
    public async Task Visitor_sees_the_same_addresses_as_the_typed_list()
    {
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        await client.SetLinkUpAsync(1);
        var seen = new List<string>();
        await client.VisitAddressesAsync((in Generated.RtAddr.Ifaddrmsg header, Generated.RtAddr.AddrAttrsReader attributes) =>
            seen.Add($"{header.IfaIndex}/{header.IfaFamily}/{header.IfaPrefixlen}"));
        IReadOnlyList<Address> typed = await client.ListAddressesAsync();
        Assert.NotEmpty(typed);
        Assert.Equal(typed.Select(a => $"{a.LinkIndex}/{(a.Family == AddressFamily.InterNetwork ? 2 : 10)}/{a.PrefixLength}"), seen);
    }
}
