using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Netlink.Route;
using Netlink.Route.Iproute2;

namespace Nlctl.Tests.CrossChecks;

/// <summary>
/// One populated namespace (veth pair, veth with its peer in a second namespace, bridge with a
/// port, macvlan, vxlan; IPv4 with label and broadcast, IPv6 nodad) built through the SDK, then
/// compared with <c>ip -j</c>: the SDK's records field by field, and <c>nlctl -j</c> as whole JSON.
/// </summary>
public sealed class LinkAddressCrossCheckTests : IAsyncLifetime
{
    private TestNamespace _netns = null!;
    private TestNamespace _other = null!;

    public async Task InitializeAsync()
    {
        if (!Root.IsRoot)
        {
            return; // every test is skipped with the root reason
        }

        _netns = new TestNamespace();
        _other = new TestNamespace();

        // No DAD, so no address is "tentative" in one listing and not in the next.
        _netns.Namespace.RunInside(() =>
        {
            File.WriteAllText("/proc/sys/net/ipv6/conf/all/accept_dad", "0");
            File.WriteAllText("/proc/sys/net/ipv6/conf/default/accept_dad", "0");
        });
        await using RouteClient client = RouteClient.Open(_netns.Namespace);
        await client.SetLinkUpAsync(1);
        Link v0 = await client.AddLinkAsync(new VethSpec("xv0", "xv1") { Up = true });
        await client.AddLinkAsync(new VethSpec("xout0", "xout1") { PeerNamespace = _other.Namespace });
        Link bridge = await client.AddLinkAsync(new BridgeSpec("xbr0") { Up = true });
        Link v1 = await client.GetLinkAsync("xv1");
        await client.SetLinkAsync(v1.Index, new LinkChanges { MasterIndex = bridge.Index, Up = true });
        await client.AddLinkAsync(new MacvlanSpec("xmv0", v0.Index, MacvlanMode.Bridge) { TxQueueLength = 10 });
        await client.AddLinkAsync(new VxlanSpec("xvx0", 77) { Remote = IPAddress.Parse("192.0.2.9"), Port = 4789, VxlanParentIndex = v0.Index });
        await client.SetLinkAsync(v0.Index, new LinkChanges { Alias = "cross-check" });

        await client.AddAddressAsync(AddressSpec.Parse("10.20.30.1/24", v0.Index) with { Label = "xv0:lbl", Broadcast = IPAddress.Parse("10.20.30.255") });
        await client.AddAddressAsync(AddressSpec.Parse("10.20.31.1/24", v0.Index) with { ValidLifetime = TimeSpan.FromSeconds(5000), PreferredLifetime = TimeSpan.FromSeconds(4000) });
        await client.AddAddressAsync(AddressSpec.Parse("2001:db8:30::1/64", v0.Index) with { Flags = AddressFlags.NoDad });
        await client.AddAddressAsync(AddressSpec.Parse("2001:db8:31::1/64", bridge.Index) with { Flags = AddressFlags.NoDad | AddressFlags.NoPrefixRoute });
        await client.AddAddressAsync(new AddressSpec(IPAddress.Parse("100.64.9.1"), 32, bridge.Index) { Peer = IPAddress.Parse("100.64.9.2") });

        // Operational states settle asynchronously (linkwatch): wait until the up links report UP.
        for (int i = 0; i < 50; i++)
        {
            IReadOnlyList<Link> links = await client.ListLinksAsync();
            if (links.Where(l => l.Name is "xv0" or "xv1" or "xbr0").All(l => l.OperationalState == LinkOperationalState.Up))
            {
                break;
            }

            await Task.Delay(100);
        }
    }

    public Task DisposeAsync()
    {
        _netns?.Dispose();
        _other?.Dispose();
        return Task.CompletedTask;
    }

    [RootFact]
    public async Task Sdk_links_equal_ip_link_show()
    {
        await using RouteClient client = RouteClient.Open(_netns.Namespace);
        IReadOnlyList<Link> links = await client.ListLinksAsync();
        var byIndex = links.ToDictionary(l => l.Index);
        JsonArray ip = Ip("link", "show");

        Assert.Equal(ip.Select(l => (int)l!["ifindex"]!), links.Select(l => l.Index));
        foreach (JsonNode? expected in ip)
        {
            Link link = byIndex[(int)expected!["ifindex"]!];
            Assert.Equal((string)expected["ifname"]!, link.Name);
            Assert.Equal((uint)expected["mtu"]!, link.Mtu);
            Assert.Equal((string)expected["operstate"]!, LinkStateNames.Format(link.OperationalState));
            Assert.Equal((string)expected["link_type"]!, ArpHardwareTypeNames.Format(link.LinkType));
            Assert.Equal((string?)expected["address"], link.Address is null ? null : string.Join(':', link.Address.GetAddressBytes().Select(b => b.ToString("x2"))));
            Assert.Equal((string?)expected["master"], link.MasterIndex is { } m ? byIndex[m].Name : null);
            Assert.Equal((uint?)expected["txqlen"], link.TxQueueLength);
            Assert.Equal((string?)expected["ifalias"], link.Alias);
            Assert.Equal((int?)expected["link_netnsid"], link.LinkNetnsId);
            var flags = expected["flags"]!.AsArray().Select(f => (string)f!).Where(f => f != "M-DOWN");
            Assert.Equal(flags, LinkFlagNames.Format(link.Flags));
        }

        Assert.Contains(links, l => l.Name == "xout0" && l.LinkNetnsId is not null);
        Assert.Contains(links, l => l.Kind == "vxlan" && l.Details is VxlanDetails { Id: 77 });
    }

    [RootFact]
    public async Task Sdk_addresses_equal_ip_addr_show()
    {
        await using RouteClient client = RouteClient.Open(_netns.Namespace);
        IReadOnlyList<Address> addresses = await client.ListAddressesAsync();
        var expected = new List<string>();
        foreach (JsonNode? link in Ip("addr", "show"))
        {
            foreach (JsonNode? info in link!["addr_info"]!.AsArray())
            {
                expected.Add(string.Join(
                    ' ',
                    (int)link["ifindex"]!,
                    (string)info!["family"]!,
                    (string)info["local"]!,
                    (string?)info["address"] ?? "-",
                    (int)info["prefixlen"]!,
                    (string)info["scope"]!,
                    (string?)info["label"] ?? "-",
                    (string?)info["broadcast"] ?? "-",
                    info["nodad"] is not null,
                    info["noprefixroute"] is not null,
                    info["dynamic"] is not null));
            }
        }

        IEnumerable<string> actual = addresses.Select(a => string.Join(
            ' ',
            a.LinkIndex,
            a.Family == AddressFamily.InterNetworkV6 ? "inet6" : "inet",
            a.Local,
            a.Peer?.ToString() ?? "-",
            a.PrefixLength,
            AddressScopeNames.Format(a.Scope),
            a.Label ?? "-",
            a.Broadcast?.ToString() ?? "-",
            a.Flags.HasFlag(AddressFlags.NoDad),
            a.Flags.HasFlag(AddressFlags.NoPrefixRoute),
            !a.IsPermanent));

        Assert.Equal(expected.Order(), actual.Order());
        Assert.Contains(expected, e => e.Contains("xv0:lbl", StringComparison.Ordinal));
        Assert.Contains(expected, e => e.Contains("100.64.9.2", StringComparison.Ordinal));
    }

    [RootTheory]
    [InlineData("link", "show")]
    [InlineData("addr", "show")]
    [InlineData("addr", "show", "dev", "xv0")]
    [InlineData("link", "show", "xbr0")]
    public void Nlctl_json_equals_ip_json(params string[] command)
    {
        JsonArray ip = Ip(command);
        (int exit, string stdout, string stderr) = Run.Nlctl(["-n", _netns.Name, "-j", .. command]);
        Assert.True(exit == 0, stderr);
        JsonArray nlctl = JsonNode.Parse(stdout)!.AsArray();

        // Lifetimes of dynamic addresses tick down between the two runs; everything else must match exactly.
        Normalize(ip);
        Normalize(nlctl);
        Assert.Equal(ip.ToJsonString(), nlctl.ToJsonString());
    }

    [RootFact]
    public void Nlctl_show_is_ip_addr_plus_ip_route_plus_ip_6_route()
    {
        (int exit, string stdout, string stderr) = Run.Nlctl("-n", _netns.Name, "-j", "show");
        Assert.True(exit == 0, stderr);
        JsonObject show = JsonNode.Parse(stdout)!.AsObject();
        JsonArray links = show["links"]!.AsArray();
        JsonArray ipLinks = Ip("addr", "show");
        Normalize(links);
        Normalize(ipLinks);

        Assert.Equal(ipLinks.ToJsonString(), links.ToJsonString());
        Assert.Equal(Ip("route", "show").ToJsonString(), show["routes"]!.ToJsonString());
        Assert.Equal(Ip("-6", "route", "show").ToJsonString(), show["routes6"]!.ToJsonString());
        Assert.NotEmpty(show["routes"]!.AsArray());
        Assert.NotEmpty(show["routes6"]!.AsArray());

        (exit, string text, stderr) = Run.Nlctl("-n", _netns.Name, "show");
        Assert.True(exit == 0, stderr);
        Assert.Contains("inet 10.20.30.1/24 brd 10.20.30.255 scope global xv0:lbl", text, StringComparison.Ordinal);
        Assert.Contains("IPv4 routes:\n10.20.30.0/24 dev xv0 proto kernel scope link src 10.20.30.1", text, StringComparison.Ordinal);
        Assert.Contains("IPv6 routes:\n", text, StringComparison.Ordinal);
    }

    [RootFact]
    public void Nlctl_text_matches_ip_text_for_links()
    {
        string ip = Run.Ip("-n", _netns.Name, "link", "show");
        (int exit, string nlctl, string stderr) = Run.Nlctl("-n", _netns.Name, "link", "show");
        Assert.True(exit == 0, stderr);
        // ip names the peer's namespace ("link-netns NAME") by asking for every named namespace's id; nlctl prints the id.
        static IEnumerable<string> Lines(string text) =>
            text.TrimEnd().Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l.TrimEnd(), @" link-netns(id)? \S+$", " link-netns"));
        Assert.Equal(Lines(ip), Lines(nlctl));
    }

    private JsonArray Ip(params string[] command) =>
        JsonNode.Parse(Run.Ip(["-n", _netns.Name, "-j", .. command]))!.AsArray();

    private static void Normalize(JsonArray links)
    {
        foreach (JsonNode? link in links)
        {
            if (link!["addr_info"] is JsonArray infos)
            {
                foreach (JsonNode? info in infos)
                {
                    foreach (string key in new[] { "valid_life_time", "preferred_life_time" })
                    {
                        long seconds = (long)info![key]!;
                        Assert.True(seconds == uint.MaxValue || seconds is > 3900 and <= 5000, $"{key} {seconds}");
                        info[key] = seconds == uint.MaxValue ? "forever" : "counting down";
                    }
                }
            }
        }
    }
}
