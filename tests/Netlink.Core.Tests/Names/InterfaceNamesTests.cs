using Xunit;

namespace Netlink.Core.Tests.Names;

/// <summary>The kernel's interface name rules (dev_valid_name), counted and checked on bytes.</summary>
public sealed class InterfaceNamesTests
{
    [Theory]
    [InlineData("eth0")]
    [InlineData("\\uDCFA\\uDCFB")]
    [InlineData("\uFFFD\uFFFD")]
    [InlineData("ééééééé")]
    [InlineData("v\u3000w")]
    [InlineData("123456789012345")]
    public void Valid_names(string escaped)
    {
        string name = LosslessUtf8Tests.Unescape(escaped);
        Assert.True(InterfaceNames.IsValid(name, out string? problem), problem);
        Assert.Equal(LosslessUtf8.GetBytes(name), InterfaceNames.Validate(name, "name"));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("1234567890123456", "16 bytes")]
    [InlineData("éééééééé", "16 bytes")]
    [InlineData(".", "'.'")]
    [InlineData("..", "'.'")]
    [InlineData("a/b", "0x2f")]
    [InlineData("eth0:1", "0x3a")]
    [InlineData("a b", "0x20")]
    [InlineData("a\tb", "0x09")]
    [InlineData("và", "0xa0")]
    [InlineData("\\uDCA0x", "0xa0")]
    [InlineData("a\\uD800", "lone surrogate")]
    public void Invalid_names_are_refused_naming_the_parameter(string escaped, string reason)
    {
        string name = LosslessUtf8Tests.Unescape(escaped);
        Assert.False(InterfaceNames.IsValid(name, out _));
        var error = Assert.Throws<ArgumentException>(() => InterfaceNames.Validate(name, "name"));
        Assert.Equal("name", error.ParamName);
        Assert.Contains(reason, error.Message);
    }
}
