using System;
using System.Collections.Generic;
using System.Linq;
using Netlink.Generators.Model;

namespace Netlink.Generators.Codecs;

/// <summary>Lookups over one family model, shared by the emitter and the codecs.</summary>
internal sealed class EmitContext
{
    public EmitContext(FamilySpec family)
    {
        Family = family;
        Enums = family.Enums.ToDictionary(e => e.Name, StringComparer.Ordinal);
        Structs = family.Structs.ToDictionary(s => s.Name, StringComparer.Ordinal);
        Sets = family.AttrSets.ToDictionary(s => s.Name, StringComparer.Ordinal);
        SubMessages = family.SubMessages.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public FamilySpec Family { get; }

    public Dictionary<string, EnumSpec> Enums { get; }

    public Dictionary<string, StructSpec> Structs { get; }

    public Dictionary<string, AttrSetSpec> Sets { get; }

    public Dictionary<string, SubMessageSpec> SubMessages { get; }

    public string NestFlag => Family.IsGenetlink ? "true" : "false";

    /// <summary>The enum type to expose for an attribute or member, or null to expose the raw integer.</summary>
    public EnumSpec? TypedEnum(string? enumName, bool enumAsFlags)
    {
        if (enumName is null || !Enums.TryGetValue(enumName, out EnumSpec? e))
        {
            return null;
        }

        // "enum-as-flags" on a plain enum means the wire value is a mask of 1 << entry: not the enum's values.
        return e.IsFlags || !enumAsFlags ? e : null;
    }

    /// <summary>Argument list passing a child set's inherited selectors from a parent context.</summary>
    /// <param name="parent">The set holding the nest.</param>
    /// <param name="child">The nested set.</param>
    /// <param name="rawOf">Expression giving the raw payload of a parent attribute by id-enum member.</param>
    /// <param name="inheritedOf">Expression naming the parent's own inherited selector.</param>
    public string SelectorArgs(AttrSetSpec parent, string child, Func<AttrSpec, string> rawOf, Func<string, string> inheritedOf)
    {
        if (!Sets.TryGetValue(child, out AttrSetSpec? c) || c.InheritedSelectors.Count == 0)
        {
            return string.Empty;
        }

        var args = new List<string>();
        foreach (string sel in c.InheritedSelectors)
        {
            AttrSpec? own = parent.Attrs.FirstOrDefault(a => a.Name == sel);
            args.Add(own is not null ? rawOf(own) : parent.InheritedSelectors.Contains(sel) ? inheritedOf(sel) : "default");
        }

        return ", " + string.Join(", ", args);
    }

    public static string SelectorField(string selector) => "_sel" + Helpers.Naming.ToPascal(selector).TrimStart('@');

    public static string SelectorParam(string selector) => "sel" + Helpers.Naming.ToPascal(selector).TrimStart('@');
}
