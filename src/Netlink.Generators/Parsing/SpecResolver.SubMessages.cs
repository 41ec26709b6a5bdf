using System;
using System.Collections.Generic;
using System.Linq;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.YnlGenerator;

namespace Netlink.Generators.Parsing;

internal sealed partial class SpecResolver
{
    private readonly Dictionary<string, RawSubMessage> _rawSubMessages = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Set, string Attr), SourceSpan> _selectorSpans = new();

    private void IndexSubMessages()
    {
        foreach (RawSubMessage sm in _raw.SubMessages)
        {
            if (_rawSubMessages.ContainsKey(sm.Name.Value))
            {
                _diagnostics.Report(DiagnosticDescriptors.DuplicateName, sm.Name.Span, "sub-message", sm.Name.Value);
            }
            else
            {
                _rawSubMessages[sm.Name.Value] = sm;
            }
        }
    }

    private List<SubMessageSpec> ResolveSubMessages()
    {
        var result = new List<SubMessageSpec>();
        foreach (RawSubMessage sm in _rawSubMessages.Values)
        {
            Identifier cs = _types.Reserve(Naming.Pascal(sm.Name.Value));
            string valueClass = _types.Reserve(cs.Bare + "Value");
            var names = new NameScope("Unknown", "Format", "Kind", "Payload", "Selector", "SelectorNumber", "SelectByName", "SelectByValue", "FromMessage", cs.Bare, valueClass);
            var formats = new List<SubMessageFormatSpec>();
            var values = new HashSet<string>(StringComparer.Ordinal);
            foreach (RawFormat f in sm.Formats)
            {
                if (!values.Add(f.Value.Value))
                {
                    _diagnostics.Report(DiagnosticDescriptors.DuplicateName, f.Value.Span, "sub-message format", f.Value.Value);
                    continue;
                }

                bool headerOk = f.FixedHeader is null || Struct(f.FixedHeader) is not null;
                bool setOk = f.AttrSet is null || SetRef(f.AttrSet);
                if (headerOk && setOk)
                {
                    formats.Add(new SubMessageFormatSpec { Value = f.Value.Value, Cs = names.Reserve(Naming.Pascal(f.Value.Value)), FixedHeader = f.FixedHeader?.Value, AttrSet = f.AttrSet?.Value });
                }
            }

            result.Add(new SubMessageSpec { Name = sm.Name.Value, Cs = cs, ValueClass = valueClass, Formats = formats.ToEquatableArray() });
        }

        return result;
    }

    /// <summary>
    /// A selector is looked up in the sub-message attribute's own set first, then in the sets that
    /// nest it (transitively); a set that needs a selector it does not hold inherits it from its
    /// parents, which pass it down to their nested readers.
    /// </summary>
    private List<AttrSetSpec> ResolveSelectors(List<AttrSetSpec> sets, List<SubMessageSpec> subMessages)
    {
        var byName = sets.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var parents = sets.ToDictionary(s => s.Name, _ => new List<string>(), StringComparer.Ordinal);
        var subByName = subMessages.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (AttrSetSpec set in sets)
        {
            foreach (AttrSpec a in set.Attrs)
            {
                foreach (string child in Children(a.Type, subByName))
                {
                    if (parents.TryGetValue(child, out List<string>? list) && !list.Contains(set.Name))
                    {
                        list.Add(set.Name);
                    }
                }
            }
        }

        AttrSpec? FindUp(string start, string attr)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>();
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                string s = queue.Dequeue();
                if (!seen.Add(s) || !byName.TryGetValue(s, out AttrSetSpec? spec))
                {
                    continue;
                }

                if (spec.Attrs.FirstOrDefault(a => a.Name == attr) is { } found)
                {
                    return found;
                }

                foreach (string p in parents[s])
                {
                    queue.Enqueue(p);
                }
            }

            return null;
        }

        var inherited = sets.ToDictionary(s => s.Name, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var resolved = new Dictionary<string, List<AttrSpec>>(StringComparer.Ordinal);
        foreach (AttrSetSpec set in sets)
        {
            var attrs = new List<AttrSpec>();
            foreach (AttrSpec a in set.Attrs)
            {
                if (a.Type.Selector is not { } selector)
                {
                    attrs.Add(a);
                    continue;
                }

                if (FindUp(set.Name, selector.Name) is not { } target)
                {
                    _diagnostics.Report(DiagnosticDescriptors.SelectorNotFound, _selectorSpans.TryGetValue((set.Name, a.Name), out SourceSpan span) ? span : SourceSpan.FileStart, selector.Name, a.Name);
                    continue;
                }

                bool local = set.Attrs.Any(x => x.Name == selector.Name);
                if (!local)
                {
                    inherited[set.Name].Add(selector.Name);
                }

                attrs.Add(a with { Type = a.Type with { Selector = selector with { IsLocal = local, IsString = target.Type.Kind == AttrKind.String } } });
            }

            resolved[set.Name] = attrs;
        }

        // A set passes down what its children inherit and it does not hold itself.
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (AttrSetSpec set in sets)
            {
                foreach (string selector in inherited[set.Name].ToList())
                {
                    foreach (string p in parents[set.Name])
                    {
                        if (!byName[p].Attrs.Any(a => a.Name == selector) && inherited[p].Add(selector))
                        {
                            changed = true;
                        }
                    }
                }
            }
        }

        return sets.Select(s => s with { Attrs = resolved[s.Name].ToEquatableArray(), InheritedSelectors = inherited[s.Name].ToEquatableArray() }).ToList();
    }

    /// <summary>The sets an attribute's payload holds: its nested set, or each format's set.</summary>
    private static IEnumerable<string> Children(TypeSpec type, Dictionary<string, SubMessageSpec> subMessages)
    {
        if (type.NestedSet is not null)
        {
            yield return type.NestedSet;
        }

        if (type.Item?.NestedSet is not null)
        {
            yield return type.Item.NestedSet;
        }

        if (type.SubMessage is not null && subMessages.TryGetValue(type.SubMessage, out SubMessageSpec? sm))
        {
            foreach (SubMessageFormatSpec f in sm.Formats)
            {
                if (f.AttrSet is not null)
                {
                    yield return f.AttrSet;
                }
            }
        }
    }
}
