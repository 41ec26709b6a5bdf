using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Netlink.Route;

namespace Nlctl.Tests.CrossChecks;

/// <summary>
/// A namespace populated with iproute2 (gateway, device, multipath v4/v6, metrics, blackhole/
/// unreachable/prohibit, other tables, local routes): the SDK's list and <c>nlctl -j route show</c>
/// must agree with <c>ip -j route show</c>, and nlctl's text with ip's, byte for byte.
/// </summary>
public sealed class RouteCrossCheckTests(PopulatedNamespace ns) : IClassFixture<PopulatedNamespace>
{
    public static TheoryData<string> Selections => new()
    {
        "route show", "-6 route show", "route show table all", "-4 route show table all", "-6 route show table all", "route show table 100",
        "route show proto static", "route show dev vc", "route", "r", "-6 r", "r s", "route list table main", "route show type unreachable",
        "route show 192.168.5.0/24", "-6 route show 2001:db8:6::/64", "route show root 192.168.0.0/16", "route show match 192.168.6.7", "route show default",
    };

    [RootTheory]
    [MemberData(nameof(Selections))]
    public void Nlctl_json_equals_ip_json(string selection)
    {
        string[] words = selection.Split(' ');
        string expected = Run.Ip(["-n", ns.Name, "-j", .. words]);
        Assert.NotEqual("[]\n", expected);
        Assert.Equal(expected, Run.NlctlChecked(["-n", ns.Name, "-j", .. words]));
    }

    [RootTheory]
    [MemberData(nameof(Selections))]
    public void Nlctl_text_equals_ip_text(string selection)
    {
        string[] words = selection.Split(' ');
        Assert.Equal(Run.Ip(["-n", ns.Name, .. words]), Run.NlctlChecked(["-n", ns.Name, .. words]));
    }

    [RootTheory]
    [InlineData("-o route show")]
    [InlineData("-p -j route show")]
    [InlineData("-p -j -6 route show")]
    [InlineData("-c=always route show")]
    public void Oneline_pretty_and_colour_equal_ip(string selection)
    {
        string[] words = selection.Split(' ');
        Assert.Equal(Run.Ip(["-n", ns.Name, .. words]), Run.NlctlChecked(["-n", ns.Name, .. words]));
    }

    [RootTheory]
    [InlineData("route show", AddressFamily.InterNetwork, RouteTables.Main)]
    [InlineData("-6 route show", AddressFamily.InterNetworkV6, RouteTables.Main)]
    [InlineData("route show table all", AddressFamily.Unspecified, RouteTables.All)]
    public async Task Sdk_list_equals_ip_json(string selection, AddressFamily family, uint table)
    {
        await using RouteClient client = RouteClient.Open(ns.Namespace);
        IReadOnlyList<Route> routes = await client.ListRoutesAsync(new RouteFilter { Family = family, Table = table });
        JsonElement ip = IpJson(selection);
        Assert.Equal(ip.GetArrayLength(), routes.Count);
        Dictionary<string, int> indexes = IpJson("link show").EnumerateArray().ToDictionary(l => l.GetProperty("ifname").GetString()!, l => l.GetProperty("ifindex").GetInt32());
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

    private JsonElement IpJson(string selection)
    {
        using JsonDocument document = JsonDocument.Parse(Run.Ip(["-n", ns.Name, "-j", .. selection.Split(' ')]));
        return document.RootElement.Clone();
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;
}
