using System;
using System.Collections.Generic;
using Netlink.Generators.Model;
using static Netlink.Generators.YnlGenerator;

namespace Netlink.Generators.Parsing;

/// <summary>
/// The read phase, like the kernel's nlspec constructors: each element of the spec becomes a raw
/// record with its texts and positions. Shapes are checked here (a list where a list belongs, a
/// scalar where a scalar does); a bad element is reported and left out, and reading goes on.
/// Nothing is linked: that is <see cref="SpecResolver"/>'s job.
/// </summary>
internal sealed partial class SpecReader
{
    private readonly DiagnosticBag _diagnostics;

    private SpecReader(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    /// <summary>Reads the root mapping; null (after reporting) when it lacks what every spec has.</summary>
    public static RawSpec? Read(RawNode root, DiagnosticBag diagnostics)
    {
        var reader = new SpecReader(diagnostics);
        if (!root.IsMap)
        {
            diagnostics.Report(DiagnosticDescriptors.MissingKey, root.Span, "the spec must be a YAML mapping with name, attribute-sets and operations");
            return null;
        }

        RawText? name = reader.RequiredText(root, "name", "the spec");
        ProtocolKind protocol = reader.Protocol(root);
        if (name is null)
        {
            return null;
        }

        var spec = new RawSpec
        {
            Name = name,
            Protocol = protocol,
            Protonum = reader.Text(root, "protonum"),
            Doc = reader.Doc(root),
        };
        reader.ReadDefinitions(root, spec);
        reader.ReadAttributeSets(root, spec);
        reader.ReadSubMessages(root, spec);
        reader.ReadOperations(root, spec);
        reader.ReadMcastGroups(root, spec);
        return spec;
    }

    private ProtocolKind Protocol(RawNode root)
    {
        RawText? text = Text(root, "protocol");
        switch (text?.Value)
        {
            case null or "genetlink":
                return ProtocolKind.Genetlink;
            case "genetlink-c":
                return ProtocolKind.GenetlinkC;
            case "genetlink-legacy":
                return ProtocolKind.GenetlinkLegacy;
            case "netlink-raw":
                return ProtocolKind.NetlinkRaw;
            default:
                _diagnostics.Report(DiagnosticDescriptors.UnknownProtocol, text.Span, text.Value);
                return ProtocolKind.Genetlink;
        }
    }

    // ------------------------------------------------------------------ shape helpers

    /// <summary>An optional scalar; a list or mapping there is reported and read as absent.</summary>
    private RawText? Text(RawNode map, string key)
    {
        RawNode? node = map[key];
        if (node is null || node.IsEmptyPlain)
        {
            return null;
        }

        if (node.Scalar is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.MissingKey, node.Span, $"'{key}' must be a scalar");
            return null;
        }

        return new RawText(node.Scalar, node.Span);
    }

    /// <summary>A required scalar; its absence is reported at <paramref name="map"/>.</summary>
    private RawText? RequiredText(RawNode map, string key, string what)
    {
        RawText? text = Text(map, key);
        if (text is null && map[key] is null or { IsEmptyPlain: true })
        {
            _diagnostics.Report(DiagnosticDescriptors.MissingKey, map.Span, $"{what} needs '{key}'");
        }

        return text;
    }

    /// <summary>An optional boolean (true/false in any case); anything else is reported and reads false.</summary>
    private bool Bool(RawNode map, string key)
    {
        RawText? text = Text(map, key);
        if (text is null)
        {
            return false;
        }

        if (string.Equals(text.Value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!string.Equals(text.Value, "false", StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidValue, text.Span, text.Value, $"'{key}' (true or false)");
        }

        return false;
    }

    /// <summary>The items of a list (empty when absent or null); another shape is reported.</summary>
    private IReadOnlyList<RawNode> List(RawNode map, string key, bool required = false)
    {
        RawNode? node = map[key];
        if (node is null || node.IsEmptyPlain)
        {
            if (required)
            {
                _diagnostics.Report(DiagnosticDescriptors.MissingKey, map.Span, $"required key '{key}' is missing");
            }

            return Array.Empty<RawNode>();
        }

        if (node.Items is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.MissingKey, node.Span, $"'{key}' must be a list");
            return Array.Empty<RawNode>();
        }

        return node.Items;
    }

    /// <summary>The node as a mapping, or null after reporting that it is not one.</summary>
    private RawNode? Map(RawNode node, string what)
    {
        if (node.IsMap)
        {
            return node;
        }

        _diagnostics.Report(DiagnosticDescriptors.MissingKey, node.Span, $"each {what} must be a mapping");
        return null;
    }

    /// <summary>A list of names (attribute lists of operations).</summary>
    private List<RawText> Names(RawNode? map, string key)
    {
        var names = new List<RawText>();
        if (map is null)
        {
            return names;
        }

        foreach (RawNode item in List(map, key))
        {
            if (item.Scalar is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.MissingKey, item.Span, $"'{key}' must list names");
            }
            else
            {
                names.Add(new RawText(item.Scalar, item.Span));
            }
        }

        return names;
    }

    private string? Doc(RawNode map) => map["doc"]?.Scalar is { Length: > 0 } doc ? doc : null;
}
