using System.Net;
using Netlink.Route;
using Xunit;

namespace Netlink.Route.Tests.Routes;

public sealed class IPPrefixFormatTests
{
    [Theory]
    [InlineData("0.0.0.0/0", "default")]
    [InlineData("10.1.0.0/16", "10.1.0.0/16")]
    [InlineData("10.1.2.3/32", "10.1.2.3")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("2001:db8::1/128", "2001:db8::1")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff0/124", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff0/124")]
    public void Utf8_text_is_what_Format_returns(string prefix, string expected)
    {
        IPNetwork network = IPNetwork.Parse(prefix);
        Span<byte> utf8 = stackalloc byte[50];

        Assert.True(IPPrefix.TryFormat(network, utf8, out int written));
        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(utf8[..written]));
        Assert.Equal(expected, IPPrefix.Format(network));
    }

    [Theory]
    [InlineData("0.0.0.0/0", 6)]
    [InlineData("10.1.0.0/16", 8)]
    [InlineData("10.1.0.0/16", 9)]
    [InlineData("10.1.0.0/16", 10)]
    public void A_short_destination_is_false_not_a_partial_text(string prefix, int room)
    {
        Span<byte> utf8 = stackalloc byte[room];

        Assert.False(IPPrefix.TryFormat(IPNetwork.Parse(prefix), utf8, out int written));
        Assert.Equal(0, written);
    }
}
