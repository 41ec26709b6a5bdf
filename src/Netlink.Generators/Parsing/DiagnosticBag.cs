using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using YamlDotNet.Core;

namespace Netlink.Generators.Parsing;

/// <summary>Collects the diagnostics of one spec file: every problem is reported, none is thrown.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<DiagnosticInfo> _items = new();
    private readonly string _path;
    private readonly int _textLength;

    public DiagnosticBag(string path, int textLength)
    {
        _path = path;
        _textLength = textLength;
    }

    /// <summary>True once an error was reported.</summary>
    public bool HasErrors => _items.Count > 0;

    public EquatableArray<DiagnosticInfo> ToArray() => _items.ToEquatableArray();

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params string[] args) =>
        _items.Add(new DiagnosticInfo(descriptor.Id, args.ToEquatableArray(), _path, span));

    /// <summary>A span from YamlDotNet's 1-based marks (clamped to the text).</summary>
    public SourceSpan SpanOf(Mark start, Mark end)
    {
        int startIndex = (int)Math.Max(0, Math.Min(start.Index, _textLength));
        int endIndex = (int)Math.Max(startIndex, Math.Min(end.Index, _textLength));
        long endLine = end.Line > 0 ? end.Line : start.Line;
        long endColumn = end.Line > 0 ? end.Column : start.Column;
        return new SourceSpan(
            startIndex,
            endIndex - startIndex,
            (int)Math.Max(0, start.Line - 1),
            (int)Math.Max(0, start.Column - 1),
            (int)Math.Max(0, endLine - 1),
            (int)Math.Max(0, endColumn - 1));
    }
}
