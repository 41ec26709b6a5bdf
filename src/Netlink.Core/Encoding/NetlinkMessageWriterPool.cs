namespace Netlink.Encoding;

/// <summary>
/// A small pool of <see cref="NetlinkMessageWriter"/>s, so clients that build a request per call
/// (and may be called from many tasks at once) reuse grown buffers instead of allocating.
/// Rent and return run on every request, so they are a few interlocked exchanges over a fixed set
/// of slots: no lock, and no count to compute (a ConcurrentBag's Count takes all its locks).
/// </summary>
public sealed class NetlinkMessageWriterPool
{
    private readonly NetlinkMessageWriter?[] _slots;

    /// <summary>The slot tried first: one caller at a time (the common case) never scans.</summary>
    private NetlinkMessageWriter? _first;

    /// <summary>Creates a pool that keeps at most <paramref name="maxRetained"/> idle writers.</summary>
    public NetlinkMessageWriterPool(int maxRetained = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRetained);
        _slots = new NetlinkMessageWriter?[maxRetained - 1];
    }

    /// <summary>A pool shared by the library's clients.</summary>
    public static NetlinkMessageWriterPool Shared { get; } = new();

    /// <summary>Takes an empty writer; give it back with <see cref="Return"/> (or dispose the lease).</summary>
    public Lease Rent()
    {
        NetlinkMessageWriter writer = Take() ?? new NetlinkMessageWriter();
        writer.Clear();
        return new Lease(this, writer);
    }

    /// <summary>Gives a writer back; it is cleared and kept if the pool has room, else disposed.</summary>
    public void Return(NetlinkMessageWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Clear();
        if (!TryKeep(writer))
        {
            writer.Dispose();
        }
    }

    private NetlinkMessageWriter? Take()
    {
        NetlinkMessageWriter? writer = _first;
        if (writer is not null && Interlocked.CompareExchange(ref _first, null, writer) == writer)
        {
            return writer;
        }

        NetlinkMessageWriter?[] slots = _slots;
        for (int i = 0; i < slots.Length; i++)
        {
            writer = slots[i];
            if (writer is not null && Interlocked.CompareExchange(ref slots[i], null, writer) == writer)
            {
                return writer;
            }
        }

        return null;
    }

    private bool TryKeep(NetlinkMessageWriter writer)
    {
        if (_first is null && Interlocked.CompareExchange(ref _first, writer, null) is null)
        {
            return true;
        }

        NetlinkMessageWriter?[] slots = _slots;
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i] is null && Interlocked.CompareExchange(ref slots[i], writer, null) is null)
            {
                return true;
            }
        }

        return false;
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
