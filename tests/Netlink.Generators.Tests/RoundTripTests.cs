using System.Net;
using Netlink.Encoding;
using Netlink.Generators.Tests.Generated;
using Xunit;

namespace Netlink.Generators.Tests;

/// <summary>Code generated from Fixtures/Specs/test-fam.yaml: write with the writer, read back with the reader.</summary>
public sealed class RoundTripTests
{
    internal static byte[] BuildMessage()
    {
        using var mw = new NetlinkMessageWriter();
        var hdr = new TestFam.Hdr { Family = 2, Port = 8080, Index = -5 };
        TestFam.MainWriter w = TestFam.BeginGetthingRequest(mw, in hdr, sequence: 7);
        w.WriteU8v(1);
        w.WriteU16v(2);
        w.WriteU32v(TestFam.Color.Blue);
        w.WriteU64v(ulong.MaxValue);
        w.WriteS32v(-3);
        w.WriteUintv(1UL << 40);
        w.WriteSintv(-9);
        w.WriteName("eth0");
        w.WriteBlob([1, 2, 3]);
        w.WriteFlagv();
        w.WriteBe16(0x1234);
        w.WriteAddr(IPAddress.Parse("10.1.2.3"));
        w.WriteHdrv(in hdr);
        w.WriteArr([1u, 2u, 3u]);
        w.WriteBits(5, 7);
        w.WriteTags(10);
        w.WriteTags(11);
        TestFam.InnerWriter inner = w.BeginInner();
        inner.WriteId(42);
        inner.WriteLabel("x");
        inner.End();
        var list = w.BeginList();
        TestFam.InnerWriter i0 = list.BeginItem();
        i0.WriteId(100);
        i0.End();
        TestFam.InnerWriter i1 = list.BeginItem();
        i1.WriteId(101);
        i1.End();
        list.End();
        w.WriteKind("red");
        TestFam.RedAttrsWriter red = w.BeginDataAsRed();
        red.WriteLevel(9);
        red.End();
        w.WriteClass(TestFam.Opts.A | TestFam.Opts.C);
        w.End();
        return mw.WrittenSpan.ToArray();
    }

    [Fact]
    public void EveryAttributeKindRoundTrips()
    {
        byte[] message = BuildMessage();
        Assert.Equal(message.Length, BitConverter.ToInt32(message, 0));
        Assert.Equal(TestFam.Messages.GetthingRequest, BitConverter.ToUInt16(message, 4));
        Assert.Equal(0x1f, message[16 + 4]); // big-endian struct member 8080 = 0x1f90
        Assert.Equal(0x90, message[16 + 5]);

        Assert.True(TestFam.TryReadGetthing(message, out TestFam.Hdr h, out TestFam.MainReader r));
        Assert.Equal(2, h.Family);
        Assert.Equal(8080, h.Port);
        Assert.Equal(-5, h.Index);
        Assert.False(r.IsMalformed);
        Assert.Equal(0, r.UnknownCount);

        Assert.True(r.TryGetU8v(out byte u8) && u8 == 1);
        Assert.True(r.TryGetU16v(out ushort u16) && u16 == 2);
        Assert.True(r.TryGetU32v(out TestFam.Color color) && color == TestFam.Color.Blue);
        Assert.True(r.TryGetU64v(out ulong u64) && u64 == ulong.MaxValue);
        Assert.True(r.TryGetS32v(out int s32) && s32 == -3);
        Assert.True(r.TryGetUintv(out ulong ui) && ui == 1UL << 40);
        Assert.True(r.TryGetSintv(out long si) && si == -9);
        Assert.True(r.TryGetName(out string? name) && name == "eth0");
        Assert.True(r.TryGetBlobBytes(out ReadOnlySpan<byte> blob) && blob.SequenceEqual(new byte[] { 1, 2, 3 }));
        Assert.True(r.Flagv);
        Assert.True(r.TryGetBe16(out ushort be) && be == 0x1234);
        Assert.True(r.GetRaw(TestFam.MainAttr.Be16).SequenceEqual(new byte[] { 0x12, 0x34 }));
        Assert.True(r.TryGetAddrAddress(out IPAddress? addr) && addr.Equals(IPAddress.Parse("10.1.2.3")));
        Assert.True(r.TryGetHdrv(out TestFam.Hdr h2) && h2.Port == 8080 && h2.Index == -5);
        Assert.Equal(3, r.ArrLength);
        Assert.Equal(3u, r.GetArrAt(2));
        Assert.True(r.TryGetBits(out Netlink.Codegen.NlBitfield32 bits) && bits.Value == 5 && bits.Selector == 7);
        Assert.True(r.TryGetClass(out TestFam.Opts opts) && opts == (TestFam.Opts.A | TestFam.Opts.C));

        var tags = new List<uint>();
        foreach (uint t in r.GetTags())
        {
            tags.Add(t);
        }

        Assert.Equal(new uint[] { 10, 11 }, tags);
        Assert.Equal(2, r.TagsCount);

        Assert.True(r.TryGetInner(out TestFam.InnerReader inner));
        Assert.True(inner.TryGetId(out uint id) && id == 42);
        Assert.True(inner.TryGetLabel(out string? label) && label == "x");

        var ids = new List<(ushort, uint)>();
        foreach (TestFam.InnerReader item in r.GetList())
        {
            Assert.True(item.TryGetId(out uint itemId));
            ids.Add((0, itemId));
        }

        Assert.Equal(new uint[] { 100, 101 }, ids.Select(x => x.Item2));

        Assert.True(r.TryGetData(out TestFam.DataMsg data));
        Assert.Equal(TestFam.DataMsg.Format.Red, data.Kind);
        Assert.True(data.TryGetRed(out TestFam.RedAttrsReader redAttrs));
        Assert.True(redAttrs.TryGetLevel(out ushort level) && level == 9);
        Assert.False(data.TryGetGreen(out _));
    }

    [Fact]
    public void ShortAndUnknownAttributesAreTolerated()
    {
        using var mw = new NetlinkMessageWriter();
        mw.WriteU8(3, 1);                 // u32v with a 1-byte payload: too short
        mw.WriteU32(200, 5);              // unknown to the set
        mw.WriteString(8, "ok");
        var r = new TestFam.MainReader(mw.WrittenSpan);
        Assert.False(r.TryGetU32v(out _));
        Assert.Equal(1, r.UnknownCount);
        Assert.True(r.TryGetName(out string? name) && name == "ok");
        Assert.False(r.TryGetU8v(out _));
    }

    [Fact]
    public void EnumNamesWithoutReflection()
    {
        Assert.Equal("green", TestFam.Color.Green.ToName());
        Assert.Null(((TestFam.Color)77).ToName());
        Assert.Equal(4u, (uint)TestFam.Opts.C);
        Assert.Equal(3u, TestFam.McastGroups.Things);
        Assert.Equal(21, TestFam.Messages.GetthingReply);
    }
}
