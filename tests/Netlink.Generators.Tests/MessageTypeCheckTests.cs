using Netlink.Encoding;
using Netlink.Generators.Tests.Generated;
using Netlink.Messages;
using Xunit;

namespace Netlink.Generators.Tests;

/// <summary>Generated TryRead{Op} accept only their operation's messages: type for netlink-raw, family id and command for genetlink.</summary>
public sealed class MessageTypeCheckTests
{
    [Fact]
    public void NetlinkRawReaderRefusesOtherMessageTypes()
    {
        byte[] message = RoundTripTests.BuildMessage(); // getthing request, type 20
        Assert.True(TestFam.TryReadGetthing(message, out _, out _));

        foreach (ushort other in new ushort[] { 19, 22, NlMsgType.Error, NlMsgType.Done })
        {
            byte[] copy = (byte[])message.Clone();
            BitConverter.TryWriteBytes(copy.AsSpan(4), other);
            Assert.False(TestFam.TryReadGetthing(copy, out _, out TestFam.MainReader reader));
            Assert.Equal(0, reader.Data.Length);
        }

        byte[] reply = (byte[])message.Clone();
        BitConverter.TryWriteBytes(reply.AsSpan(4), TestFam.Messages.GetthingReply);
        Assert.True(TestFam.TryReadGetthing(reply, out _, out _));
    }

    [Fact]
    public void GenetlinkReaderChecksFamilyIdAndCommand()
    {
        using var mw = new NetlinkMessageWriter();
        TypedFam.BeginSetAddrsRequest(mw, familyId: 0x20).End();
        byte[] set = mw.WrittenSpan.ToArray();

        Assert.True(TypedFam.TryReadSetAddrs(set, 0x20, out _));
        Assert.False(TypedFam.TryReadSetAddrs(set, 0x21, out _));   // another family's message
        Assert.False(TypedFam.TryReadGetAddrs(set, 0x20, out _));   // another command of this family
        Assert.False(TypedFam.TryReadSetAddrs(set.AsSpan(0, 17), 0x20, out _)); // no genlmsghdr
    }
}
