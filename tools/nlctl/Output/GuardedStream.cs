namespace Nlctl.Output;

/// <summary>
/// stdout as a write-only stream whose failures become one <see cref="OutputException"/> (e.g.
/// ENOSPC for <c>&gt; /dev/full</c>). After the first failure every later write and flush is
/// dropped, so the clean-up on the way out cannot fail again with a second error or a stack trace.
/// </summary>
internal sealed class GuardedStream(Stream inner) : Stream
{
    private bool _failed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            inner.Write(buffer);
        }
        catch (IOException e)
        {
            _failed = true;
            throw new OutputException(e);
        }
    }

    public override void Flush()
    {
        if (_failed)
        {
            return;
        }

        try
        {
            inner.Flush();
        }
        catch (IOException e)
        {
            _failed = true;
            throw new OutputException(e);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
