using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.YnlGenerator;

namespace Netlink.Generators.Parsing;

internal sealed partial class SpecResolver
{
    private readonly Dictionary<string, ConstSpec> _consts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConstSpec> _constsByCName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumSpec> _enums = new(StringComparer.Ordinal);
    private readonly HashSet<string> _definitionNames = new(StringComparer.Ordinal);

    /// <summary>An integer const by spec name, or by C name (name-prefix + name: checks may use <c>wg-key-len</c>).</summary>
    private bool TryConst(string name, out long value)
    {
        name = name.Trim();
        if ((_consts.TryGetValue(name, out ConstSpec? c) || _constsByCName.TryGetValue(name, out c)) && c.StringValue is null)
        {
            value = c.IntValue;
            return true;
        }

        value = 0;
        return false;
    }

    private bool NewDefinition(RawText name)
    {
        if (_definitionNames.Add(name.Value))
        {
            return true;
        }

        _diagnostics.Report(DiagnosticDescriptors.DuplicateName, name.Span, "definition", name.Value);
        return false;
    }

    private void ResolveConsts()
    {
        var names = new NameScope("Constants");
        foreach (RawConst c in _raw.Consts)
        {
            if (!NewDefinition(c.Name))
            {
                continue;
            }

            bool isInt = TryParseInt(c.Value.Value, out long number);
            var spec = new ConstSpec
            {
                Name = c.Name.Value,
                Cs = names.Reserve(Naming.Pascal(c.Name.Value)),
                IntValue = isInt ? number : 0,
                StringValue = isInt ? null : c.Value.Value,
                Doc = c.Doc,
            };
            _consts[spec.Name] = spec;
            if (c.Prefix is { } prefix && !_constsByCName.ContainsKey(prefix + c.Name.Value))
            {
                _constsByCName[prefix + c.Name.Value] = spec;
            }
        }
    }

    private void ResolveEnums()
    {
        foreach (RawEnum e in _raw.Enums)
        {
            if (NewDefinition(e.Name) && ResolveEnum(e) is { } spec)
            {
                _enums[spec.Name] = spec;
            }
        }
    }

    private EnumSpec? ResolveEnum(RawEnum e)
    {
        long next = 0;
        if (e.ValueStart is { } start && Int(start, "value-start") is { } first)
        {
            next = first;
        }

        var names = new NameScope("value__");
        var entries = new List<EnumEntrySpec>();
        bool failed = false;
        foreach (RawEnumEntry entry in e.Entries)
        {
            if (entry.Value is { } explicitValue)
            {
                if (Int(explicitValue, "an enum entry value") is not { } v)
                {
                    failed = true;
                    continue;
                }

                next = v;
            }

            long value = next;
            if (e.IsFlags)
            {
                if (next is < 0 or > 63)
                {
                    _diagnostics.Report(DiagnosticDescriptors.InvalidValue, entry.Name.Span, next.ToString(CultureInfo.InvariantCulture), "a flag bit (0..63)");
                    failed = true;
                    next++;
                    continue;
                }

                value = unchecked((long)(1UL << (int)next));
            }

            entries.Add(new EnumEntrySpec { Name = entry.Name.Value, Cs = names.Reserve(Naming.Pascal(entry.Name.Value)), Value = value, Doc = entry.Doc });
            next = next == long.MaxValue ? next : next + 1;
        }

        if (failed)
        {
            return null;
        }

        if (e.RenderMax && entries.Count > 0)
        {
            long max = e.IsFlags ? entries.Aggregate(0L, (m, x) => m | x.Value) : entries.Max(x => x.Value);
            entries.Add(new EnumEntrySpec { Name = "max", Cs = names.Reserve(Naming.Escape("Max")), Value = max, IsMax = true, Doc = "The highest value (render-max)." });
        }

        // Flags are masks: a bit 63 mask is negative as a long, so flags that need it are ulong.
        bool negative = entries.Any(x => x.Value < 0);
        bool wide = entries.Any(x => x.Value > uint.MaxValue || x.Value < int.MinValue);
        string backing = e.IsFlags
            ? (negative || wide ? "ulong" : "uint")
            : negative ? (wide ? "long" : "int") : (wide ? "ulong" : "uint");
        return new EnumSpec
        {
            Name = e.Name.Value,
            Cs = _types.Reserve(Naming.Pascal(e.Name.Value)),
            IsFlags = e.IsFlags,
            Backing = backing,
            Entries = entries.ToEquatableArray(),
            Doc = e.Doc,
        };
    }
}
