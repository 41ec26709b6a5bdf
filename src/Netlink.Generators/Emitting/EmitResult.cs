using System.Collections.Generic;
using Netlink.Generators.Model;

namespace Netlink.Generators.Emitting;

/// <summary>What emitting one family produced: its files, or a failure reported at the spec instead.</summary>
internal sealed record EmitResult(IReadOnlyList<GeneratedFile> Files, DiagnosticInfo? Failure);
