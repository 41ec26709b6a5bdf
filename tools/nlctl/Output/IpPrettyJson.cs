using System.Text;
using System.Text.Json;

namespace Nlctl.Output;

/// <summary>
/// Re-indents compact JSON the way <c>ip -j -p</c> lays it out: four spaces per level, every
/// member on its own line, arrays kept on the line they open (<c>"flags": [ "UP","LOWER_UP" ]</c>,
/// <c>[ {</c> … <c>} ]</c>, <c>},{</c> between objects), <c>[ ]</c> and <c>{}</c> when empty.
/// </summary>
internal static class IpPrettyJson
{
    /// <summary>Writes <paramref name="compact"/> re-indented to <paramref name="output"/> (no final newline).</summary>
    public static void Write(ReadOnlySpan<byte> compact, Stream output)
    {
        var text = new StringBuilder(compact.Length * 2);
        var reader = new Utf8JsonReader(compact);
        int depth = 0;

        // After an opening bracket or a property name nothing separates the next value; after a value, a comma does.
        bool afterValue = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (afterValue)
                    {
                        text.Append(',');
                    }

                    text.Append(reader.TokenType == JsonTokenType.StartObject ? "{" : "[ ");
                    depth++;
                    afterValue = false;
                    break;
                case JsonTokenType.EndObject:
                    depth--;
                    if (afterValue)
                    {
                        NewLine(text, depth);
                    }

                    text.Append('}');
                    afterValue = true;
                    break;
                case JsonTokenType.EndArray:
                    depth--;
                    if (afterValue)
                    {
                        text.Append(' ');
                    }

                    text.Append(']');
                    afterValue = true;
                    break;
                case JsonTokenType.PropertyName:
                    if (afterValue)
                    {
                        text.Append(',');
                    }

                    NewLine(text, depth);
                    text.Append(Raw(ref reader, compact)).Append(": ");
                    afterValue = false;
                    break;
                default:
                    if (afterValue)
                    {
                        text.Append(',');
                    }

                    text.Append(Raw(ref reader, compact));
                    afterValue = true;
                    break;
            }
        }

        output.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void NewLine(StringBuilder text, int depth) => text.Append('\n').Append(' ', depth * 4);

    /// <summary>The token exactly as written (strings with their quotes and escapes).</summary>
    private static string Raw(ref Utf8JsonReader reader, ReadOnlySpan<byte> source)
    {
        int start = (int)reader.TokenStartIndex;
        int end = (int)reader.BytesConsumed;
        return Encoding.UTF8.GetString(source[start..end]).TrimEnd(':');
    }
}
