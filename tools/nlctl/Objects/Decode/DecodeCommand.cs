using Netlink;
using Netlink.Messages;
using Netlink.Route;
using Nlctl.Cli;

namespace Nlctl.Objects.Decode;

/// <summary>
/// What <c>nlctl decode</c> does with the bytes once read (binary, or hex already parsed): checks
/// every message's framing and fixed header first (<see cref="Validate"/>: one
/// <see cref="UsageException"/> and no output for bad or truncated input), then renders them with
/// the schema describer, as text or JSON. The fuzz driver (tests/Netlink.Fuzz) calls it in-process.
/// </summary>
internal static class DecodeCommand
{
    /// <summary>Validates and renders <paramref name="data"/>.</summary>
    internal static void Decode(ReadOnlySpan<byte> data, TextWriter output, bool json = false)
    {
        Validate(data);
        if (json)
        {
            DecodeJson.Write(data, output);
        }
        else
        {
            RouteMessageDescriber.Describe(data, output);
        }
    }

    /// <summary>Checks the framing and the fixed header of every message, so bad input gives one clear line and no partial output.</summary>
    internal static void Validate(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw new UsageException("Error: no input: expected one or more netlink messages.");
        }

        int count = 0;
        try
        {
            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(data))
            {
                count++;
                if (message.Type < NlMsgType.MinType && message.Type is not (NlMsgType.Error or NlMsgType.Done or NlMsgType.Noop or NlMsgType.Overrun))
                {
                    throw new UsageException($"Error: malformed input: message {count} at offset {message.Offset} has type {message.Type}, which is not a netlink message type.");
                }

                (int needed, string what) = FixedPart(message.Type);
                int payload = message.Payload.Length;
                if (payload < needed && !(message.Type == NlMsgType.Done && payload == 0))
                {
                    throw new UsageException(
                        $"Error: truncated input: message {count} ({TypeName(message.Type)}) at offset {message.Offset} has {payload} bytes of payload, fewer than the {needed} of its {what}.");
                }
            }
        }
        catch (NetlinkDecodeException error)
        {
            throw new UsageException($"Error: malformed input after {count} message(s): {error.Message}");
        }
    }

    /// <summary>Turns hex text (whitespace, "0x" and ':' ignored) into bytes.</summary>
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
            throw new UsageException("Error: malformed input: --hex expects pairs of hex digits.");
        }

        return Convert.FromHexString(hex);
    }

    /// <summary>The bytes a message of <paramref name="type"/> needs after its netlink header, and what they hold.</summary>
    private static (int Bytes, string What) FixedPart(ushort type) => type switch
    {
        // An error or ack: the error code, then the header of the request it answers.
        NlMsgType.Error => (4 + NlMsgHeader.Size, "error code and echoed request header"),
        NlMsgType.Done => (4, "status"),
        >= 16 and <= 19 => (16, "ifinfomsg"),
        >= 20 and <= 23 => (8, "ifaddrmsg"),
        >= 24 and <= 27 => (12, "rtmsg"),
        >= 28 and <= 31 => (12, "ndmsg"),
        >= 32 and <= 35 => (12, "fib_rule_hdr"),
        _ => (0, "payload"),
    };

    private static string TypeName(ushort type) => type switch
    {
        NlMsgType.Error => "NLMSG_ERROR",
        NlMsgType.Done => "NLMSG_DONE",
        _ => RouteMessageDescriber.Instance.GetMessageTypeName(type) ?? $"type {type}",
    };
}
