using Netlink.Encoding;

namespace Netlink.Codegen;

/// <summary>
/// The entries of a nest-type-value attribute: nests within nests whose attribute types carry ids
/// (1 to 3 levels, outermost first), the innermost holding one entry's attributes. Entries of every
/// occurrence of the attribute are enumerated, in order.
/// </summary>
public ref struct NlTypeValueEnumerator<TReader>
    where TReader : INlItemDecoder<TReader>, allows ref struct
{
    private readonly int _depth;
    private NlAttributeFilter _occurrences;
    private NlAttributeEnumerator _level0;
    private NlAttributeEnumerator _level1;
    private NlAttributeEnumerator _level2;
    private int _level;
    private TReader _current;

    /// <summary>Walks the occurrences <paramref name="occurrences"/> yields through <paramref name="depth"/> levels of ids.</summary>
    public NlTypeValueEnumerator(NlAttributeFilter occurrences, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, 3);
        _depth = depth;
        _occurrences = occurrences;
        _level0 = default;
        _level1 = default;
        _level2 = default;
        _level = 0;
        Id0 = Id1 = Id2 = 0;
        _current = default!;
    }

    /// <summary>The outermost id of the current entry.</summary>
    public ushort Id0 { readonly get; private set; }

    /// <summary>The second id (0 for fewer levels).</summary>
    public ushort Id1 { readonly get; private set; }

    /// <summary>The third id (0 for fewer levels).</summary>
    public ushort Id2 { readonly get; private set; }

    /// <summary>The current entry's attributes.</summary>
    public readonly TReader Current => _current;

    /// <summary>Enables foreach.</summary>
    public readonly NlTypeValueEnumerator<TReader> GetEnumerator() => this;

    /// <summary>Advances to the next entry.</summary>
    public bool MoveNext()
    {
        while (_level >= 0)
        {
            bool moved = _level switch
            {
                0 => _level0.MoveNext(),
                1 => _level1.MoveNext(),
                _ => _level2.MoveNext(),
            };
            if (!moved)
            {
                if (_level == 0)
                {
                    if (!_occurrences.MoveNext())
                    {
                        return false;
                    }

                    _level0 = _occurrences.Current.GetNested();
                    continue;
                }

                _level--;
                continue;
            }

            NlAttribute a = _level switch
            {
                0 => _level0.Current,
                1 => _level1.Current,
                _ => _level2.Current,
            };
            switch (_level)
            {
                case 0:
                    Id0 = a.Type;
                    break;
                case 1:
                    Id1 = a.Type;
                    break;
                default:
                    Id2 = a.Type;
                    break;
            }

            if (_level == _depth - 1)
            {
                if (TReader.TryDecode(a, out _current))
                {
                    return true;
                }

                continue;
            }

            if (_level == 0)
            {
                _level1 = a.GetNested();
            }
            else
            {
                _level2 = a.GetNested();
            }

            _level++;
        }

        return false;
    }
}
