using System.CommandLine;
using Netlink;
using Netlink.Messages;
using Netlink.Route;
using Nlctl.Cli;

namespace Nlctl.Commands;

/// <summary>
/// <c>nlctl decode [--hex] [FILE]</c>: renders raw NETLINK_ROUTE messages (one or more concatenated,
/// binary from stdin or FILE, or hex text with --hex) with the schema describer.
/// </summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var hex = new Option<bool>("--hex", "-x") { Description = "The input is hex text (whitespace, \"0x\" and \":\" ignored) instead of binary" };
        var file = new Argument<string?>("FILE") { Description = "Read from FILE instead of stdin", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("decode", "Annotate raw rtnetlink messages (field names, values, hex)") { hex, file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            CommandContext context = CommandContext.From(parseResult);
            string? path = parseResult.GetValue(file);
            byte[] input = path is null or "-" ? await ReadStdinAsync(cancellationToken) : await ReadFileAsync(path, cancellationToken);
            byte[] data = parseResult.GetValue(hex) ? ParseHex(input) : input;
            Decode(data, context.Output);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Everything <c>nlctl decode</c> does with the bytes once read (binary, or hex already parsed):
    /// <see cref="Validate"/> (a <see cref="UserErrorException"/> and no output for bad framing),
    /// then the schema describer. The fuzz driver (tests/Netlink.Fuzz) calls it in-process.
    /// </summary>
    internal static void Decode(ReadOnlySpan<byte> data, TextWriter output)
    {
        Validate(data);
        RouteMessageDescriber.Describe(data, output);
    }

    /// <summary>Checks the framing of every message first, so bad input gives one clear line and no partial output.</summary>
    internal static void Validate(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw new UserErrorException("no input: expected one or more netlink messages");
        }

        int count = 0;
        try
        {
            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(data))
            {
                count++;
                if (message.Type < NlMsgType.MinType && message.Type is not (NlMsgType.Error or NlMsgType.Done or NlMsgType.Noop or NlMsgType.Overrun))
                {
                    throw new UserErrorException($"malformed input: message {count} at offset {message.Offset} has type {message.Type}, which is not a netlink message type");
                }
            }
        }
        catch (NetlinkDecodeException error)
        {
            throw new UserErrorException($"malformed input after {count} message(s): {error.Message}");
        }
    }

    internal static byte[] ParseHex(byte[] text)
    {
        var digits = new System.Text.StringBuilder();
        string source = System.Text.Encoding.ASCII.GetString(text);
        foreach (string word in source.Split((char[])[' ', '\t', '\r', '\n', ':'], StringSplitOptions.RemoveEmptyEntries))
        {
            digits.Append(word.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? word[2..] : word);
        }

        string hex = digits.ToString();
        if (hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new UserErrorException("malformed input: --hex expects pairs of hex digits");
        }

        return Convert.FromHexString(hex);
    }

    private static async Task<byte[]> ReadStdinAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using Stream stdin = Console.OpenStandardInput();
        await stdin.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"cannot read {path}: {e.Message}");
        }
    }
}
