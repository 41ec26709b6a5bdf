using System.Net;
using System.Text.Json;
using Netlink.Encoding;
using Netlink.Generic.Generated;
using Netlink.Route.Generated;
using Netlink.Testing;
using Xunit;

namespace Netlink.Generators.Tests.Live;

/// <summary>
/// The repository's own families (schemas/) through their generated clients, live, each in a fresh
/// namespace holding lo and a veth pair, checked against iproute2 in the same namespace.
/// </summary>
public sealed class OwnFamilyClientTests : IDisposable
{
    private readonly TestNamespace _ns = new();

    public OwnFamilyClientTests()
    {
        IpTool.Run("ip", "-n", _ns.Name, "link", "add", "v0", "type", "veth", "peer", "name", "v1");
        IpTool.Run("ip", "-n", _ns.Name, "link", "set", "lo", "up");
    }

    public void Dispose() => _ns.Dispose();

    [RootFact]
    public async Task RtLinkDumpListsWhatIpLists()
    {
        await using RtLinkClient client = await RtLinkClient.OpenAsync(_ns.Namespace);
        var links = new List<RtLink.GetlinkReply>();
        await foreach (RtLink.GetlinkReply link in client.GetlinkDumpAsync())
        {
            links.Add(link);
        }

        var expected = IpTool.Json(_ns.Name, "link", "show").EnumerateArray()
            .Select(l => (Index: l.GetProperty("ifindex").GetInt32(), Name: l.GetProperty("ifname").GetString(), Mtu: l.GetProperty("mtu").GetUInt32()))
            .OrderBy(l => l.Index).ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, links.Select(l => (l.Header.IfiIndex, l.Ifname, l.Mtu ?? 0)).OrderBy(l => l.IfiIndex).ToList());
        Assert.Equal("veth", links.Single(l => l.Ifname == "v0").Linkinfo?.Kind);
    }

    [RootFact]
    public async Task RtLinkDoGetsOneLinkByName()
    {
        await using RtLinkClient client = await RtLinkClient.OpenAsync(_ns.Namespace);
        RtLink.GetlinkReply lo = await client.GetlinkAsync(new RtLink.GetlinkRequest { Ifname = "lo" });
        Assert.Equal(1, lo.Header.IfiIndex);
        Assert.Equal("lo", lo.Ifname);
        Assert.NotNull(lo.Stats64);
    }

    [RootFact]
    public async Task RtAddrAddsAnAddressIpThenShows()
    {
        int index = IpTool.Json(_ns.Name, "link", "show", "v0")[0].GetProperty("ifindex").GetInt32();
        await using RtAddrClient client = await RtAddrClient.OpenAsync(_ns.Namespace);
        await client.NewaddrAsync(new RtAddr.NewaddrRequest
        {
            Header = new RtAddr.Ifaddrmsg { IfaFamily = InetAddress.Inet, IfaPrefixlen = 24, IfaIndex = (uint)index },
            Local = IPAddress.Parse("192.0.2.7"),
            Address = IPAddress.Parse("192.0.2.7"),
            RequestFlags = Messages.NlMsgFlags.Create | Messages.NlMsgFlags.Excl,
        });

        JsonElement shown = IpTool.Json(_ns.Name, "addr", "show", "dev", "v0");
        Assert.Contains(shown[0].GetProperty("addr_info").EnumerateArray(), a => a.GetProperty("local").GetString() == "192.0.2.7" && a.GetProperty("prefixlen").GetInt32() == 24);

        var dumped = new List<RtAddr.GetaddrReply>();
        await foreach (RtAddr.GetaddrReply a in client.GetaddrDumpAsync())
        {
            dumped.Add(a);
        }

        Assert.Contains(dumped, a => IPAddress.Parse("192.0.2.7").Equals(a.Local) && a.Header.IfaIndex == index && a.Header.IfaPrefixlen == 24);
    }

    [RootFact]
    public async Task RtRouteDumpHasTheConnectedRoute()
    {
        IpTool.Run("ip", "-n", _ns.Name, "addr", "add", "198.51.100.1/24", "dev", "v0");
        IpTool.Run("ip", "-n", _ns.Name, "link", "set", "v0", "up");
        int index = IpTool.Json(_ns.Name, "link", "show", "v0")[0].GetProperty("ifindex").GetInt32();
        await using RtRouteClient client = await RtRouteClient.OpenAsync(_ns.Namespace);
        var routes = new List<RtRoute.GetrouteReply>();
        await foreach (RtRoute.GetrouteReply r in client.GetrouteDumpAsync(new RtRoute.GetrouteRequest { Header = new RtRoute.Rtmsg { RtmFamily = InetAddress.Inet } }))
        {
            routes.Add(r);
        }

        Assert.Contains(routes, r => IPAddress.Parse("198.51.100.0").Equals(r.Dst) && r.Header.RtmDstLen == 24 && r.Oif == (uint)index);
    }

    [RootFact]
    public async Task NlctrlResolvesItselfAndListsFamilies()
    {
        await using NlctrlClient client = await NlctrlClient.OpenAsync(_ns.Namespace);
        Nlctrl.GetfamilyReply self = await client.GetfamilyAsync(new Nlctrl.GetfamilyRequest { FamilyName = "nlctrl" });
        Assert.Equal(Netlink.Generic.GenericNetlink.ControllerId, self.FamilyId);
        Assert.Equal("nlctrl", self.FamilyName);
        Assert.NotNull(self.McastGroups);
        Assert.Contains(self.McastGroups!, g => g.Value.Name == "notify");

        var names = new List<string?>();
        await foreach (Nlctrl.GetfamilyReply family in client.GetfamilyDumpAsync())
        {
            names.Add(family.FamilyName);
        }

        Assert.Contains("nlctrl", names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
