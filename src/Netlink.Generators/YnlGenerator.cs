using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Netlink.Generators.Model;

namespace Netlink.Generators;

/// <summary>
/// Incremental generator: each <c>*.yaml</c> AdditionalFile in the kernel's netlink spec format
/// becomes a family of zero-allocation C# codecs. This file only wires the pipeline.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class YnlGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the parse step (used by incremental-caching tests).</summary>
    public const string FamilySpecStep = "FamilySpec";

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

        context.RegisterSourceOutput(
            parsed.Select(static (result, _) => result.Family).Where(static family => family is not null),
            static (spc, family) =>
            {
                foreach ((string hintName, string source) in Emitter.Emit(family!))
                {
                    spc.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
                }
            });

        context.RegisterSourceOutput(
            parsed.SelectMany(static (result, _) => result.Diagnostics),
            static (spc, info) => spc.ReportDiagnostic(ToDiagnostic(info)));
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.Find(info.Id) ?? DiagnosticDescriptors.InternalError;
        var location = Location.Create(
            info.FilePath,
            new TextSpan(info.Start, info.Length),
            new LinePositionSpan(new LinePosition(info.StartLine, info.StartColumn), new LinePosition(info.EndLine, info.EndColumn)));
        return Diagnostic.Create(descriptor, location, info.Arguments.Cast<object>().ToArray());
    }
}
