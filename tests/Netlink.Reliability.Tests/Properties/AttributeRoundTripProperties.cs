using System.Buffers.Binary;
using CsCheck;
using Netlink.Encoding;
using Xunit;

namespace Netlink.Reliability.Tests.Properties;

/// <summary>
/// For every attribute type the message writer offers (u8..u64, s8..s64, YNL uint/sint,
/// big-endian u16/u32/u64, string, binary, flag, nested): write -> read gives back the value, the
/// attribute is padded to 4 and nothing else is written. (bitfield32 has no writer in the core:
/// generated code writes it as a struct, covered by the fixed-layout property below.)
/// </summary>
[Trait("Category", "Reliability")]
public sealed class AttributeRoundTripProperties
{
    private static NlAttribute Single(NetlinkMessageWriter w, ushort type, int payloadLength)
    {
        Assert.Equal(NlAlign.Align(NlAttribute.HeaderSize + payloadLength), w.Length);
        var e = new NlAttributeEnumerator(w.WrittenSpan);
        Assert.True(e.MoveNext());
        NlAttribute a = e.Current;
        Assert.False(e.MoveNext());
        Assert.False(e.IsMalformed);
        Assert.Equal(type, a.Type);
        Assert.Equal(payloadLength, a.Payload.Length);
        return a;
    }

    private static void Check<T>(Gen<T> gen, Action<NetlinkMessageWriter, ushort, T> write, int size, TryGet<T> read)
        where T : IEquatable<T>
    {
        Gen.Select(gen, Gen.UShort[1, NlAttribute.TypeMask]).Sample((value, type) =>
        {
            using var w = new NetlinkMessageWriter(64);
            write(w, type, value);
            NlAttribute a = Single(w, type, size);
            Assert.True(read(a, out T back));
            Assert.Equal(value, back);
        });
    }

    private delegate bool TryGet<T>(NlAttribute a, out T value);

    [Fact] public void U8() => Check(Gen.Byte, (w, t, v) => w.WriteU8(t, v), 1, (NlAttribute a, out byte v) => a.TryGetU8(out v));
    [Fact] public void U16() => Check(Gen.UShort, (w, t, v) => w.WriteU16(t, v), 2, (NlAttribute a, out ushort v) => a.TryGetU16(out v));
    [Fact] public void U32() => Check(Gen.UInt, (w, t, v) => w.WriteU32(t, v), 4, (NlAttribute a, out uint v) => a.TryGetU32(out v));
    [Fact] public void U64() => Check(Gen.ULong, (w, t, v) => w.WriteU64(t, v), 8, (NlAttribute a, out ulong v) => a.TryGetU64(out v));
    [Fact] public void S8() => Check(Gen.SByte, (w, t, v) => w.WriteS8(t, v), 1, (NlAttribute a, out sbyte v) => a.TryGetS8(out v));
    [Fact] public void S16() => Check(Gen.Short, (w, t, v) => w.WriteS16(t, v), 2, (NlAttribute a, out short v) => a.TryGetS16(out v));
    [Fact] public void S32() => Check(Gen.Int, (w, t, v) => w.WriteS32(t, v), 4, (NlAttribute a, out int v) => a.TryGetS32(out v));
    [Fact] public void S64() => Check(Gen.Long, (w, t, v) => w.WriteS64(t, v), 8, (NlAttribute a, out long v) => a.TryGetS64(out v));
    [Fact] public void U16_big_endian() => Check(Gen.UShort, (w, t, v) => w.WriteU16BigEndian(t, v), 2, (NlAttribute a, out ushort v) => a.TryGetU16BigEndian(out v));
    [Fact] public void U32_big_endian() => Check(Gen.UInt, (w, t, v) => w.WriteU32BigEndian(t, v), 4, (NlAttribute a, out uint v) => a.TryGetU32BigEndian(out v));
    [Fact] public void U64_big_endian() => Check(Gen.ULong, (w, t, v) => w.WriteU64BigEndian(t, v), 8, (NlAttribute a, out ulong v) => a.TryGetU64BigEndian(out v));

    [Fact]
    public void Big_endian_is_really_network_order()
    {
        Gen.UInt.Sample(v =>
        {
            using var w = new NetlinkMessageWriter();
            w.WriteU32BigEndian(1, v);
            Assert.Equal(v, BinaryPrimitives.ReadUInt32BigEndian(w.WrittenSpan[4..]));
        });
    }

    [Fact]
    public void Uint_and_sint_use_four_bytes_when_the_value_fits_else_eight()
    {
        Gen.ULong.Sample(v =>
        {
            using var w = new NetlinkMessageWriter(64);
            w.WriteUInt(7, v);
            NlAttribute a = Single(w, 7, v <= uint.MaxValue ? 4 : 8);
            Assert.True(a.TryGetUInt(out ulong back));
            Assert.Equal(v, back);
        });
        Gen.Long.Sample(v =>
        {
            using var w = new NetlinkMessageWriter(64);
            w.WriteSInt(7, v);
            NlAttribute a = Single(w, 7, v is >= int.MinValue and <= int.MaxValue ? 4 : 8);
            Assert.True(a.TryGetSInt(out long back));
            Assert.Equal(v, back);
        });
    }

    [Fact]
    public void String_round_trips_with_its_terminator()
    {
        Gen.String.Where(s => !s.Contains('\0') && System.Text.Encoding.UTF8.GetByteCount(s) < 4000).Sample(s =>
        {
            using var w = new NetlinkMessageWriter();
            w.WriteString(3, s);
            int bytes = System.Text.Encoding.UTF8.GetByteCount(s);
            NlAttribute a = Single(w, 3, bytes + 1);
            Assert.Equal(0, a.Payload[^1]);
            Assert.Equal(System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(s)), a.GetString());
        });
    }

    [Fact]
    public void Binary_and_flag_round_trip()
    {
        Gen.Byte.Array[0, 2000].Sample(bytes =>
        {
            using var w = new NetlinkMessageWriter();
            w.WriteAttribute(9, bytes);
            Assert.True(Single(w, 9, bytes.Length).Payload.SequenceEqual(bytes));
            w.Clear();
            w.WriteFlag(9);
            Assert.True(Single(w, 9, 0).Payload.IsEmpty);
        });
    }

    [Fact]
    public void Nested_lists_round_trip_with_and_without_the_nested_flag()
    {
        Gen.Select(Gen.Byte.Array[0, 64].Array[0, 12], Gen.Bool).Sample((children, flag) =>
        {
            using var w = new NetlinkMessageWriter();
            int start = w.BeginNested(5, flag);
            for (int i = 0; i < children.Length; i++)
            {
                w.WriteAttribute((ushort)(i + 1), children[i]);
            }

            w.EndNested(start);
            var e = new NlAttributeEnumerator(w.WrittenSpan);
            Assert.True(e.MoveNext());
            NlAttribute outer = e.Current;
            Assert.Equal(5, outer.Type);
            Assert.Equal(flag, outer.IsNested);
            var inner = outer.GetNested();
            int n = 0;
            while (inner.MoveNext())
            {
                Assert.Equal(n + 1, inner.Current.Type);
                Assert.True(inner.Current.Payload.SequenceEqual(children[n]));
                n++;
            }

            Assert.False(inner.IsMalformed);
            Assert.Equal(children.Length, n);
        });
    }
}
