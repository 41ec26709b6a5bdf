using Netlink.Generators.Helpers;

namespace Netlink.Generators.Model;

/// <summary>A value-equal diagnostic: descriptor id, message arguments and a position in the YAML file.</summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, string FilePath, SourceSpan Span);
