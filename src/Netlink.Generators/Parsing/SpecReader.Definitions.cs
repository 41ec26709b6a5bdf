using System.Collections.Generic;
using static Netlink.Generators.YnlGenerator;

namespace Netlink.Generators.Parsing;

internal sealed partial class SpecReader
{
    /// <summary><c>definitions</c>: const, enum, flags and struct.</summary>
    private void ReadDefinitions(RawNode root, RawSpec spec)
    {
        foreach (RawNode item in List(root, "definitions"))
        {
            if (Map(item, "definition") is not { } def || RequiredText(def, "name", "a definition") is not { } name
                || RequiredText(def, "type", $"definition '{name.Value}'") is not { } type)
            {
                continue;
            }

            switch (type.Value)
            {
                case "const":
                    if (RequiredText(def, "value", $"const '{name.Value}'") is { } value)
                    {
                        spec.Consts.Add(new RawConst(name, Text(def, "name-prefix")?.Value, value, Doc(def)));
                    }

                    break;
                case "enum" or "flags":
                    spec.Enums.Add(ReadEnum(def, name, type.Value == "flags"));
                    break;
                case "struct":
                    spec.Structs.Add(ReadStruct(def, name));
                    break;
                default:
                    _diagnostics.Report(DiagnosticDescriptors.InvalidValue, type.Span, type.Value, "a definition type (const, enum, flags, struct)");
                    break;
            }
        }
    }

    private RawEnum ReadEnum(RawNode def, RawText name, bool isFlags)
    {
        var entries = new List<RawEnumEntry>();
        foreach (RawNode item in List(def, "entries"))
        {
            if (item.Scalar is { } plain)
            {
                entries.Add(new RawEnumEntry(new RawText(plain, item.Span), null, null));
            }
            else if (Map(item, "enum entry") is { } entry && RequiredText(entry, "name", "an enum entry") is { } entryName)
            {
                entries.Add(new RawEnumEntry(entryName, Text(entry, "value"), Doc(entry)));
            }
        }

        return new RawEnum(name, isFlags, Text(def, "value-start"), entries, Bool(def, "render-max"), Doc(def));
    }

    private RawStruct ReadStruct(RawNode def, RawText name)
    {
        var members = new List<RawMember>();
        foreach (RawNode item in List(def, "members"))
        {
            if (Map(item, "struct member") is not { } m || RequiredText(m, "name", "a struct member") is not { } memberName
                || RequiredText(m, "type", $"struct member '{memberName.Value}'") is not { } type)
            {
                continue;
            }

            members.Add(new RawMember(
                memberName,
                type,
                Text(m, "len"),
                Text(m, "byte-order")?.Value == "big-endian",
                Text(m, "enum"),
                Bool(m, "enum-as-flags"),
                Text(m, "display-hint"),
                Text(m, "struct"),
                Doc(m),
                m.Span));
        }

        return new RawStruct(name, members, Doc(def));
    }
}
