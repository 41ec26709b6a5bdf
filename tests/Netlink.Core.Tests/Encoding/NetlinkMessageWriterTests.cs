using System.Buffers.Binary;
using Netlink.Encoding;
using Netlink.Messages;
using Xunit;

namespace Netlink.Core.Tests.Encoding;

public class NetlinkMessageWriterTests
{
    [Fact]
    public void EndMessage_patches_length_and_pads_to_four()
    {
        using var writer = new NetlinkMessageWriter();
        int start = writer.BeginMessage(18, NlMsgFlags.Request | NlMsgFlags.Dump, sequence: 7, portId: 9);
        writer.Reserve(3)[0] = 0xAA;
        writer.EndMessage(start);

        Assert.Equal(20, writer.Length);
        NlMsgHeader header = NlMsgHeader.Read(writer.WrittenSpan);
        Assert.Equal(20u, header.Length);
        Assert.Equal((ushort)18, header.Type);
        Assert.Equal(NlMsgFlags.Request | NlMsgFlags.Dump, header.Flags);
        Assert.Equal(7u, header.Sequence);
        Assert.Equal(9u, header.PortId);
        Assert.Equal(new byte[] { 0xAA, 0, 0, 0 }, writer.WrittenSpan[16..].ToArray());
    }

    [Fact]
    public void Odd_length_attribute_is_padded_with_zeros_but_keeps_its_true_length()
    {
        using var writer = new NetlinkMessageWriter();
        writer.WriteAttribute(3, [1, 2, 3, 4, 5]);
        writer.WriteU8(4, 9);

        Assert.Equal(
            new byte[] { 9, 0, 3, 0, 1, 2, 3, 4, 5, 0, 0, 0, 5, 0, 4, 0, 9, 0, 0, 0 },
            writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Nested_attribute_length_covers_its_children_and_flag_is_optional()
    {
        using var writer = new NetlinkMessageWriter();
        int outer = writer.BeginNested(18, setNestedFlag: true);
        writer.WriteString(1, "veth");
        int inner = writer.BeginNested(2);
        writer.WriteU32(5, 0x01020304);
        writer.EndNested(inner);
        writer.EndNested(outer);

        ReadOnlySpan<byte> bytes = writer.WrittenSpan;
        Assert.Equal(bytes.Length, BinaryPrimitives.ReadUInt16LittleEndian(bytes));
        Assert.Equal(18 | NlAttribute.NestedFlag, BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]));

        var top = new NlAttributeEnumerator(bytes);
        Assert.True(top.MoveNext());
        Assert.True(top.Current.IsNested);
        Assert.Equal(18, top.Current.Type);

        var children = top.Current.GetNested();
        Assert.True(children.MoveNext());
        Assert.Equal("veth", children.Current.GetString());
        Assert.True(children.MoveNext());
        Assert.False(children.Current.IsNested);
        var grandChildren = children.Current.GetNested();
        Assert.True(grandChildren.MoveNext());
        Assert.True(grandChildren.Current.TryGetU32(out uint value));
        Assert.Equal(0x01020304u, value);
        Assert.False(children.MoveNext());
        Assert.False(top.MoveNext());
    }

    [Fact]
    public void String_is_nul_terminated_utf8()
    {
        using var writer = new NetlinkMessageWriter();
        writer.WriteString(3, "é1");

        Assert.Equal(new byte[] { 8, 0, 3, 0, 0xC3, 0xA9, (byte)'1', 0 }, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void String_with_nul_is_rejected_before_anything_is_written()
    {
        using var writer = new NetlinkMessageWriter();
        var error = Assert.Throws<ArgumentException>(() => writer.WriteString(3, "eth\00"));
        Assert.Equal("value", error.ParamName);
        Assert.Equal(0, writer.Length);
    }

    [Fact]
    public void Payload_too_large_for_one_attribute_is_rejected()
    {
        using var writer = new NetlinkMessageWriter();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => writer.BeginAttribute(1, NlAttribute.MaxPayload + 1));
        Assert.Equal("payloadLength", error.ParamName);
    }

    [Fact]
    public void Nest_that_outgrows_sixteen_bits_fails_instead_of_wrapping()
    {
        using var writer = new NetlinkMessageWriter();
        int nest = writer.BeginNested(7);
        writer.BeginAttribute(1, 40_000);
        writer.BeginAttribute(1, 40_000);

        var error = Assert.Throws<InvalidOperationException>(() => writer.EndNested(nest));
        Assert.Contains("nested attribute 7", error.Message);
    }

    [Theory]
    [InlineData(0xFFFF_FFFFUL, 4)]
    [InlineData(0x1_0000_0000UL, 8)]
    public void UInt_uses_four_bytes_when_the_value_fits(ulong value, int expectedPayload)
    {
        using var writer = new NetlinkMessageWriter();
        writer.WriteUInt(1, value);

        var attributes = new NlAttributeEnumerator(writer.WrittenSpan);
        Assert.True(attributes.MoveNext());
        Assert.Equal(expectedPayload, attributes.Current.Payload.Length);
        Assert.True(attributes.Current.TryGetUInt(out ulong read));
        Assert.Equal(value, read);
    }

    [Theory]
    [InlineData(-1L, 4)]
    [InlineData(long.MinValue, 8)]
    public void SInt_uses_four_bytes_when_the_value_fits(long value, int expectedPayload)
    {
        using var writer = new NetlinkMessageWriter();
        writer.WriteSInt(1, value);

        var attributes = new NlAttributeEnumerator(writer.WrittenSpan);
        Assert.True(attributes.MoveNext());
        Assert.Equal(expectedPayload, attributes.Current.Payload.Length);
        Assert.True(attributes.Current.TryGetSInt(out long read));
        Assert.Equal(value, read);
    }

    [Fact]
    public void Big_endian_writers_put_the_most_significant_byte_first()
    {
        using var writer = new NetlinkMessageWriter();
        writer.WriteU16BigEndian(1, 0x1234);
        writer.WriteU32BigEndian(2, 0x0A000001);

        var attributes = new NlAttributeEnumerator(writer.WrittenSpan);
        Assert.True(attributes.MoveNext());
        Assert.Equal(new byte[] { 0x12, 0x34 }, attributes.Current.Payload.ToArray());
        Assert.True(attributes.Current.TryGetU16BigEndian(out ushort port));
        Assert.Equal(0x1234, port);
        Assert.True(attributes.MoveNext());
        Assert.Equal(new byte[] { 10, 0, 0, 1 }, attributes.Current.Payload.ToArray());
    }

    [Fact]
    public void Growing_past_the_initial_capacity_keeps_everything_written()
    {
        using var writer = new NetlinkMessageWriter(initialCapacity: 16);
        int start = writer.BeginMessage(24, NlMsgFlags.Request);
        for (ushort i = 1; i <= 500; i++)
        {
            writer.WriteU32(i, i);
        }

        writer.EndMessage(start);

        var messages = new NetlinkMessageEnumerator(writer.WrittenSpan);
        Assert.True(messages.MoveNext());
        uint expected = 1;
        foreach (NlAttribute attribute in messages.Current.GetAttributes(0))
        {
            Assert.True(attribute.TryGetU32(out uint value));
            Assert.Equal(expected++, value);
        }

        Assert.Equal(501u, expected);
    }

    [Fact]
    public void SetSequence_rewrites_only_sequence_and_port()
    {
        using var writer = new NetlinkMessageWriter();
        int start = writer.BeginMessage(18, NlMsgFlags.Request);
        writer.EndMessage(start);
        writer.SetSequence(start, 0xDEADBEEF, 42);

        NlMsgHeader header = NlMsgHeader.Read(writer.WrittenSpan);
        Assert.Equal(16u, header.Length);
        Assert.Equal(0xDEADBEEFu, header.Sequence);
        Assert.Equal(42u, header.PortId);
    }

    [Fact]
    public void Positions_not_from_this_writer_are_rejected()
    {
        using var writer = new NetlinkMessageWriter();
        writer.WriteU8(1, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.EndMessage(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.EndNested(-1));
    }

    [Fact]
    public void Writing_after_dispose_throws()
    {
        var writer = new NetlinkMessageWriter();
        writer.Dispose();
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.WriteU8(1, 1));
    }

    [Fact]
    public void Reused_writer_encodes_without_allocating()
    {
        using var writer = new NetlinkMessageWriter();
        EncodeRoute(writer);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            EncodeRoute(writer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void EncodeRoute(NetlinkMessageWriter writer)
        {
            writer.Clear();
            int start = writer.BeginMessage(24, NlMsgFlags.Request | NlMsgFlags.Create | NlMsgFlags.Ack);
            writer.Reserve(12)[0] = 2;
            writer.WriteU32BigEndian(1, 0xC6120000);
            writer.WriteU32BigEndian(5, 0x0A000002);
            writer.WriteU32(4, 2);
            writer.WriteU32(15, 254);
            writer.WriteString(3, "lo");
            int metrics = writer.BeginNested(8);
            writer.WriteU32(2, 1400);
            writer.EndNested(metrics);
            writer.EndMessage(start);
        }
    }
}
