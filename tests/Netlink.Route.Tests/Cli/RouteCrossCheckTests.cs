using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Netlink.Route.Tests.Routes;
using Netlink.Testing;
using Xunit;

namespace Netlink.Route.Tests.Cli;

/// <summary>
/// A namespace populated with iproute2 (gateway, device, multipath v4/v6, metrics, blackhole/
/// unreachable/prohibit, other tables, local routes): the SDK's list and <c>nlctl -j route show</c>
/// must agree with <c>ip -j route show</c>.
/// </summary>
public sealed class RouteCrossCheckTests : IClassFixture<RouteCrossCheckTests.Populated>
{
    private readonly Populated _ns;

    public RouteCrossCheckTests(Populated ns) => _ns = ns;

    public static TheoryData<string> Selections => new() { "route show", "-6 route show", "route show table all", "route show table 100", "route show proto static", "route show dev vc" };

    [RootTheory]
    [MemberData(nameof(Selections))]
    public void Nlctl_json_equals_ip_json(string selection)
    {
        JsonElement expected = _ns.Ns.IpJson(selection);
        Assert.True(expected.GetArrayLength() > 0, $"ip -j {selection} listed nothing");
        string nlctl = Nlctl.Run($"-n {_ns.Ns.Name} -j {selection.Replace("-6 route show", "route show -6", StringComparison.Ordinal)}");
        using JsonDocument actual = JsonDocument.Parse(nlctl);
        Assert.Equal(expected.ToString(), actual.RootElement.ToString());
        Assert.True(JsonElement.DeepEquals(expected, actual.RootElement));
    }

    [RootFact]
    public void Nlctl_text_equals_ip_text()
    {
        static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToArray();
        Assert.Equal(Lines(_ns.Ns.Ip("route show")), Lines(Nlctl.Run($"-n {_ns.Ns.Name} route show")));
        Assert.Equal(Lines(_ns.Ns.Ip("-6 route show")), Lines(Nlctl.Run($"-n {_ns.Ns.Name} route show -6")));
    }

    [RootTheory]
    [InlineData("route show", AddressFamily.InterNetwork, RouteTables.Main)]
    [InlineData("-6 route show", AddressFamily.InterNetworkV6, RouteTables.Main)]
    [InlineData("route show table all", AddressFamily.Unspecified, RouteTables.All)]
    public async Task Sdk_list_equals_ip_json(string selection, AddressFamily family, uint table)
    {
        await using RouteClient client = _ns.Ns.OpenClient();
        IReadOnlyList<Route> routes = await client.ListRoutesAsync(new RouteFilter { Family = family, Table = table });
        JsonElement ip = _ns.Ns.IpJson(selection);
        Assert.Equal(ip.GetArrayLength(), routes.Count);
        Dictionary<string, int> indexes = _ns.Ns.IpJson("link show").EnumerateArray().ToDictionary(l => l.GetProperty("ifname").GetString()!, l => l.GetProperty("ifindex").GetInt32());
        var protocols = new Dictionary<string, RouteProtocol> { ["kernel"] = RouteProtocol.Kernel, ["static"] = RouteProtocol.Static, ["babel"] = RouteProtocol.Babel, ["bird"] = RouteProtocol.Bird };
        var scopes = new Dictionary<string, RouteScope> { ["link"] = RouteScope.Link, ["host"] = RouteScope.Host };

        int i = 0;
        foreach (JsonElement expected in ip.EnumerateArray())
        {
            Route route = routes[i++];
            string dst = expected.GetProperty("dst").GetString()!;
            if (dst == "default")
            {
                Assert.True(route.IsDefault);
            }
            else
            {
                Assert.Equal(IPNetwork.Parse(dst.Contains('/', StringComparison.Ordinal) ? dst : $"{dst}/{(dst.Contains(':', StringComparison.Ordinal) ? 128 : 32)}"), route.Destination);
            }

            Assert.Equal(Optional(expected, "gateway"), route.Gateway?.ToString());
            Assert.Equal(Optional(expected, "prefsrc"), route.PreferredSource?.ToString());
            Assert.Equal(Optional(expected, "dev") is { } dev ? indexes[dev] : 0, route.OutputInterfaceIndex);
            Assert.Equal(Optional(expected, "type") ?? "unicast", route.Type.ToString().ToLowerInvariant());
            Assert.Equal(Optional(expected, "scope") is { } scope ? scopes[scope] : RouteScope.Universe, route.Scope);
            if (Optional(expected, "protocol") is { } protocol)
            {
                Assert.Equal(protocols[protocol], route.Protocol);
            }
            else
            {
                Assert.Contains(route.Protocol, new[] { RouteProtocol.Boot, RouteProtocol.Unspecified });
            }

            if (expected.TryGetProperty("metric", out JsonElement metric))
            {
                Assert.Equal(metric.GetUInt32(), route.Priority);
            }

            if (expected.TryGetProperty("table", out JsonElement tableName))
            {
                Assert.Equal(tableName.GetString() switch { "local" => RouteTables.Local, var n => uint.Parse(n!, System.Globalization.CultureInfo.InvariantCulture) }, route.Table);
            }
            else
            {
                Assert.Equal(RouteTables.Main, route.Table);
            }

            if (expected.TryGetProperty("metrics", out JsonElement metrics))
            {
                JsonElement m = metrics[0];
                Assert.Equal(m.GetProperty("mtu").GetUInt32(), route.Metrics?.Mtu);
                Assert.Equal(m.GetProperty("advmss").GetUInt32(), route.Metrics?.AdvertisedMss);
            }

            JsonElement[] hops = expected.TryGetProperty("nexthops", out JsonElement nh) ? [.. nh.EnumerateArray()] : [];
            Assert.Equal(hops.Length, route.NextHops.Count);
            for (int h = 0; h < hops.Length; h++)
            {
                Assert.Equal(hops[h].GetProperty("gateway").GetString(), route.NextHops[h].Gateway?.ToString());
                Assert.Equal(indexes[hops[h].GetProperty("dev").GetString()!], route.NextHops[h].InterfaceIndex);
                Assert.Equal(hops[h].GetProperty("weight").GetInt32(), route.NextHops[h].Weight);
            }
        }
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;

    /// <summary>The namespace with routes added by iproute2.</summary>
    public sealed class Populated : IDisposable
    {
        public Populated()
        {
            Ns = new RouteNamespace();
            if (!Root.IsRoot)
            {
                return;
            }

            Ns.Ip("route add default via 10.0.0.2 dev va proto static metric 100");
            Ns.Ip("route add 192.168.5.0/24 proto babel nexthop via 10.0.0.2 dev va weight 2 nexthop via 10.1.0.2 dev vc weight 1");
            Ns.Ip("route add 192.168.6.0/24 via 10.0.0.2 mtu 1400 advmss 1300 hoplimit 12 initcwnd 5 table 100");
            Ns.Ip("route add 192.168.16.0/24 via 10.1.0.2 proto static table 100");
            Ns.Ip("route add blackhole 192.168.7.0/24");
            Ns.Ip("route add unreachable 192.168.8.0/24 metric 5");
            Ns.Ip("route add prohibit 192.168.9.1");
            Ns.Ip("route add 172.16.0.0/16 dev va scope link src 10.0.0.1");
            Ns.Ip("route add 172.17.0.0/16 via 10.1.0.2 proto static");
            Ns.Ip("-6 route add 2001:db8:5::/64 nexthop via 2001:db8::2 dev va weight 3 nexthop via 2001:db8:1::2 dev vc");
            Ns.Ip("-6 route add 2001:db8:6::/64 via 2001:db8::2 metric 10 proto bird");
            Ns.Ip("-6 route add 2001:db8:7::/64 via 2001:db8:1::2 mtu 1300 advmss 1200");
            Ns.Ip("route add local 10.9.9.9 dev va table 200");
        }

        public RouteNamespace Ns { get; }

        public void Dispose() => Ns.Dispose();
    }
}
