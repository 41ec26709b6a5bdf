using Nlctl.Cli;
using Nlctl.Objects.Decode;

namespace Netlink.Fuzz;

/// <summary>
/// <c>nlctl decode</c> in-process: the code the command runs on the bytes it read
/// (<see cref="DecodeCommand.Decode"/>, and <see cref="DecodeCommand.ParseHex"/> for --hex).
/// The documented error is <see cref="UsageException"/> (one line, exit 1), with nothing
/// written before it; input it accepts must render to some text; no other exception, not even
/// <see cref="NetlinkDecodeException"/> (its framing check runs first, the describer catches the
/// rest); the hex text of any input parses back to the same bytes.
/// </summary>
internal static class DecodeTarget
{
    public static void Run(ReadOnlySpan<byte> input, TargetContext context)
    {
        // nlctl decode FILE, and nlctl -j decode FILE
        Render(input, context, json: false);
        Render(input, context, json: true);

        // nlctl decode --hex FILE, with the mutated bytes as the file (nearly always "malformed input").
        byte[]? parsed = null;
        try
        {
            parsed = DecodeCommand.ParseHex(input.ToArray());
        }
        catch (UsageException)
        {
        }

        if (parsed is not null)
        {
            Render(parsed, context, json: false);
        }

        // nlctl decode --hex with the input written as hex text: the same bytes come back.
        byte[] back = DecodeCommand.ParseHex(HexText(input));
        if (!back.AsSpan().SequenceEqual(input))
        {
            throw new FuzzInvariantException($"--hex: the hex text of {input.Length} bytes parsed back to {back.Length} different bytes");
        }

        context.Sink.Add(back.Length);
    }

    private static void Render(ReadOnlySpan<byte> data, TargetContext context, bool json)
    {
        context.Text.Clear();
        try
        {
            DecodeCommand.Decode(data, context.Writer, json);
        }
        catch (UsageException error)
        {
            if (context.Text.Length != 0)
            {
                throw new FuzzInvariantException($"decode wrote {context.Text.Length} characters before rejecting the input ({error.Message})");
            }

            context.Sink.Add(error.Message);
            return;
        }
        catch (NetlinkDecodeException error)
        {
            throw new FuzzInvariantException($"decode accepted the framing but the describer threw NetlinkDecodeException: {error.Message}");
        }

        if (context.Text.Length == 0)
        {
            throw new FuzzInvariantException($"decode accepted {data.Length} bytes but wrote nothing");
        }

        context.ResetText();
    }

    /// <summary>Hex the way people paste it: 16 bytes a line, lines alternately "0x"-prefixed, colon-separated and spaced upper case.</summary>
    private static byte[] HexText(ReadOnlySpan<byte> input)
    {
        var text = new System.Text.StringBuilder(input.Length * 3);
        for (int line = 0; line * 16 < input.Length; line++)
        {
            ReadOnlySpan<byte> chunk = input.Slice(line * 16, Math.Min(16, input.Length - (line * 16)));
            string hex = Convert.ToHexStringLower(chunk);
            text.Append((line % 3) switch
            {
                0 => "0x" + hex,
                1 => string.Join(':', hex.Chunk(2).Select(pair => new string(pair))),
                _ => string.Join(' ', hex.ToUpperInvariant().Chunk(2).Select(pair => new string(pair))),
            });
            text.Append(line % 2 == 0 ? "\n" : "\r\n");
        }

        return System.Text.Encoding.ASCII.GetBytes(text.ToString());
    }
}
