namespace Netlink.Codegen;

/// <summary>
/// The items of a multi-attr or indexed-array scalar attribute, decoded as <typeparamref name="T"/>
/// (an integer or enum); items too short for the wire type are skipped.
/// </summary>
public ref struct NlScalarEnumerator<T>
    where T : unmanaged
{
    private NlAttributeFilter _filter;
    private readonly NlWire _wire;
    private T _current;

    /// <summary>Decodes the attributes <paramref name="filter"/> yields as <paramref name="wire"/>.</summary>
    public NlScalarEnumerator(NlAttributeFilter filter, NlWire wire)
    {
        _filter = filter;
        _wire = wire;
        _current = default;
    }

    /// <summary>The current item.</summary>
    public readonly T Current => _current;

    /// <summary>The attribute type of the current item (its index in an indexed array).</summary>
    public readonly ushort Index => _filter.Current.Type;

    /// <summary>Enables foreach.</summary>
    public readonly NlScalarEnumerator<T> GetEnumerator() => this;

    /// <summary>Advances to the next well-formed item.</summary>
    public bool MoveNext()
    {
        while (_filter.MoveNext())
        {
            if (NlScalar.TryRead(_filter.Current.Payload, _wire, out _current))
            {
                return true;
            }
        }

        return false;
    }
}
