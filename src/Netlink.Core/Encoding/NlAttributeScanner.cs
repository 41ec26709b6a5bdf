using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Netlink.Encoding;

/// <summary>
/// The fast walk the generated readers index with: like <see cref="NlAttributeEnumerator"/> it
/// validates every length against the bytes left and stops at the first malformed header, but
/// it yields only each attribute's type and offset (no payload span is built), so indexing a
/// message costs a few instructions per attribute.
/// </summary>
public ref struct NlAttributeScanner
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _next;

    /// <summary>Scans the packed attributes in <paramref name="buffer"/>.</summary>
    public NlAttributeScanner(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _next = 0;
        Type = 0;
        Offset = 0;
        IsMalformed = false;
    }

    /// <summary>The current attribute's type, flag bits masked off.</summary>
    public int Type { readonly get; private set; }

    /// <summary>Offset of the current attribute's header in the buffer.</summary>
    public int Offset { readonly get; private set; }

    /// <summary>True once the scan stopped at a length shorter than the header or longer than the bytes left.</summary>
    public bool IsMalformed { readonly get; private set; }

    /// <summary>Advances to the next attribute.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        int next = _next;
        int remaining = _buffer.Length - next;
        if (remaining < NlAttribute.HeaderSize)
        {
            // Past the end (the last attribute may omit its padding) is the end; 1..3 stray bytes are not.
            IsMalformed |= remaining > 0;
            return false;
        }

        // next >= 0 and next + 4 <= length: the two reads below are inside the buffer.
        ref byte header = ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), next);
        int length = Unsafe.ReadUnaligned<ushort>(ref header);
        if ((uint)(length - NlAttribute.HeaderSize) > (uint)(remaining - NlAttribute.HeaderSize))
        {
            IsMalformed = true;
            _next = _buffer.Length;
            return false;
        }

        Type = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref header, 2)) & NlAttribute.TypeMask;
        Offset = next;
        _next = next + NlAlign.Align(length);
        return true;
    }
}
