using Netlink.Encoding;
using Xunit;

namespace Netlink.Core.Tests.Encoding;

public class NlAttributeEnumeratorTests
{
    [Fact]
    public void Flag_bits_are_masked_from_the_type_and_reported_apart()
    {
        byte[] bytes = [4, 0, 0x03, 0xC0];
        var attributes = new NlAttributeEnumerator(bytes);

        Assert.True(attributes.MoveNext());
        NlAttribute attribute = attributes.Current;
        Assert.Equal(3, attribute.Type);
        Assert.Equal(0xC003, attribute.RawType);
        Assert.True(attribute.IsNested);
        Assert.True(attribute.IsNetByteOrder);
        Assert.True(attribute.Payload.IsEmpty);
    }

    [Theory]
    [InlineData(new byte[] { 3, 0, 1, 0 })]                 // nla_len below the header size
    [InlineData(new byte[] { 12, 0, 1, 0, 1, 2, 3, 4 })]    // nla_len beyond the buffer
    [InlineData(new byte[] { 5, 0 })]                       // a header cut short
    public void Malformed_length_stops_the_walk_and_is_reported(byte[] bytes)
    {
        var attributes = new NlAttributeEnumerator(bytes, baseOffset: 20);

        Assert.False(attributes.MoveNext());
        Assert.True(attributes.IsMalformed);
        Assert.Equal(20, attributes.MalformedOffset);
        NetlinkDecodeException? error = null;
        try
        {
            attributes.ThrowIfMalformed();
        }
        catch (NetlinkDecodeException e)
        {
            error = e;
        }

        Assert.Equal(20, error?.Offset);
    }

    [Fact]
    public void Attributes_before_a_malformed_one_stay_usable()
    {
        byte[] bytes = [8, 0, 1, 0, 42, 0, 0, 0, 200, 0, 2, 0];
        var attributes = new NlAttributeEnumerator(bytes);

        Assert.True(attributes.MoveNext());
        Assert.True(attributes.Current.TryGetU32(out uint value));
        Assert.Equal(42u, value);
        Assert.False(attributes.MoveNext());
        Assert.Equal(8, attributes.MalformedOffset);
        Assert.False(attributes.MoveNext());
    }

    [Fact]
    public void Last_attribute_may_omit_its_padding()
    {
        byte[] bytes = [5, 0, 1, 0, 7];
        var attributes = new NlAttributeEnumerator(bytes);

        Assert.True(attributes.MoveNext());
        Assert.True(attributes.Current.TryGetU8(out byte value));
        Assert.Equal(7, value);
        Assert.False(attributes.MoveNext());
        Assert.False(attributes.IsMalformed);
    }

    [Fact]
    public void Short_payloads_are_absent_not_errors()
    {
        byte[] bytes = [6, 0, 1, 0, 1, 2, 0, 0];
        var attributes = new NlAttributeEnumerator(bytes);
        Assert.True(attributes.MoveNext());
        NlAttribute attribute = attributes.Current;

        Assert.True(attribute.TryGetU16(out _));
        Assert.False(attribute.TryGetU32(out uint u32));
        Assert.Equal(0u, u32);
        Assert.False(attribute.TryGetU64(out _));
        Assert.False(attribute.TryGetUInt(out _));
        Assert.False(attribute.TryGetU32BigEndian(out _));
    }

    [Fact]
    public void Sixty_four_bit_values_may_sit_at_four_byte_offsets()
    {
        byte[] bytes = new byte[4 + 4 + 12];
        bytes[0] = 4; // an empty attribute first, so the u64 payload starts at offset 8: 4-byte aligned only
        bytes[4] = 12;
        bytes[6] = 2;
        BitConverter.TryWriteBytes(bytes.AsSpan(8), 0x1122334455667788UL);
        var attributes = new NlAttributeEnumerator(bytes);

        Assert.True(attributes.MoveNext());
        Assert.True(attributes.MoveNext());
        Assert.True(attributes.Current.TryGetU64(out ulong value));
        Assert.Equal(0x1122334455667788UL, value);
    }

    [Fact]
    public void String_stops_at_the_first_nul()
    {
        byte[] bytes = [12, 0, 3, 0, (byte)'e', (byte)'t', (byte)'h', (byte)'0', 0, (byte)'x', 0, 0];
        var attributes = new NlAttributeEnumerator(bytes);

        Assert.True(attributes.MoveNext());
        Assert.Equal("eth0", attributes.Current.GetString());
        Assert.Equal(4, attributes.Current.GetStringBytes().Length);
    }

    [Fact]
    public void Nested_offsets_are_relative_to_the_enclosing_buffer()
    {
        byte[] bytes = [12, 0, 1, 0x80, 8, 0, 2, 0, 1, 0, 0, 0];
        var top = new NlAttributeEnumerator(bytes, baseOffset: 32);
        Assert.True(top.MoveNext());
        Assert.Equal(32, top.Current.Offset);

        var nested = top.Current.GetNested();
        Assert.True(nested.MoveNext());
        Assert.Equal(36, nested.Current.Offset);
        Assert.Equal(2, nested.Current.Type);
    }
}
