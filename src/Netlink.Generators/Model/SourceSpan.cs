namespace Netlink.Generators.Model;

/// <summary>A range of a spec file (0-based lines and columns), for diagnostics.</summary>
internal readonly record struct SourceSpan(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>The first character of the file.</summary>
    public static SourceSpan FileStart => default;
}
