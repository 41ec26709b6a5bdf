using System.Collections.Generic;

namespace Netlink.Generators.Parsing;

internal sealed partial class SpecReader
{
    /// <summary><c>attribute-sets</c>: names and raw attributes (their keys are read by the resolver, after subset-of merges them).</summary>
    private void ReadAttributeSets(RawNode root, RawSpec spec)
    {
        foreach (RawNode item in List(root, "attribute-sets", required: true))
        {
            if (Map(item, "attribute set") is not { } set || RequiredText(set, "name", "an attribute set") is not { } name)
            {
                continue;
            }

            var attrs = new List<RawAttr>();
            foreach (RawNode a in List(set, "attributes", required: true))
            {
                if (Map(a, "attribute") is { } attr && RequiredText(attr, "name", "an attribute") is { } attrName)
                {
                    attrs.Add(new RawAttr(attrName, attr));
                }
            }

            spec.AttrSets.Add(new RawAttrSet(name, Text(set, "subset-of"), attrs, Doc(set)));
        }
    }
}
