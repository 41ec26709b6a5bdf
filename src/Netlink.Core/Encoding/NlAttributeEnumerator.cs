namespace Netlink.Encoding;

/// <summary>
/// Walks the attributes of a buffer without allocating. A length field shorter than the
/// attribute header or longer than the bytes left ends the walk and sets <see cref="IsMalformed"/>;
/// the attributes before it stay usable. Call <see cref="ThrowIfMalformed"/> to make that an error.
/// </summary>
public ref struct NlAttributeEnumerator
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _baseOffset;
    private int _next;
    private NlAttribute _current;

    /// <summary>Enumerates the attributes in <paramref name="buffer"/>.</summary>
    /// <param name="buffer">A packed list of attributes.</param>
    /// <param name="baseOffset">Offset of <paramref name="buffer"/> within the enclosing message, for error positions.</param>
    public NlAttributeEnumerator(ReadOnlySpan<byte> buffer, int baseOffset = 0)
    {
        _buffer = buffer;
        _baseOffset = baseOffset;
        _next = 0;
        _current = default;
        MalformedOffset = -1;
    }

    /// <summary>The current attribute.</summary>
    public readonly NlAttribute Current => _current;

    /// <summary>True once the walk stopped at a malformed attribute header.</summary>
    public readonly bool IsMalformed => MalformedOffset >= 0;

    /// <summary>Offset (relative to the enclosing message) of the malformed attribute, or -1.</summary>
    public int MalformedOffset { readonly get; private set; }

    /// <summary>Returns this enumerator (enables <c>foreach</c>).</summary>
    public readonly NlAttributeEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next attribute.</summary>
    public bool MoveNext()
    {
        int remaining = _buffer.Length - _next;
        if (remaining <= 0 || IsMalformed)
        {
            return false;
        }

        if (remaining < NlAttribute.HeaderSize)
        {
            MalformedOffset = _baseOffset + _next;
            return false;
        }

        ReadOnlySpan<byte> header = _buffer.Slice(_next, NlAttribute.HeaderSize);
        int length = System.Runtime.InteropServices.MemoryMarshal.Read<ushort>(header);
        ushort rawType = System.Runtime.InteropServices.MemoryMarshal.Read<ushort>(header[2..]);
        if (length < NlAttribute.HeaderSize || length > remaining)
        {
            MalformedOffset = _baseOffset + _next;
            return false;
        }

        _current = new NlAttribute(rawType, _buffer.Slice(_next + NlAttribute.HeaderSize, length - NlAttribute.HeaderSize), _baseOffset + _next);

        // The last attribute may omit its padding; never step past the end.
        _next = Math.Min(_next + NlAlign.Align(length), _buffer.Length);
        return true;
    }

    /// <summary>Throws <see cref="NetlinkDecodeException"/> if the walk stopped at a malformed attribute.</summary>
    public readonly void ThrowIfMalformed()
    {
        if (IsMalformed)
        {
            throw new NetlinkDecodeException("malformed attribute length", MalformedOffset);
        }
    }
}
