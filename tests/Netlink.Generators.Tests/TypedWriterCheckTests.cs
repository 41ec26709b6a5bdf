using System.Net;
using System.Net.NetworkInformation;
using Netlink.Encoding;
using Netlink.Generators.Tests.Generated;
using Xunit;

namespace Netlink.Generators.Tests;

/// <summary>
/// Every generated writer that takes a typed value of fixed size checks it: the wrong address
/// family or length throws an ArgumentException naming the attribute, and nothing is appended.
/// </summary>
public sealed class TypedWriterCheckTests
{
    public static TheoryData<string, Action<NetlinkMessageWriter>> WrongValues() => new()
    {
        { "v4", m => new TypedFam.AddrsWriter(m).WriteV4(IPAddress.IPv6Loopback) },
        { "v6", m => new TypedFam.AddrsWriter(m).WriteV6(IPAddress.Loopback) },
        { "be4", m => new TypedFam.AddrsWriter(m).WriteBe4(IPAddress.IPv6Loopback) },
        { "mac", m => new TypedFam.AddrsWriter(m).WriteMac(PhysicalAddress.None) },
        { "mac6", m => new TypedFam.AddrsWriter(m).WriteMac6(PhysicalAddress.Parse("00-11-22-33-44-55-66-77")) },
        { "key", m => new TypedFam.AddrsWriter(m).WriteKey(new byte[31]) },
        { "key", m => new TypedFam.AddrsWriter(m).WriteKey(new byte[33]) },
        { "short", m => new TypedFam.AddrsWriter(m).WriteShort(new byte[1]) },
        { "short", m => new TypedFam.AddrsWriter(m).WriteShort(new byte[5]) },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void WrongFamilyOrLengthThrowsNamingTheAttributeAndWritesNothing(string attribute, Action<NetlinkMessageWriter> write)
    {
        using var mw = new NetlinkMessageWriter();
        new TypedFam.AddrsWriter(mw).WriteV4(IPAddress.Loopback);
        int before = mw.Length;

        ArgumentException error = Assert.ThrowsAny<ArgumentException>(() => write(mw));
        Assert.Contains($"'{attribute}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, mw.Length);
    }

    [Fact]
    public void ANullAddressThrowsAndWritesNothing()
    {
        using var mw = new NetlinkMessageWriter();
        Assert.Throws<ArgumentNullException>(() => new TypedFam.AddrsWriter(mw).WriteAny((IPAddress)null!));
        Assert.Equal(0, mw.Length);
    }

    [Fact]
    public void RightValuesRoundTrip()
    {
        using var mw = new NetlinkMessageWriter();
        var w = new TypedFam.AddrsWriter(mw);
        w.WriteV4(IPAddress.Parse("192.0.2.1"));
        w.WriteV6(IPAddress.Parse("2001:db8::1"));
        w.WriteAny(IPAddress.Parse("198.51.100.7"));
        w.WriteBe4(IPAddress.Parse("203.0.113.9"));
        w.WriteMac6(PhysicalAddress.Parse("02-00-00-00-00-01"));
        w.WriteMac(PhysicalAddress.Parse("02-00-00-00-00-01-02-03"));
        w.WriteKey(new byte[32]);
        w.WriteShort(new byte[3]);

        var r = new TypedFam.AddrsReader(mw.WrittenSpan);
        Assert.True(r.TryGetV4Address(out IPAddress? v4) && v4.Equals(IPAddress.Parse("192.0.2.1")));
        Assert.True(r.TryGetV6Address(out IPAddress? v6) && v6.Equals(IPAddress.Parse("2001:db8::1")));
        Assert.True(r.TryGetAnyAddress(out IPAddress? any) && any.Equals(IPAddress.Parse("198.51.100.7")));
        Assert.True(r.TryGetBe4Address(out IPAddress? be4) && be4.Equals(IPAddress.Parse("203.0.113.9")));
        Assert.True(r.TryGetBe4(out uint raw) && raw == 0xcb007109);
        Assert.True(r.TryGetMac6PhysicalAddress(out PhysicalAddress? mac) && mac.Equals(PhysicalAddress.Parse("02-00-00-00-00-01")));
        Assert.True(r.TryGetKeyBytes(out ReadOnlySpan<byte> key) && key.Length == 32);
    }
}
