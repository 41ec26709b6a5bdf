using System;
using System.Collections.Generic;
using System.Linq;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;

namespace Netlink.Generators.Emitting;

/// <summary>Lookups over one family's model and the names the emitters derive from it, shared by emitters and codecs.</summary>
internal sealed class EmitContext
{
    private readonly Dictionary<(string Set, int Value), string> _positionFields = new();

    public EmitContext(FamilySpec family)
    {
        Family = family;
        Enums = family.Enums.ToDictionary(e => e.Name, StringComparer.Ordinal);
        Structs = family.Structs.ToDictionary(s => s.Name, StringComparer.Ordinal);
        Sets = family.AttrSets.ToDictionary(s => s.Name, StringComparer.Ordinal);
        SubMessages = family.SubMessages.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (StructMemberSpec m in family.Structs.SelectMany(s => s.Members))
        {
            if (m.Type is { EnumAsFlags: true, Enum: { } e })
            {
                EnumsAsFlags.Add(e);
            }
        }

        foreach (AttrSetSpec set in family.AttrSets)
        {
            foreach (AttrSpec a in set.Attrs)
            {
                foreach (TypeSpec? t in new[] { a.Type, a.Type.Item })
                {
                    if (t is { EnumAsFlags: true, Enum: { } e })
                    {
                        EnumsAsFlags.Add(e);
                    }
                }

                if (!_positionFields.ContainsKey((set.Name, a.Value)))
                {
                    _positionFields[(set.Name, a.Value)] = "_pos" + a.Cs.Bare;
                }
            }
        }
    }

    public FamilySpec Family { get; }

    /// <summary>Plain enums some value uses with <c>enum-as-flags</c> (they get bit names too).</summary>
    public HashSet<string> EnumsAsFlags { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, EnumSpec> Enums { get; }

    public Dictionary<string, StructSpec> Structs { get; }

    public Dictionary<string, AttrSetSpec> Sets { get; }

    public Dictionary<string, SubMessageSpec> SubMessages { get; }

    /// <summary>The family class.</summary>
    public string F => Family.Cs.Escaped;

    /// <summary>The class holding the enums' ToName extensions and name lookups.</summary>
    public string Names => Family.Cs.Bare + "Names";

    /// <summary>NLA_F_NESTED is set on nests of genetlink families (newer kernels require it), not of rtnetlink.</summary>
    public string NestFlag => Family.IsGenetlink ? "true" : "false";

    /// <summary>The enum type the typed API uses for a value, or null to use the raw integer.</summary>
    public EnumSpec? TypedEnum(TypeSpec type)
    {
        if (type.Enum is null || !Enums.TryGetValue(type.Enum, out EnumSpec? e))
        {
            return null;
        }

        // enum-as-flags on a plain enum: the wire value is a mask of 1 << entry, not one of the enum's values.
        return e.IsFlags || !type.EnumAsFlags ? e : null;
    }

    /// <summary><c>(ushort)LinkAttrsAttr.Mtu</c>.</summary>
    public static string Id(AttrSetSpec set, AttrSpec a) => $"(ushort){set.IdEnum}.{a.Cs}";

    /// <summary>The reader field holding the position of attributes with <paramref name="a"/>'s value (the first such attribute names it).</summary>
    public string Position(AttrSetSpec set, AttrSpec a) => _positionFields[(set.Name, a.Value)];

    /// <summary>The reader field counting a multi-attr attribute.</summary>
    public static string Count(AttrSpec a) => "_count" + a.Cs.Bare;

    /// <summary><c>"mtu(4)"</c>: how the describer labels an attribute.</summary>
    public static string Label(AttrSpec a) => Naming.Literal(a.Name + "(" + a.Value + ")");

    public static string SelectorField(string selector) => "_sel" + Naming.Pascal(selector).Bare;

    public static string SelectorParam(string selector) => "sel" + Naming.Pascal(selector).Bare;

    /// <summary>The reader parameters for a set's inherited selectors, with defaults.</summary>
    public static string SelectorParams(AttrSetSpec set) =>
        string.Concat(set.InheritedSelectors.Select(s => $", {Codecs.Globals.Bytes} {SelectorParam(s)} = default"));

    /// <summary>
    /// Arguments passing a child set's inherited selectors from a parent: the parent's own attribute
    /// when it holds the selector, the selector it inherited itself, or nothing.
    /// </summary>
    public string SelectorArgs(AttrSetSpec parent, string? child, Func<AttrSpec, string> ownRaw, Func<string, string> inherited)
    {
        if (child is null || !Sets.TryGetValue(child, out AttrSetSpec? c) || c.InheritedSelectors.Count == 0)
        {
            return string.Empty;
        }

        var args = new List<string>();
        foreach (string selector in c.InheritedSelectors)
        {
            AttrSpec? own = parent.Attrs.FirstOrDefault(a => a.Name == selector);
            args.Add(own is not null ? ownRaw(own) : parent.InheritedSelectors.Contains(selector) ? inherited(selector) : "default");
        }

        return ", " + string.Join(", ", args);
    }

    /// <summary>The typed class of a set, fully qualified (a property of the same name cannot shadow it).</summary>
    public string TypedClass(string set) => Qualified(Sets[set].Cs.Escaped);

    /// <summary>A type nested in the family class, fully qualified.</summary>
    public string Qualified(string name) => $"global::{Family.Namespace}.{Family.Cs}.{name}";
}
