using System.Collections.Concurrent;

namespace Netlink.Encoding;

/// <summary>
/// A small pool of <see cref="NetlinkMessageWriter"/>s, so clients that build a request per call
/// (and may be called from many tasks at once) reuse grown buffers instead of allocating.
/// </summary>
public sealed class NetlinkMessageWriterPool
{
    private readonly ConcurrentBag<NetlinkMessageWriter> _writers = [];
    private readonly int _maxRetained;

    /// <summary>Creates a pool that keeps at most <paramref name="maxRetained"/> idle writers.</summary>
    public NetlinkMessageWriterPool(int maxRetained = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRetained);
        _maxRetained = maxRetained;
    }

    /// <summary>A pool shared by the library's clients.</summary>
    public static NetlinkMessageWriterPool Shared { get; } = new();

    /// <summary>Takes an empty writer; give it back with <see cref="Return"/> (or dispose the lease).</summary>
    public Lease Rent()
    {
        if (!_writers.TryTake(out NetlinkMessageWriter? writer))
        {
            writer = new NetlinkMessageWriter();
        }

        writer.Clear();
        return new Lease(this, writer);
    }

    /// <summary>Gives a writer back; it is cleared and kept if the pool has room, else disposed.</summary>
    public void Return(NetlinkMessageWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Clear();
        if (_writers.Count < _maxRetained)
        {
            _writers.Add(writer);
        }
        else
        {
            writer.Dispose();
        }
    }

    /// <summary>A rented writer; disposing the lease returns it to the pool.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly NetlinkMessageWriterPool _pool;

        internal Lease(NetlinkMessageWriterPool pool, NetlinkMessageWriter writer)
        {
            _pool = pool;
            Writer = writer;
        }

        /// <summary>The rented writer, empty.</summary>
        public NetlinkMessageWriter Writer { get; }

        /// <summary>Returns the writer to the pool.</summary>
        public void Dispose() => _pool?.Return(Writer);
    }
}
