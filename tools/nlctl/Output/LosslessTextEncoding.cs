using System.Text;
using Netlink;

namespace Nlctl.Output;

/// <summary>
/// UTF-8 for text output that writes a name's escaped bytes (U+DC80..U+DCFF, <see cref="LosslessUtf8"/>)
/// back as the bytes they stand for, so <c>nlctl link</c> prints a link named FA FB as those two
/// bytes, exactly as <c>ip link</c> does. Everything else is ordinary UTF-8.
/// </summary>
internal sealed class LosslessTextEncoding : Encoding
{
    /// <summary>The one instance.</summary>
    public static readonly LosslessTextEncoding Instance = new();

    public override int GetByteCount(char[] chars, int index, int count) => LosslessUtf8.GetByteCount(chars.AsSpan(index, count));

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        LosslessUtf8.GetBytes(chars.AsSpan(charIndex, charCount), bytes.AsSpan(byteIndex));

    public override int GetCharCount(byte[] bytes, int index, int count) => LosslessUtf8.GetString(bytes.AsSpan(index, count)).Length;

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
    {
        string text = LosslessUtf8.GetString(bytes.AsSpan(byteIndex, byteCount));
        text.CopyTo(0, chars, charIndex, text.Length);
        return text.Length;
    }

    // A character is at most 3 bytes (a surrogate pair is 4 for 2); one more for a high surrogate held back.
    public override int GetMaxByteCount(int charCount) => (charCount + 1) * 3;

    public override int GetMaxCharCount(int byteCount) => byteCount + 1;

    public override byte[] GetPreamble() => [];

    public override Encoder GetEncoder() => new PairKeepingEncoder();

    /// <summary>
    /// Encodes chunk by chunk as a StreamWriter hands them over, holding back a high surrogate at
    /// the end of a chunk until its low half arrives, so a surrogate pair split between two
    /// buffers still becomes one 4-byte sequence.
    /// </summary>
    private sealed class PairKeepingEncoder : Encoder
    {
        private char _pending;

        public override int GetByteCount(char[] chars, int index, int count, bool flush) =>
            LosslessUtf8.GetByteCount(Chunk(chars.AsSpan(index, count), flush, out _));

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex, bool flush)
        {
            string chunk = Chunk(chars.AsSpan(charIndex, charCount), flush, out char keep);
            _pending = keep;
            return LosslessUtf8.GetBytes(chunk, bytes.AsSpan(byteIndex));
        }

        public override void Reset() => _pending = '\0';

        private string Chunk(ReadOnlySpan<char> chars, bool flush, out char keep)
        {
            string text = _pending == '\0' ? chars.ToString() : _pending + chars.ToString();
            keep = '\0';
            if (!flush && text.Length > 0 && char.IsHighSurrogate(text[^1]))
            {
                keep = text[^1];
                text = text[..^1];
            }

            return text;
        }
    }
}
