using Netlink.Encoding;
using Netlink.Generators.Tests.Generated;
using Netlink.Messages;
using Xunit;

namespace Netlink.Generators.Tests;

/// <summary>Flag sets render as a|b|0x.. (generated ToName, the describer) and NLM_F_* bits are named as the kernel means them.</summary>
public sealed class FlagNameTests
{
    [Fact]
    public void ToNameOfACombinationJoinsTheBitNames()
    {
        Assert.Equal("a", TestFam.Opts.A.ToName());
        Assert.Equal("a|c", (TestFam.Opts.A | TestFam.Opts.C).ToName());
        Assert.Equal("a|c|0x40", ((TestFam.Opts)0x45).ToName());
        Assert.Equal("0x40", ((TestFam.Opts)0x40).ToName());
        Assert.Null(((TestFam.Opts)0).ToName());
        Assert.Equal("read|exec", (TypedFam.Caps.Read | TypedFam.Caps.Exec).ToName());
    }

    [Theory]
    [InlineData(0x0605, NetlinkMessageKind.NewRequest, "0x0605 request|ack|excl|create")]
    [InlineData(0x0901, NetlinkMessageKind.NewRequest, "0x0901 request|replace|append")]
    [InlineData(0x0301, NetlinkMessageKind.GetRequest, "0x0301 request|dump")]
    [InlineData(0x0701, NetlinkMessageKind.GetRequest, "0x0701 request|dump|atomic")]
    [InlineData(0x0101, NetlinkMessageKind.GetRequest, "0x0101 request|root")]
    [InlineData(0x0305, NetlinkMessageKind.DeleteRequest, "0x0305 request|ack|nonrec|bulk")]
    [InlineData(0x0301, NetlinkMessageKind.Request, "0x0301 request|0x300")]
    [InlineData(0x003a, NetlinkMessageKind.Reply, "0x003a multi|echo|dump-intr|dump-filtered")]
    [InlineData(0x0102, NetlinkMessageKind.Reply, "0x0102 multi|0x100")]
    [InlineData(0x0300, NetlinkMessageKind.Error, "0x0300 capped|ack-tlvs")]
    [InlineData(0x0000, NetlinkMessageKind.Reply, "0x0000")]
    public void NetlinkFlagsAreNamedByMessageKind(int flags, NetlinkMessageKind kind, string expected) =>
        Assert.Equal(expected, NetlinkFlagNames.Format((NlMsgFlags)flags, kind));

    [Fact]
    public void TheDescriberNamesRequestBitsByTheOperationKind()
    {
        using var mw = new NetlinkMessageWriter();
        TypedFam.BeginSetAddrsRequest(mw, 0x20, NlMsgFlags.Request | NlMsgFlags.Ack | NlMsgFlags.Create | NlMsgFlags.Excl).End();
        TypedFam.BeginGetAddrsDumpRequest(mw, 0x20).End();
        var text = new StringWriter();
        TypedFam.Describe(mw.WrittenSpan, text);
        string[] lines = text.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("nlmsg_flags: 0x0605 request|ack|excl|create |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("nlmsg_flags: 0x0301 request|dump |", StringComparison.Ordinal));
    }

    [Fact]
    public void TheDescriberRendersFlagAttributesAsJoinedNames()
    {
        using var mw = new NetlinkMessageWriter();
        TypedFam.AddrsWriter w = TypedFam.BeginGetAddrsRequest(mw, 0x20);
        w.WriteCaps(TypedFam.Caps.Read | TypedFam.Caps.Exec | (TypedFam.Caps)0x100);
        w.End();
        var text = new StringWriter();
        TypedFam.Describe(mw.WrittenSpan, text);
        Assert.Contains("caps(9): 0x105 read|exec|0x100 |", text.ToString(), StringComparison.Ordinal);
    }
}
