namespace Netlink.Generators.Model;

/// <summary>One input file: path, content and the namespace asked for in the project file.</summary>
internal sealed record SpecInput(string Path, string Text, string? Namespace);
