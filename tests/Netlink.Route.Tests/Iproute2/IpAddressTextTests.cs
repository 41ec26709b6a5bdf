using System.Net;
using System.Net.Sockets;
using Netlink.Route.Iproute2;
using Xunit;

namespace Netlink.Route.Tests.Iproute2;

/// <summary>Addresses and prefixes in ip's forms (issue 21, item 9): what ip accepts, and what it refuses.</summary>
public sealed class IpAddressTextTests
{
    [Theory]
    [InlineData("1.2.3/24", "1.2.3.0", 24)]
    [InlineData("10/8", "10.0.0.0", 8)]
    [InlineData("10.1/16", "10.1.0.0", 16)]
    [InlineData("012.0x10/16", "10.16.0.0", 16)]
    [InlineData("14.0.0.0/0x8", "14.0.0.0", 8)]
    [InlineData("10.0.0.1/24", "10.0.0.1", 24)]
    [InlineData("192.0.2.7", "192.0.2.7", 32)]
    [InlineData("2001:db8::/32", "2001:db8::", 32)]
    [InlineData("::ffff:10.0.0.1", "::ffff:10.0.0.1", 128)]
    [InlineData("default", "0.0.0.0", 0)]
    [InlineData("all", "0.0.0.0", 0)]
    public void Prefixes_parse_as_ip_parses_them(string text, string address, int length)
    {
        (IPAddress parsed, int prefixLength) = IpAddressText.ParsePrefix(text);
        Assert.Equal((IPAddress.Parse(address), length), (parsed, prefixLength));
    }

    [Theory]
    [InlineData("167772161/24")]
    [InlineData("167772161")]
    [InlineData("1.2.3.4.5/32")]
    [InlineData("256.1/16")]
    [InlineData("1..2/16")]
    [InlineData("1.2./24")]
    [InlineData("13.0.0.0/08")]
    [InlineData("1.2.3.4/33")]
    [InlineData("2001:db8::/129")]
    [InlineData("-1.2.3.4")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.4/")]
    [InlineData("")]
    public void Forms_ip_refuses_are_refused_with_the_text_named(string text)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => IpAddressText.ParsePrefix(text, parameterName: "destination"));
        Assert.Equal("destination", error.ParamName);
        Assert.False(IpAddressText.TryParsePrefix(text, AddressFamily.Unspecified, out _, out _, out string? reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Theory]
    [InlineData("fe80::1%eth0")]
    [InlineData("fe80::1%2")]
    [InlineData("fe80::1%eth0/64")]
    public void Zone_ids_are_refused_rather_than_dropped(string text)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => IpAddressText.ParsePrefix(text));
        Assert.Contains("zone id", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => IpAddressText.ParseAddress(text.Split('/')[0]));
    }

    [Fact]
    public void The_family_asked_for_is_enforced()
    {
        Assert.Equal(IPAddress.Parse("10.0.0.1"), IpAddressText.ParseAddress("10.0.0.1", AddressFamily.InterNetwork));
        Assert.Throws<ArgumentException>(() => IpAddressText.ParseAddress("10.0.0.1", AddressFamily.InterNetworkV6));
        Assert.Throws<ArgumentException>(() => IpAddressText.ParseAddress("2001:db8::1", AddressFamily.InterNetwork));
        Assert.Equal((IPAddress.IPv6Any, 0), IpAddressText.ParsePrefix("default", AddressFamily.InterNetworkV6));
    }

    [Fact]
    public void A_prefix_becomes_its_network()
    {
        Assert.Equal(IPNetwork.Parse("10.1.0.0/16"), IpAddressText.ToNetwork(IPAddress.Parse("10.1.2.3"), 16));
        Assert.Equal(IPNetwork.Parse("2001:db8::/32"), IpAddressText.ToNetwork(IPAddress.Parse("2001:db8:ffff::1"), 32));
        Assert.Throws<ArgumentOutOfRangeException>(() => IpAddressText.ToNetwork(IPAddress.Parse("10.0.0.1"), 33));
    }

    [Theory]
    [InlineData("1500", 1500u)]
    [InlineData("0x5dc", 1500u)]
    [InlineData("0X5DC", 1500u)]
    [InlineData("012", 10u)]
    [InlineData("0", 0u)]
    [InlineData("4294967295", uint.MaxValue)]
    public void Numbers_read_as_strtoul_with_base_0(string text, uint value)
    {
        Assert.True(Iproute2Number.TryParseUInt32(text, out uint parsed));
        Assert.Equal(value, parsed);
    }

    [Theory]
    [InlineData("08")]
    [InlineData("0x")]
    [InlineData("4294967296")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1 ")]
    [InlineData("")]
    public void Numbers_ip_refuses_are_refused(string text)
    {
        Assert.False(Iproute2Number.TryParseUInt32(text, out _));
    }
}
