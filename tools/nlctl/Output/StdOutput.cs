namespace Nlctl.Output;

/// <summary>
/// Where results go: stdout (or a buffer, for commands built from other commands), as text
/// through <see cref="Text"/> or as one JSON document through <see cref="BeginJson"/>. Buffered,
/// so a large listing costs few writes; flushed when the command ends, or per line by commands
/// that follow events. On an error the unflushed part is dropped (nothing on stdout on error).
/// </summary>
internal sealed class StdOutput : IDisposable
{
    private const int BufferSize = 64 * 1024;
    private readonly Stream _stream;
    private readonly StreamWriter _text;
    private bool _discard;

    public StdOutput(Stream stream, bool prettyJson)
    {
        _stream = stream;
        PrettyJson = prettyJson;
        _text = new StreamWriter(stream, LosslessTextEncoding.Instance, BufferSize) { NewLine = "\n", AutoFlush = false };
    }

    /// <summary>The process's stdout.</summary>
    public static StdOutput ForStdout(bool prettyJson) => new(new GuardedStream(Console.OpenStandardOutput()), prettyJson);

    /// <summary>Text output.</summary>
    public TextWriter Text => _text;

    /// <summary>True when JSON is to be indented in ip's layout (-p).</summary>
    public bool PrettyJson { get; }

    /// <summary>Starts one JSON document (text written so far comes first); dispose it to finish.</summary>
    public JsonOutput BeginJson()
    {
        _text.Flush();
        return new JsonOutput(_stream, PrettyJson);
    }

    /// <summary>Passes everything written so far on to stdout.</summary>
    public void Flush()
    {
        _text.Flush();
        _stream.Flush();
    }

    /// <summary>Drops what has not reached stdout yet (called when the command failed).</summary>
    public void Discard() => _discard = true;

    public void Dispose()
    {
        if (!_discard)
        {
            _text.Dispose();
        }
        else
        {
            _stream.Dispose();
        }
    }
}
