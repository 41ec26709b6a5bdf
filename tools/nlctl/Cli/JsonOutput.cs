using System.Text.Json;

namespace Nlctl.Cli;

/// <summary>
/// One JSON document written as it is produced: straight to stdout in UTF-8 (flushed every
/// 64 KiB), so printing a 100,000-route table holds neither the routes nor the text in memory.
/// When the command's output is not the console (tests, <c>nlctl show</c>) it is collected and
/// written to that <see cref="TextWriter"/> on dispose. Ends with a newline either way.
/// </summary>
internal sealed class JsonOutput : IDisposable
{
    private const int FlushThreshold = 64 * 1024;

    private readonly CommandContext _context;
    private readonly Stream _stream;

    public JsonOutput(CommandContext context)
    {
        _context = context;
        if (context.IsConsole)
        {
            // Text written before through Console.Out must come first.
            context.Output.Flush();
            _stream = Console.OpenStandardOutput();
        }
        else
        {
            _stream = new MemoryStream();
        }

        Writer = new Utf8JsonWriter(_stream);
    }

    /// <summary>The writer; call <see cref="FlushIfLarge"/> between elements.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>Passes what is buffered on to the output once it is large.</summary>
    public void FlushIfLarge()
    {
        if (Writer.BytesPending >= FlushThreshold)
        {
            Writer.Flush();
        }
    }

    public void Dispose()
    {
        Writer.Flush();
        Writer.Dispose();
        if (_stream is MemoryStream collected)
        {
            _context.Output.WriteLine(System.Text.Encoding.UTF8.GetString(collected.GetBuffer(), 0, (int)collected.Length));
        }
        else
        {
            _stream.WriteByte((byte)'\n');
            _stream.Flush();
        }

        _stream.Dispose();
    }
}
