using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Netlink.Generators.Emitting;
using Netlink.Generators.Model;

namespace Netlink.Generators;

/// <summary>
/// Incremental generator: each <c>*.yaml</c> AdditionalFile in the kernel's netlink spec format
/// becomes a family of zero-allocation readers and writers plus a typed client. This file only
/// wires the pipeline: parse (with a tracking name), then source and diagnostics as separate outputs.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class YnlGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the parse step (used by incremental-caching tests).</summary>
    public const string FamilySpecStep = "FamilySpec";

    /// <summary>The tracking name of the step that selects the model for emission.</summary>
    public const string FamilyModelStep = "FamilyModel";

    /// <summary>Item metadata naming the namespace of one spec's generated code.</summary>
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.NetlinkNamespace";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> parsed = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => new SpecInput(
                pair.Left.Path,
                pair.Left.GetText(ct)?.ToString() ?? string.Empty,
                pair.Right.GetOptions(pair.Left).TryGetValue(NamespaceMetadata, out string? ns) ? ns : null))
            .Select(static (input, ct) => Parser.Parse(input, ct))
            .WithTrackingName(FamilySpecStep);

        IncrementalValuesProvider<FamilySpec> families = parsed
            .Select(static (result, _) => result.Family)
            .Where(static family => family is not null)
            .Select(static (family, _) => family!)
            .WithTrackingName(FamilyModelStep);

        context.RegisterSourceOutput(families, static (spc, family) =>
        {
            EmitResult result = Emitter.Emit(family);
            foreach (GeneratedFile file in result.Files)
            {
                spc.AddSource(file.HintName, SourceText.From(file.Source, System.Text.Encoding.UTF8));
            }

            if (result.Failure is { } failure)
            {
                spc.ReportDiagnostic(ToDiagnostic(failure));
            }
        });

        context.RegisterSourceOutput(
            parsed.SelectMany(static (result, _) => result.Diagnostics),
            static (spc, info) => spc.ReportDiagnostic(ToDiagnostic(info)));
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.Find(info.Id) ?? DiagnosticDescriptors.InternalError;
        SourceSpan s = info.Span;
        var location = Location.Create(
            info.FilePath,
            new TextSpan(s.Start, s.Length),
            new LinePositionSpan(new LinePosition(s.StartLine, s.StartColumn), new LinePosition(s.EndLine, s.EndColumn)));
        return Diagnostic.Create(descriptor, location, info.Arguments.Cast<object>().ToArray());
    }
}
