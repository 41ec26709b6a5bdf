using System.Runtime.InteropServices;
using Netlink.Encoding;

namespace Netlink.Codegen;

/// <summary>Decodes one multi-attr or indexed-array item; false skips it (too short for its type).</summary>
/// <typeparam name="T">The item type (may be a ref struct: a span, a generated reader).</typeparam>
public interface INlItemDecoder<T>
    where T : allows ref struct
{
    /// <summary>Decodes <paramref name="attribute"/>.</summary>
    static abstract bool TryDecode(NlAttribute attribute, out T value);
}

/// <summary>The items of a multi-attr or indexed-array attribute, each decoded by <typeparamref name="TDecoder"/>.</summary>
public ref struct NlItemEnumerator<T, TDecoder>
    where T : allows ref struct
    where TDecoder : INlItemDecoder<T>, allows ref struct
{
    private NlAttributeFilter _filter;
    private T _current;

    /// <summary>Decodes the attributes <paramref name="filter"/> yields.</summary>
    public NlItemEnumerator(NlAttributeFilter filter)
    {
        _filter = filter;
        _current = default!;
    }

    /// <summary>The current item.</summary>
    public readonly T Current => _current;

    /// <summary>The attribute type of the current item (its index in an indexed array).</summary>
    public readonly ushort Index => _filter.Current.Type;

    /// <summary>Enables foreach.</summary>
    public readonly NlItemEnumerator<T, TDecoder> GetEnumerator() => this;

    /// <summary>Advances to the next well-formed item.</summary>
    public bool MoveNext()
    {
        while (_filter.MoveNext())
        {
            if (TDecoder.TryDecode(_filter.Current, out _current))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Items that are NUL-terminated strings: their bytes without the terminator.</summary>
public readonly ref struct NlStringItem : INlItemDecoder<ReadOnlySpan<byte>>
{
    /// <inheritdoc/>
    public static bool TryDecode(NlAttribute attribute, out ReadOnlySpan<byte> value)
    {
        value = attribute.GetStringBytes();
        return true;
    }
}

/// <summary>Items that are raw bytes.</summary>
public readonly ref struct NlBinaryItem : INlItemDecoder<ReadOnlySpan<byte>>
{
    /// <inheritdoc/>
    public static bool TryDecode(NlAttribute attribute, out ReadOnlySpan<byte> value)
    {
        value = attribute.Payload;
        return true;
    }
}

/// <summary>Items that are fixed-layout structs; shorter payloads are skipped.</summary>
public readonly ref struct NlStructItem<TStruct> : INlItemDecoder<TStruct>
    where TStruct : unmanaged
{
    /// <inheritdoc/>
    public static bool TryDecode(NlAttribute attribute, out TStruct value) => attribute.TryGetStruct(out value);
}

/// <summary>Items that are flags: present means true.</summary>
public readonly ref struct NlFlagItem : INlItemDecoder<bool>
{
    /// <inheritdoc/>
    public static bool TryDecode(NlAttribute attribute, out bool value)
    {
        value = true;
        return true;
    }
}

/// <summary>Items that are <c>struct nla_bitfield32</c>; shorter payloads are skipped.</summary>
public readonly ref struct NlBitfield32Item : INlItemDecoder<NlBitfield32>
{
    /// <inheritdoc/>
    public static bool TryDecode(NlAttribute attribute, out NlBitfield32 value)
    {
        ReadOnlySpan<byte> payload = attribute.Payload;
        bool ok = payload.Length >= 8;
        value = ok ? new NlBitfield32(MemoryMarshal.Read<uint>(payload), MemoryMarshal.Read<uint>(payload[4..])) : default;
        return ok;
    }
}

/// <summary>Items that are nests without a known attribute set: their attributes.</summary>
public readonly ref struct NlNestItem : INlItemDecoder<NlAttributeEnumerator>
{
    /// <inheritdoc/>
    public static bool TryDecode(NlAttribute attribute, out NlAttributeEnumerator value)
    {
        value = attribute.GetNested();
        return true;
    }
}
