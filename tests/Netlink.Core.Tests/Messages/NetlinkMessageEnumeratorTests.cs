using Netlink.Encoding;
using Netlink.Messages;
using Xunit;

namespace Netlink.Core.Tests.Messages;

public class NetlinkMessageEnumeratorTests
{
    [Fact]
    public void Walks_every_message_of_a_datagram()
    {
        using var writer = new NetlinkMessageWriter();
        for (uint seq = 1; seq <= 3; seq++)
        {
            int start = writer.BeginMessage(16, NlMsgFlags.Multi, seq);
            writer.Reserve(16);
            writer.WriteString(3, "veth" + seq);
            writer.EndMessage(start);
        }

        int done = writer.BeginMessage(NlMsgType.Done, NlMsgFlags.Multi, 4);
        writer.Reserve(4);
        writer.EndMessage(done);

        var names = new List<string>();
        uint expectedSeq = 1;
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(writer.WrittenSpan))
        {
            Assert.Equal(expectedSeq++, message.Header.Sequence);
            if (message.Type == NlMsgType.Done)
            {
                continue;
            }

            foreach (NlAttribute attribute in message.GetAttributes(16))
            {
                names.Add(attribute.GetString());
            }
        }

        Assert.Equal(["veth1", "veth2", "veth3"], names);
        Assert.Equal(5u, expectedSeq);
    }

    [Theory]
    [InlineData(15u)]
    [InlineData(40u)]
    public void Length_outside_the_datagram_is_a_decode_error(uint length)
    {
        byte[] datagram = new byte[32];
        new NlMsgHeader { Length = 16, Type = 3 }.Write(datagram);
        new NlMsgHeader { Length = length, Type = 3 }.Write(datagram.AsSpan(16));

        var error = Assert.Throws<NetlinkDecodeException>(() =>
        {
            var messages = new NetlinkMessageEnumerator(datagram);
            Assert.True(messages.MoveNext());
            messages.MoveNext();
        });
        Assert.Equal(16, error.Offset);
    }

    [Fact]
    public void Trailing_bytes_too_short_for_a_header_are_a_decode_error()
    {
        byte[] datagram = new byte[24];
        new NlMsgHeader { Length = 16, Type = 3 }.Write(datagram);

        Assert.Throws<NetlinkDecodeException>(() =>
        {
            var messages = new NetlinkMessageEnumerator(datagram);
            messages.MoveNext();
            messages.MoveNext();
        });
    }

    [Fact]
    public void Short_fixed_header_is_reported_absent()
    {
        byte[] datagram = new byte[20];
        new NlMsgHeader { Length = 20, Type = 16 }.Write(datagram);
        var messages = new NetlinkMessageEnumerator(datagram);
        Assert.True(messages.MoveNext());

        Assert.True(messages.Current.TryGetFixedHeader(out uint fourBytes));
        Assert.False(messages.Current.TryGetFixedHeader(out ulong eightBytes));
        Assert.Equal(0ul, eightBytes);
        Assert.Equal(0u, fourBytes);
        Assert.False(messages.Current.GetAttributes(16).MoveNext());
    }

    [Fact]
    public void Header_read_needs_sixteen_bytes()
    {
        Assert.Throws<NetlinkDecodeException>(() => NlMsgHeader.Read(new byte[15]));
    }
}
