using System.Collections.Generic;

namespace Netlink.Generators.Parsing;

internal sealed partial class SpecReader
{
    /// <summary><c>sub-messages</c>: each format's selector value, fixed header and attribute set.</summary>
    private void ReadSubMessages(RawNode root, RawSpec spec)
    {
        foreach (RawNode item in List(root, "sub-messages"))
        {
            if (Map(item, "sub-message") is not { } sm || RequiredText(sm, "name", "a sub-message") is not { } name)
            {
                continue;
            }

            var formats = new List<RawFormat>();
            foreach (RawNode f in List(sm, "formats", required: true))
            {
                if (Map(f, "sub-message format") is { } format && RequiredText(format, "value", "a sub-message format") is { } value)
                {
                    formats.Add(new RawFormat(value, Text(format, "fixed-header"), Text(format, "attribute-set")));
                }
            }

            spec.SubMessages.Add(new RawSubMessage(name, formats));
        }
    }
}
