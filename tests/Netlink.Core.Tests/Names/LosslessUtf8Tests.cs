using Netlink.Encoding;
using Xunit;

namespace Netlink.Core.Tests.Names;

/// <remarks>
/// Theory data spells lone surrogates as "\\uDCFA" and unescapes them here: attribute arguments
/// are stored as UTF-8 in metadata, which would turn a lone surrogate into U+FFFD.
/// </remarks>
public sealed class LosslessUtf8Tests
{
    internal static string Unescape(string escaped) => System.Text.RegularExpressions.Regex.Unescape(escaped);

    [Theory]
    [InlineData(new byte[] { 0x65, 0x74, 0x68, 0x30 }, "eth0")]
    [InlineData(new byte[] { 0xfa, 0xfb }, "\\uDCFA\\uDCFB")]
    [InlineData(new byte[] { 0xff, 0xfe }, "\\uDCFF\\uDCFE")]
    [InlineData(new byte[] { 0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd }, "\uFFFD\uFFFD")]
    [InlineData(new byte[] { 0x61, 0xe2, 0x82, 0x62 }, "a\\uDCE2\\uDC82b")]
    [InlineData(new byte[] { 0xed, 0xa0, 0x80 }, "\\uDCED\\uDCA0\\uDC80")]
    [InlineData(new byte[] { 0xc3, 0xa9, 0xc3 }, "é\\uDCC3")]
    [InlineData(new byte[] { 0xf0, 0x9f, 0x98, 0x80 }, "\U0001F600")]
    public void Bytes_decode_to_a_string_that_encodes_back_to_the_same_bytes(byte[] bytes, string escaped)
    {
        string text = Unescape(escaped);
        Assert.Equal(text, LosslessUtf8.GetString(bytes));
        Assert.Equal(bytes, LosslessUtf8.GetBytes(text));
        Assert.Equal(bytes.Length, LosslessUtf8.GetByteCount(text));
        Assert.True(LosslessUtf8.RoundTrips(text));
    }

    [Fact]
    public void Random_bytes_round_trip_and_different_bytes_never_share_a_string()
    {
        var random = new Random(421);
        var seen = new Dictionary<string, byte[]>();
        for (int n = 0; n < 20_000; n++)
        {
            var bytes = new byte[random.Next(0, 12)];
            random.NextBytes(bytes);
            if (n % 3 == 0)
            {
                // Mostly high bytes, where valid and invalid sequences mix.
                for (int i = 0; i < bytes.Length; i++)
                {
                    bytes[i] |= 0x80;
                }
            }

            string text = LosslessUtf8.GetString(bytes);
            Assert.Equal(bytes, LosslessUtf8.GetBytes(text));
            if (seen.TryGetValue(text, out byte[]? other))
            {
                Assert.Equal(other, bytes);
            }
            else
            {
                seen[text] = bytes;
            }
        }
    }

    [Theory]
    [InlineData("\\uD800", "lone surrogate")]
    [InlineData("ab\\uDBFF", "lone surrogate")]
    [InlineData("a\\uDC41", "lone surrogate")]
    [InlineData("\\uDCC3\\uDCA9", "round-trip")]
    [InlineData("x\\uDCE2\\uDC82\\uDCAC", "round-trip")]
    public void A_string_that_cannot_round_trip_is_refused_with_the_parameter_name(string escaped, string reason)
    {
        string text = Unescape(escaped);
        Assert.False(LosslessUtf8.RoundTrips(text));
        var count = Assert.Throws<ArgumentException>(() => LosslessUtf8.GetByteCount(text, "name"));
        Assert.Equal("name", count.ParamName);
        Assert.Contains(reason, count.Message);
        Assert.Throws<ArgumentException>(() => LosslessUtf8.GetBytes(text, "name"));
        Assert.Throws<ArgumentException>(() => LosslessUtf8.GetBytes(text, new byte[64], "name"));
    }

    [Fact]
    public void The_printable_form_tells_every_name_apart()
    {
        Assert.Equal(@"\xfa\xfb", LosslessUtf8.ToPrintable("\uDCFA\uDCFB"));
        Assert.Equal("\uFFFD\uFFFD", LosslessUtf8.ToPrintable("\uFFFD\uFFFD"));
        Assert.Equal(@"\\xfa", LosslessUtf8.ToPrintable(@"\xfa"));
        Assert.Equal(@"a\x09b\ud800", LosslessUtf8.ToPrintable("a\tb\uD800"));
        Assert.Equal("\U0001F600é", LosslessUtf8.ToPrintable("\U0001F600é"));
        Assert.True(LosslessUtf8.ContainsEscapes("x\uDCFA"));
        Assert.False(LosslessUtf8.ContainsEscapes("x\uFFFD"));
    }

    [Fact]
    public void Netlink_string_attributes_carry_the_exact_bytes_both_ways()
    {
        using var writer = new NetlinkMessageWriter();
        int start = writer.BeginMessage(16, Netlink.Messages.NlMsgFlags.Request);
        writer.WriteString(3, "\uDCFA\uDCFB");
        writer.WriteString(3, "\uFFFD\uFFFD");
        writer.EndMessage(start);

        var attributes = new List<(byte[] Bytes, string Text)>();
        foreach (NlAttribute attribute in new NlAttributeEnumerator(writer.WrittenSpan[Netlink.Messages.NlMsgHeader.Size..]))
        {
            attributes.Add((attribute.GetStringBytes().ToArray(), attribute.GetString()));
        }

        Assert.Equal([0xfa, 0xfb], attributes[0].Bytes);
        Assert.Equal("\uDCFA\uDCFB", attributes[0].Text);
        Assert.Equal([0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd], attributes[1].Bytes);
        Assert.Equal("\uFFFD\uFFFD", attributes[1].Text);

        // Nothing half-written when a string is refused.
        int length = writer.Length;
        Assert.Throws<ArgumentException>(() => writer.WriteString(3, "\uD800"));
        Assert.Equal(length, writer.Length);
    }
}
