using System;
using System.Collections.Generic;
using System.Linq;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.YnlGenerator;

namespace Netlink.Generators.Parsing;

internal sealed partial class SpecResolver
{
    /// <summary>
    /// Members of the typed class an attribute's property must not take. The low-level API needs no
    /// such list: its members are prefixed (TryGetX, WriteX…), and the one that is not (a flag's
    /// property) gets a name of its own where it would clash (FlagCodec).
    /// </summary>
    private static readonly string[] SetMembers =
    {
        "FromReader", "ReadFrom", "WriteTo", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "Unknown",
    };

    private readonly Dictionary<string, RawAttrSet> _rawSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, (RawAttr Attr, int Value, List<RawNode> Chain)>?> _setValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _valuing = new(StringComparer.Ordinal);
    private string _currentSet = string.Empty;

    private void IndexAttributeSets()
    {
        foreach (RawAttrSet set in _raw.AttrSets)
        {
            if (_rawSets.ContainsKey(set.Name.Value))
            {
                _diagnostics.Report(DiagnosticDescriptors.DuplicateName, set.Name.Span, "attribute set", set.Name.Value);
            }
            else
            {
                _rawSets[set.Name.Value] = set;
            }
        }
    }

    private bool SetRef(RawText name)
    {
        if (_rawSets.ContainsKey(name.Value))
        {
            return true;
        }

        _diagnostics.Report(DiagnosticDescriptors.UnknownReference, name.Span, "attribute set", name.Value);
        return false;
    }

    private List<AttrSetSpec> ResolveAttributeSets()
    {
        var result = new List<AttrSetSpec>();
        foreach (RawAttrSet set in _rawSets.Values)
        {
            _currentSet = set.Name.Value;
            Identifier cs = _types.Reserve(Naming.Pascal(set.Name.Value));
            var attrs = new List<AttrSpec>();
            var names = new NameScope(SetMembers.Concat(new[] { cs.Bare }).ToArray());
            if (set.SubsetOf is { } parentName && !SetRef(parentName))
            {
                continue;
            }

            Dictionary<string, (RawAttr Attr, int Value, List<RawNode> Chain)>? own = Values(set.Name.Value, set.Name);
            if (own is null)
            {
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (RawAttr attr in set.Attrs)
            {
                if (!seen.Add(attr.Name.Value))
                {
                    continue; // a repeat: reported by Values unless it repeats the first exactly
                }

                if (!own.TryGetValue(attr.Name.Value, out var entry))
                {
                    continue;
                }

                if (Attr(attr.Name, entry.Value, entry.Chain, names) is { } spec)
                {
                    attrs.Add(spec);
                }
            }

            result.Add(new AttrSetSpec
            {
                Name = set.Name.Value,
                Cs = cs,
                IdEnum = _types.Reserve(cs.Bare + "Attr"),
                Writer = _types.Reserve(cs.Bare + "Writer"),
                Reader = _types.Reserve(cs.Bare + "Reader"),
                Attrs = attrs.ToEquatableArray(),
                Doc = set.Doc,
            });
        }

        return result;
    }

    /// <summary>
    /// Name -> (first definition, value, the definitions its keys come from, most specific first) for a set: explicit values, implicit ones counting on from
    /// the previous entry (a repeat counts too, as the kernel's nlspec does), a subset taking its
    /// parent's. Null, after reporting, for a cycle of subset-of or a bad value.
    /// </summary>
    private Dictionary<string, (RawAttr Attr, int Value, List<RawNode> Chain)>? Values(string setName, RawText reference)
    {
        if (_setValues.TryGetValue(setName, out var done))
        {
            return done;
        }

        RawAttrSet set = _rawSets[setName];
        if (!_valuing.Add(setName))
        {
            _diagnostics.Report(DiagnosticDescriptors.ReferenceCycle, reference.Span, "subset-of", setName);
            return null;
        }

        Dictionary<string, (RawAttr Attr, int Value, List<RawNode> Chain)>? parent = set.SubsetOf is { } p && _rawSets.ContainsKey(p.Value) ? Values(p.Value, p) : null;
        var values = new Dictionary<string, (RawAttr Attr, int Value, List<RawNode> Chain)>(StringComparer.Ordinal);
        bool failed = set.SubsetOf is not null && parent is null;
        int next = 1;
        foreach (RawAttr attr in set.Attrs)
        {
            if (parent is not null)
            {
                if (values.ContainsKey(attr.Name.Value))
                {
                    continue;
                }

                if (!parent.TryGetValue(attr.Name.Value, out var inherited))
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnknownReference, attr.Name.Span, $"attribute of set '{set.SubsetOf!.Value}'", attr.Name.Value);
                    failed = true;
                    continue;
                }

                values[attr.Name.Value] = (attr, inherited.Value, new List<RawNode> { attr.Node }.Concat(inherited.Chain).ToList());
                continue;
            }

            if (attr.Node["value"] is { Scalar: { } text } valueNode)
            {
                if (Int(new RawText(text, valueNode.Span), "an attribute value (0..16383)", 0, 0x3fff) is not { } v)
                {
                    failed = true;
                    continue;
                }

                next = (int)v;
            }

            int value = next++;
            if (values.TryGetValue(attr.Name.Value, out var first))
            {
                // The kernel's tooling keys attributes by name, so an identical repeat changes nothing.
                if (first.Value != value || !WithoutValue(first.Attr.Node, attr.Node))
                {
                    _diagnostics.Report(DiagnosticDescriptors.DuplicateName, attr.Name.Span, "attribute", attr.Name.Value);
                    failed = true;
                }

                continue;
            }

            values[attr.Name.Value] = (attr, value, new List<RawNode> { attr.Node });
        }

        _valuing.Remove(setName);
        Dictionary<string, (RawAttr Attr, int Value, List<RawNode> Chain)>? result = failed ? null : values;
        _setValues[setName] = result;
        return result;
    }

    /// <summary>True if two attribute definitions say the same apart from how their value is written (doc included).</summary>
    private static bool WithoutValue(RawNode first, RawNode repeat)
    {
        IEnumerable<string> keys = first.Keys!.Where(k => k != "value").Concat(repeat.Keys!.Where(k => k != "value")).Distinct();
        return keys.All(k => first[k] is { } a && repeat[k] is { } b && a.SameContent(b));
    }
}
