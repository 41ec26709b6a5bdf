using System.Collections.Generic;
using Netlink.Generators.Model;

namespace Netlink.Generators.Parsing;

/// <summary>
/// The spec file as read: a scalar, a list or a mapping, each with its position. YAML types stop
/// at <see cref="SpecLoader"/>; everything after works on these.
/// </summary>
internal sealed class RawNode
{
    private readonly Dictionary<string, RawNode>? _map;

    private RawNode(SourceSpan span, string? scalar, bool isEmptyPlain, List<RawNode>? items, Dictionary<string, RawNode>? map, List<string>? keys)
    {
        Span = span;
        Scalar = scalar;
        IsEmptyPlain = isEmptyPlain;
        Items = items;
        _map = map;
        Keys = keys;
    }

    /// <summary>Where the node is.</summary>
    public SourceSpan Span { get; }

    /// <summary>The scalar text, or null for a list or mapping.</summary>
    public string? Scalar { get; }

    /// <summary>True for a plain scalar with no text (YAML null).</summary>
    public bool IsEmptyPlain { get; }

    /// <summary>The list items, or null.</summary>
    public List<RawNode>? Items { get; }

    /// <summary>The mapping's keys in order, or null.</summary>
    public List<string>? Keys { get; }

    /// <summary>True for a mapping.</summary>
    public bool IsMap => _map is not null;

    /// <summary>The value of <paramref name="key"/> in a mapping, or null.</summary>
    public RawNode? this[string key] => _map is not null && _map.TryGetValue(key, out RawNode? value) ? value : null;

    public static RawNode ScalarNode(SourceSpan span, string text, bool isEmptyPlain) => new(span, text, isEmptyPlain, null, null, null);

    public static RawNode ListNode(SourceSpan span, List<RawNode> items) => new(span, null, false, items, null, null);

    public static RawNode MapNode(SourceSpan span, Dictionary<string, RawNode> map, List<string> keys) => new(span, null, false, null, map, keys);

    /// <summary>Structural equality of content (scalar text, items in order, entries in any order); positions do not count.</summary>
    public bool SameContent(RawNode other)
    {
        if (Scalar is not null || other.Scalar is not null)
        {
            return Scalar == other.Scalar;
        }

        if (Items is not null || other.Items is not null)
        {
            if (Items is null || other.Items is null || Items.Count != other.Items.Count)
            {
                return false;
            }

            for (int i = 0; i < Items.Count; i++)
            {
                if (!Items[i].SameContent(other.Items[i]))
                {
                    return false;
                }
            }

            return true;
        }

        if (Keys!.Count != other.Keys!.Count)
        {
            return false;
        }

        foreach (string key in Keys)
        {
            if (other[key] is not { } value || !this[key]!.SameContent(value))
            {
                return false;
            }
        }

        return true;
    }
}
