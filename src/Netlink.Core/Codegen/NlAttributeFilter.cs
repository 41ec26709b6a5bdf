using Netlink.Encoding;

namespace Netlink.Codegen;

/// <summary>
/// Walks attributes from a recorded position on, yielding those of one type (multi-attr), or
/// every attribute of a buffer (indexed arrays, whose types are indices). The default value
/// yields nothing.
/// </summary>
public ref struct NlAttributeFilter
{
    private NlAttributeEnumerator _e;
    private readonly int _type;
    private readonly bool _active;

    private NlAttributeFilter(NlAttributeEnumerator e, int type)
    {
        _e = e;
        _type = type;
        _active = true;
    }

    /// <summary>The current attribute.</summary>
    public readonly NlAttribute Current => _e.Current;

    /// <summary>Attributes of <paramref name="type"/> from <paramref name="position"/> (a reader's recorded position; 0 yields nothing).</summary>
    public static NlAttributeFilter OfType(ReadOnlySpan<byte> data, int position, ushort type) =>
        position > 0 ? new NlAttributeFilter(new NlAttributeEnumerator(data[(position - 1)..], position - 1), type) : default;

    /// <summary>Every attribute nested in the attribute at <paramref name="position"/> (0 yields nothing).</summary>
    public static NlAttributeFilter NestedIn(ReadOnlySpan<byte> data, int position) =>
        position > 0 ? new NlAttributeFilter(NlRead.At(data, position).GetNested(), -1) : default;

    /// <summary>Every attribute of <paramref name="attributes"/>.</summary>
    public static NlAttributeFilter All(ReadOnlySpan<byte> attributes) => new(new NlAttributeEnumerator(attributes), -1);

    /// <summary>Advances to the next matching attribute.</summary>
    public bool MoveNext()
    {
        if (!_active)
        {
            return false;
        }

        while (_e.MoveNext())
        {
            if (_type < 0 || _e.Current.Type == _type)
            {
                return true;
            }
        }

        return false;
    }
}
