using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace Netlink;

/// <summary>
/// UTF-8 that loses nothing, for names the kernel keeps as bytes (interfaces, namespaces, labels,
/// aliases): a name that is not valid UTF-8 still becomes a distinct string, and that string
/// turns back into exactly the same bytes. Valid UTF-8 decodes as usual; each byte that is not
/// part of valid UTF-8 becomes the lone surrogate U+DC80 + (byte - 0x80), as Python's
/// "surrogateescape" does (PEP 383). So <c>FA FB</c> is <c>"\uDCFA\uDCFB"</c>, while
/// <c>EF BF BD EF BF BD</c> stays <c>"\uFFFD\uFFFD"</c>: two different links, two different strings.
/// </summary>
/// <remarks>
/// Every string the library sends (<see cref="Encoding.NetlinkMessageWriter.WriteString"/>) and
/// decodes (<see cref="Encoding.NlAttribute.GetString"/>) goes through this class, so a name read
/// from the kernel can always be passed back to it and means the same object. A string that would
/// not come back unchanged is refused with <see cref="ArgumentException"/> instead of being
/// approximated: a lone surrogate outside U+DC80..U+DCFF, U+DC00..U+DC7F (ASCII bytes are always
/// valid UTF-8), or escapes whose bytes would form valid UTF-8 (write the character itself).
/// </remarks>
public static class LosslessUtf8
{
    private const char FirstEscape = '\uDC80';
    private const char LastEscape = '\uDCFF';

    /// <summary>Decodes <paramref name="bytes"/>: valid UTF-8 as text, every other byte as U+DC80..U+DCFF.</summary>
    public static string GetString(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return System.Text.Encoding.UTF8.GetString(bytes);
        }

        // At most one char per byte: valid sequences shrink, escaped bytes stay one char each.
        char[] rented = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            int written = 0;
            while (!bytes.IsEmpty)
            {
                Utf8.ToUtf16(bytes, rented.AsSpan(written), out int read, out int chars, replaceInvalidSequences: false);
                written += chars;
                bytes = bytes[read..];
                if (!bytes.IsEmpty)
                {
                    // Stopped at a byte that starts no valid sequence here: keep it as an escape.
                    rented[written++] = (char)(0xDC00 + bytes[0]);
                    bytes = bytes[1..];
                }
            }

            return new string(rented, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>True if <paramref name="bytes"/> is valid UTF-8 (then <see cref="GetString"/> contains no escapes).</summary>
    public static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => Utf8.IsValid(bytes);

    /// <summary>True if <paramref name="text"/> contains escaped bytes, i.e. names bytes that are not valid UTF-8.</summary>
    public static bool ContainsEscapes(ReadOnlySpan<char> text) => ContainsInRange(text, FirstEscape, LastEscape);

    /// <summary>The number of bytes <paramref name="text"/> stands for.</summary>
    /// <param name="text">The text.</param>
    /// <param name="parameterName">Named in the exception.</param>
    /// <exception cref="ArgumentException">The text does not stand for bytes that decode back to it (see the remarks on <see cref="LosslessUtf8"/>).</exception>
    public static int GetByteCount(ReadOnlySpan<char> text, string? parameterName = null)
    {
        if (!ContainsInRange(text, '\uD800', '\uDFFF'))
        {
            return System.Text.Encoding.UTF8.GetByteCount(text);
        }

        // Rare: surrogates. Encode for real, which also checks the round trip.
        return EncodeWithEscapes(text, parameterName).Length;
    }

    /// <summary>Writes the bytes <paramref name="text"/> stands for into <paramref name="destination"/> (sized with <see cref="GetByteCount"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="destination">At least <see cref="GetByteCount"/> bytes.</param>
    /// <param name="parameterName">Named in the exception.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">The text does not round-trip, or <paramref name="destination"/> is too small.</exception>
    public static int GetBytes(ReadOnlySpan<char> text, Span<byte> destination, string? parameterName = null)
    {
        OperationStatus status = Utf8.FromUtf16(text, destination, out _, out int written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            return written;
        }

        if (status == OperationStatus.DestinationTooSmall)
        {
            throw new ArgumentException($"{destination.Length} bytes are too few for the text", nameof(destination));
        }

        byte[] bytes = EncodeWithEscapes(text, parameterName);
        if (bytes.Length > destination.Length)
        {
            throw new ArgumentException($"{destination.Length} bytes are too few for the text ({bytes.Length})", nameof(destination));
        }

        bytes.CopyTo(destination);
        return bytes.Length;
    }

    /// <summary>The bytes <paramref name="text"/> stands for.</summary>
    /// <exception cref="ArgumentException">The text does not round-trip (see the remarks on <see cref="LosslessUtf8"/>).</exception>
    public static byte[] GetBytes(string text, string? parameterName = null)
    {
        ArgumentNullException.ThrowIfNull(text, parameterName ?? nameof(text));
        var bytes = new byte[GetByteCount(text, parameterName)];
        GetBytes(text, bytes, parameterName);
        return bytes;
    }

    /// <summary>True if <paramref name="text"/> stands for bytes that decode back to exactly it.</summary>
    public static bool RoundTrips(ReadOnlySpan<char> text)
    {
        if (!ContainsInRange(text, '\uD800', '\uDFFF'))
        {
            return true;
        }

        return TryEncodeWithEscapes(text, out byte[]? bytes) && GetString(bytes).AsSpan().SequenceEqual(text);
    }

    /// <summary>
    /// The text for people: valid UTF-8 as is, control characters, escaped bytes and backslashes as
    /// <c>\xNN</c> / <c>\\</c>, so two different names never print alike. For messages and logs.
    /// </summary>
    public static string ToPrintable(ReadOnlySpan<char> text)
    {
        var printable = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                printable.Append(c).Append(text[++i]);
            }
            else if (c is >= FirstEscape and <= LastEscape)
            {
                printable.Append(CultureInfo.InvariantCulture, $"\\x{c - 0xDC00:x2}");
            }
            else if (c == '\\')
            {
                printable.Append(@"\\");
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                if (c <= 0xff)
                {
                    printable.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                }
                else
                {
                    printable.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                }
            }
            else
            {
                printable.Append(c);
            }
        }

        return printable.ToString();
    }

    /// <summary>
    /// Searches as ushort: the char overloads of the range searches box on every call in tier-0
    /// code, and WriteString must not allocate.
    /// </summary>
    private static bool ContainsInRange(ReadOnlySpan<char> text, char low, char high) =>
        MemoryMarshal.Cast<char, ushort>(text).IndexOfAnyInRange((ushort)low, (ushort)high) >= 0;

    private static byte[] EncodeWithEscapes(ReadOnlySpan<char> text, string? parameterName)
    {
        if (!TryEncodeWithEscapes(text, out byte[]? bytes))
        {
            throw new ArgumentException($"\"{ToPrintable(text)}\" contains a lone surrogate that stands for no byte (only U+DC80..U+DCFF stand for the bytes 0x80..0xFF that are not valid UTF-8)", parameterName);
        }

        if (!GetString(bytes).AsSpan().SequenceEqual(text))
        {
            throw new ArgumentException($"\"{ToPrintable(text)}\" does not round-trip: its escaped bytes form valid UTF-8, which reads back as other characters (write those characters instead)", parameterName);
        }

        return bytes;
    }

    private static bool TryEncodeWithEscapes(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        var output = new ArrayBufferWriter<byte>(text.Length * 3);
        while (!text.IsEmpty)
        {
            Span<byte> room = output.GetSpan(text.Length * 3);
            Utf8.FromUtf16(text, room, out int read, out int written, replaceInvalidSequences: false);
            output.Advance(written);
            text = text[read..];
            if (text.IsEmpty)
            {
                break;
            }

            // Stopped at a lone surrogate: only the escapes of bytes 0x80..0xFF stand for a byte.
            char c = text[0];
            if (c is < FirstEscape or > LastEscape)
            {
                bytes = null;
                return false;
            }

            output.GetSpan(1)[0] = (byte)(c - 0xDC00);
            output.Advance(1);
            text = text[1..];
        }

        bytes = output.WrittenSpan.ToArray();
        return true;
    }
}
