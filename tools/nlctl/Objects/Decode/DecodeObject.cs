using Nlctl.Cli;
using Nlctl.Output;

namespace Nlctl.Objects.Decode;

/// <summary>
/// <c>nlctl decode [-x|--hex] [--max-bytes N] [-j] [FILE]</c>: annotates raw NETLINK_ROUTE messages
/// (one or more concatenated, binary from stdin or FILE, or hex text). Input beyond the limit
/// (16 MiB unless --max-bytes says otherwise) is refused before it is read into memory.
/// </summary>
internal static class DecodeObject
{
    /// <summary>The input limit without --max-bytes.</summary>
    public const long DefaultMaxBytes = 16L * 1024 * 1024;

    private const string Usage = """
        Usage: nlctl decode [ -x | --hex ] [ --max-bytes N ] [ -j ] [ FILE | - ]
        Annotates raw NETLINK_ROUTE messages (field names, values, hex), read from FILE or stdin:
        binary, or hex text with -x (whitespace, "0x" and ':' ignored). Input larger than
        --max-bytes (default 16777216, 16 MiB) is refused. Malformed or truncated messages are
        reported as one line, with nothing printed. With -j: a JSON array, one object per message.

        """;

    public static CliObject Definition { get; } = new()
    {
        Names = ["decode"],
        Summary = "annotate raw rtnetlink messages from a file or stdin",
        Usage = Usage,
        Run = RunAsync,
        Grammar = new Completion.Grammar(null) { Words = ["-x", "--hex", "--max-bytes", "-j", "help"], CompletesFiles = true },
    };

    private static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        bool hex = false;
        bool json = context.Json;
        long maxBytes = DefaultMaxBytes;
        string? path = null;
        while (!args.AtEnd)
        {
            string word = args.Next();
            switch (word)
            {
                case "-x" or "--hex":
                    hex = true;
                    break;
                case "-j" or "--json":
                    json = true;
                    break;
                case "--max-bytes":
                    string text = args.Value(word);
                    maxBytes = Netlink.Route.Iproute2.Iproute2Number.TryParseUInt64(text, out ulong limit) && limit is > 0 and <= int.MaxValue
                        ? (long)limit
                        : throw UsageException.Invalid(text, $"\"--max-bytes\" must be 1-{int.MaxValue}");
                    break;
                case "help" or "-h" or "--help":
                    context.Text.Write(Usage);
                    return;
                default:
                    path = path is null && (word == "-" || !word.StartsWith('-')) ? word : throw UsageException.Garbage(word, "decode");
                    break;
            }
        }

        byte[] input = await DecodeInput.ReadAsync(path, maxBytes, cancellationToken);
        byte[] data = hex ? DecodeCommand.ParseHex(input) : input;
        if (!json || !context.Output.PrettyJson)
        {
            DecodeCommand.Decode(data, context.Text, json);
            return;
        }

        // -p: the same document, indented as ip indents.
        DecodeCommand.Validate(data);
        using var buffer = new StringWriter();
        DecodeJson.Write(data, buffer);
        using JsonOutput output = context.Output.BeginJson();
        output.Writer.WriteRawValue(buffer.ToString().TrimEnd('\n'));
    }
}
