using Netlink.Generators.Helpers;

namespace Netlink.Generators.Model;

/// <summary>What the parser returns for one file: a model (null when the spec is broken) and every diagnostic found.</summary>
internal sealed record ParseResult(FamilySpec? Family, EquatableArray<DiagnosticInfo> Diagnostics);
