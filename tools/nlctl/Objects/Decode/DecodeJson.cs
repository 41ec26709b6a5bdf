using System.Globalization;
using System.Text.Json;
using Netlink.Messages;
using Netlink.Route;
using Nlctl.Output;

namespace Nlctl.Objects.Decode;

/// <summary>
/// <c>nlctl -j decode</c>: the describer's rendering as JSON, one object per message:
/// <c>{"offset":0,"length":1468,"type":16,"fields":[{"name":"ifname","attr":3,"value":"\"lo\"","hex":"6c 6f 00"},…]}</c>;
/// a nest's members are in its "fields".
/// </summary>
internal static class DecodeJson
{
    public static void Write(ReadOnlySpan<byte> data, TextWriter output)
    {
        var messages = new List<(int Offset, int Length, ushort Type, string Text)>();
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(data))
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            RouteMessageDescriber.Describe(message.Bytes, text);
            messages.Add((message.Offset, message.Bytes.Length, message.Type, text.ToString()));
        }

        output.WriteLine(JsonOutput.Line(json =>
        {
            json.WriteStartArray();
            foreach ((int offset, int length, ushort type, string text) in messages)
            {
                json.WriteStartObject();
                json.WriteNumber("offset", offset);
                json.WriteNumber("length", length);
                json.WriteNumber("type", type);
                if (RouteMessageDescriber.Instance.GetMessageTypeName(type) is { } name)
                {
                    json.WriteString("type_name", name);
                }

                string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                int next = 0;
                WriteFields(json, lines, ref next, indent: 0);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }));
    }

    /// <summary>Writes "fields": the lines at <paramref name="indent"/>, each with the deeper lines after it as its own fields.</summary>
    private static void WriteFields(Utf8JsonWriter json, string[] lines, ref int next, int indent)
    {
        json.WriteStartArray("fields");
        while (next < lines.Length && Indent(lines[next]) == indent)
        {
            string line = lines[next++].TrimEnd('\r')[indent..];
            json.WriteStartObject();
            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            string label = colon < 0 ? line : line[..colon];
            string rest = colon < 0 ? string.Empty : line[(colon + 2)..];
            int paren = label.LastIndexOf('(');
            if (paren > 0 && label.EndsWith(')') && int.TryParse(label.AsSpan(paren + 1, label.Length - paren - 2), NumberStyles.None, CultureInfo.InvariantCulture, out int attribute))
            {
                json.WriteString("name", label[..paren]);
                json.WriteNumber("attr", attribute);
            }
            else
            {
                json.WriteString("name", label);
            }

            int bar = rest.LastIndexOf(" | ", StringComparison.Ordinal);
            json.WriteString("value", bar < 0 ? rest : rest[..bar]);
            if (bar >= 0)
            {
                json.WriteString("hex", rest[(bar + 3)..]);
            }

            if (next < lines.Length && Indent(lines[next]) > indent)
            {
                WriteFields(json, lines, ref next, Indent(lines[next]));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
}
