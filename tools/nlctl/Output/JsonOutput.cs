using System.Text.Encodings.Web;
using System.Text.Json;

namespace Nlctl.Output;

/// <summary>
/// One JSON document as ip -j writes it: compact, streamed to the output as it is produced (a
/// 100,000-route table is held neither as objects nor as text), a newline at the end. With -p it
/// is collected and re-indented in ip's layout (<see cref="IpPrettyJson"/>) when disposed.
/// </summary>
internal sealed class JsonOutput : IDisposable
{
    /// <summary>ip writes non-ASCII and HTML characters as they are; only quotes, backslashes and control characters are escaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    private const int FlushThreshold = 64 * 1024;
    private readonly Stream _output;
    private readonly MemoryStream? _collected;

    public JsonOutput(Stream output, bool pretty)
    {
        _output = output;
        _collected = pretty ? new MemoryStream() : null;
        Writer = new Utf8JsonWriter((Stream?)_collected ?? output, WriterOptions);
    }

    /// <summary>The writer; call <see cref="FlushIfLarge"/> between elements of a long array.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>Passes what is buffered on once it is large.</summary>
    public void FlushIfLarge()
    {
        if (_collected is null && Writer.BytesPending >= FlushThreshold)
        {
            Writer.Flush();
        }
    }

    public void Dispose()
    {
        Writer.Flush();
        Writer.Dispose();
        if (_collected is not null)
        {
            IpPrettyJson.Write(_collected.GetBuffer().AsSpan(0, (int)_collected.Length), _output);
            _collected.Dispose();
        }

        _output.WriteByte((byte)'\n');
    }

    /// <summary>Renders what <paramref name="write"/> writes as one compact JSON text (one line of monitor or proc-events output).</summary>
    public static string Line(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
