namespace Netlink.Generators.Model;

/// <summary>A value-equal diagnostic: descriptor id, message arguments and a position in the YAML file.</summary>
internal sealed record DiagnosticInfo(
    string Id,
    Helpers.EquatableArray<string> Arguments,
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn);

/// <summary>What the parser returns for one file: a model (null when the spec is broken) and diagnostics.</summary>
internal sealed record ParseResult(FamilySpec? Family, Helpers.EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One input file: path, content and the namespace asked for in the project file.</summary>
internal sealed record SpecInput(string Path, string Text, string? Namespace);
