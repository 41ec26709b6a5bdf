using System.Collections;
using System.Runtime.CompilerServices;

namespace Netlink;

/// <summary>
/// The list a dump returns: appends into fixed chunks of at most 32 KiB instead of one array
/// that doubles. A 100,000-route dump in a <see cref="List{T}"/> would copy its array a dozen
/// times and put the last few copies on the large-object heap, whose budget triggers full
/// (gen2) collections; chunks below the 85,000-byte threshold never go there and are never copied.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class DumpList<T> : IReadOnlyList<T>
{
    private static readonly int ChunkLength = Math.Max(16, 32 * 1024 / Unsafe.SizeOf<T>());

    private readonly List<T[]> _chunks = [];
    private int _count;

    /// <summary>The number of items.</summary>
    public int Count => _count;

    /// <summary>The item at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0..Count-1.</exception>
    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            return _chunks[index / ChunkLength][index % ChunkLength];
        }
    }

    /// <summary>Appends <paramref name="item"/>.</summary>
    public void Add(T item)
    {
        int slot = _count % ChunkLength;
        if (slot == 0)
        {
            _chunks.Add(new T[ChunkLength]);
        }

        _chunks[^1][slot] = item;
        _count++;
    }

    /// <summary>Enumerates the items in order.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        int left = _count;
        foreach (T[] chunk in _chunks)
        {
            int take = Math.Min(left, chunk.Length);
            for (int i = 0; i < take; i++)
            {
                yield return chunk[i];
            }

            left -= take;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
