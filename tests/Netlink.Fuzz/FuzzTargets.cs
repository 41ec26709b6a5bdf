using System.Text;
using Netlink.Diag;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route;

namespace Netlink.Fuzz;

/// <summary>Broken invariant other than an exception (an attribute outside its message, a length that lies).</summary>
internal sealed class FuzzInvariantException(string message) : Exception(message);

/// <summary>Per-worker scratch state handed to every target.</summary>
internal sealed class TargetContext
{
    public Sink Sink;

    public StringBuilder Text { get; } = new();

    public StringWriter Writer { get; }

    public TargetContext() => Writer = new StringWriter(Text, System.Globalization.CultureInfo.InvariantCulture);

    public void ResetText()
    {
        Sink.Add((ulong)Text.Length);
        Text.Clear();
    }
}

/// <summary>One decoder under test. It may throw <see cref="NetlinkDecodeException"/>; anything else is a failure.</summary>
internal sealed record FuzzTarget(string Name, string Description, FuzzTarget.Body Run)
{
    public delegate void Body(ReadOnlySpan<byte> input, TargetContext context);
}

internal static class FuzzTargets
{
    private static readonly int[] FixedHeaderSizes = [0, 4, 8, 12, 16, 20, 72];

    public static IReadOnlyList<FuzzTarget> All { get; } = Build();

    /// <summary>The file name style of a family (RtLink -> rt-link).</summary>
    public static string Kebab(string family) => family switch
    {
        "Nlctrl" => "nlctrl",
        _ => string.Concat(family.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };

    private static List<FuzzTarget> Build()
    {
        var targets = new List<FuzzTarget>
        {
            new("iterator", "NetlinkMessageEnumerator + NlAttributeEnumerator (nested walk, offset invariants)", Iterator),
        };
        foreach ((string name, ReadMessage read, Describer describe) in ReaderTouch.Families)
        {
            targets.Add(new(Kebab(name), $"every {name} TryRead*, every getter of every reader, {name}.Describe", (input, context) => Family(input, context, read, describe)));
        }

        targets.Add(new("describer", "RouteMessageDescriber.Describe/TryDescribe, SockDiagMessageDescriber.TryDescribe", Describers));
        targets.Add(new("decode", "nlctl decode in-process: DecodeCommand.Decode (framing and header check + describer, text and -j), DecodeCommand.ParseHex (--hex)", DecodeTarget.Run));
        return targets;
    }

    /// <summary>Frames the datagram and walks every attribute list it can find, checking the enumerators' bounds.</summary>
    private static void Iterator(ReadOnlySpan<byte> input, TargetContext context)
    {
        int end = 0;
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(input))
        {
            if (message.Offset < end || message.Offset + message.Bytes.Length > input.Length || message.Header.Length != message.Bytes.Length)
            {
                throw new FuzzInvariantException($"message at {message.Offset} ({message.Bytes.Length} bytes, nlmsg_len {message.Header.Length}) is outside the datagram of {input.Length} bytes or overlaps the previous one");
            }

            end = message.Offset + message.Bytes.Length;
            context.Sink.Add(message.Header);
            context.Sink.Add(message.Payload);
            foreach (int fixedHeader in FixedHeaderSizes)
            {
                Walk(message.GetAttributes(fixedHeader), message.Bytes.Length, ref context.Sink, 0);
            }
        }
    }

    private static void Walk(NlAttributeEnumerator attributes, int messageLength, ref Sink sink, int depth)
    {
        int previousEnd = 0;
        while (attributes.MoveNext())
        {
            NlAttribute a = attributes.Current;
            int attributeEnd = a.Offset + NlAttribute.HeaderSize + a.Payload.Length;
            if (a.Offset < previousEnd || attributeEnd > messageLength)
            {
                throw new FuzzInvariantException($"attribute at {a.Offset} ({a.Payload.Length} payload bytes) lies outside its message of {messageLength} bytes or overlaps the previous one");
            }

            previousEnd = attributeEnd;
            sink.Add(a.Type);
            sink.Add(a.Payload);
            if (depth < 16 && a.Payload.Length >= NlAttribute.HeaderSize)
            {
                Walk(a.GetNested(), messageLength, ref sink, depth + 1);
            }
        }

        if (attributes.IsMalformed && (attributes.MalformedOffset < 0 || attributes.MalformedOffset > messageLength))
        {
            throw new FuzzInvariantException($"malformed offset {attributes.MalformedOffset} outside the message");
        }
    }

    /// <summary>Runs the family's readers over every framed message and over the raw input, then its describer.</summary>
    private static void Family(ReadOnlySpan<byte> input, TargetContext context, ReadMessage read, Describer describe)
    {
        read(input, ref context.Sink);
        try
        {
            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(input))
            {
                read(message.Bytes, ref context.Sink);
            }
        }
        catch (NetlinkDecodeException)
        {
            // The documented framing error; the messages before it were read.
        }

        describe(input, context.Writer);
        context.ResetText();
    }

    private static void Describers(ReadOnlySpan<byte> input, TargetContext context)
    {
        RouteMessageDescriber.Describe(input, context.Writer);
        context.ResetText();
        try
        {
            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(input))
            {
                RouteMessageDescriber.Instance.TryDescribe(message, context.Text);
                context.Sink.Add(RouteMessageDescriber.Instance.GetMessageTypeName(message.Type));
                SockDiagMessageDescriber.Instance.TryDescribe(message, context.Text);
                context.Sink.Add(SockDiagMessageDescriber.Instance.GetMessageTypeName(message.Type));
                context.ResetText();
            }
        }
        catch (NetlinkDecodeException)
        {
        }
    }
}
