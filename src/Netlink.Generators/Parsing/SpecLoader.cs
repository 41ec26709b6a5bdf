using System;
using System.Collections.Generic;
using System.IO;
using Netlink.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Netlink.Generators.Parsing;

/// <summary>
/// Reads spec text with YamlDotNet (anchors, aliases, block scalars come from it) into
/// <see cref="RawNode"/>s with positions. A syntax error is one NLGEN001 at its position.
/// </summary>
internal static class SpecLoader
{
    /// <summary>The document's root, or null after reporting why there is none.</summary>
    public static RawNode? Load(string text, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            diagnostics.Report(YnlGenerator.DiagnosticDescriptors.YamlSyntax, diagnostics.SpanOf(e.Start, e.End), e.Message);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet throws these (without a position) for some malformed input, e.g. a tag in a broken flow mapping.
            diagnostics.Report(YnlGenerator.DiagnosticDescriptors.YamlSyntax, SourceSpan.FileStart, e.Message);
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Report(YnlGenerator.DiagnosticDescriptors.MissingKey, SourceSpan.FileStart, "the spec is empty: it must be a YAML mapping with name, attribute-sets and operations");
            return null;
        }

        // Aliases make the node graph a DAG; convert each node once so a hostile file of nested
        // aliases (a "billion laughs") costs its size, not its expansion.
        var converted = new Dictionary<YamlNode, RawNode>(ReferenceEqualityComparer.Instance);
        return Convert(stream.Documents[0].RootNode, diagnostics, converted, 0);
    }

    private static RawNode Convert(YamlNode node, DiagnosticBag diagnostics, Dictionary<YamlNode, RawNode> converted, int depth)
    {
        if (converted.TryGetValue(node, out RawNode? done))
        {
            return done;
        }

        SourceSpan span = diagnostics.SpanOf(node.Start, node.End);
        RawNode result;
        if (depth > 64)
        {
            // No spec nests this deep; stopping here keeps recursion bounded on hostile input.
            diagnostics.Report(YnlGenerator.DiagnosticDescriptors.MissingKey, span, "the spec nests more than 64 levels deep");
            result = RawNode.ScalarNode(span, string.Empty, isEmptyPlain: true);
        }
        else
        {
            switch (node)
            {
                case YamlScalarNode scalar:
                    result = RawNode.ScalarNode(span, scalar.Value ?? string.Empty, string.IsNullOrEmpty(scalar.Value) && scalar.Style is ScalarStyle.Plain or ScalarStyle.Any);
                    break;
                case YamlSequenceNode sequence:
                    var items = new List<RawNode>(sequence.Children.Count);
                    foreach (YamlNode child in sequence.Children)
                    {
                        items.Add(Convert(child, diagnostics, converted, depth + 1));
                    }

                    result = RawNode.ListNode(span, items);
                    break;
                case YamlMappingNode mapping:
                    var map = new Dictionary<string, RawNode>(StringComparer.Ordinal);
                    var keys = new List<string>();
                    foreach (KeyValuePair<YamlNode, YamlNode> entry in mapping.Children)
                    {
                        if (entry.Key is not YamlScalarNode { Value: { } key })
                        {
                            diagnostics.Report(YnlGenerator.DiagnosticDescriptors.MissingKey, diagnostics.SpanOf(entry.Key.Start, entry.Key.End), "mapping keys must be plain names");
                            continue;
                        }

                        if (!map.ContainsKey(key))
                        {
                            keys.Add(key);
                        }

                        map[key] = Convert(entry.Value, diagnostics, converted, depth + 1);
                    }

                    result = RawNode.MapNode(span, map, keys);
                    break;
                default:
                    result = RawNode.ScalarNode(span, string.Empty, isEmptyPlain: true);
                    break;
            }
        }

        converted[node] = result;
        return result;
    }

    /// <summary>Reference equality for YAML nodes (their Equals compares content, which is what makes aliases expensive).</summary>
    private sealed class ReferenceEqualityComparer : IEqualityComparer<YamlNode>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
