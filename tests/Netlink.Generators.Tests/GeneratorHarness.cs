using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Netlink.Generators.Tests;

/// <summary>Runs <see cref="YnlGenerator"/> through CSharpGeneratorDriver over in-memory spec files.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        string[] tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var refs = tpa.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(Netlink.Encoding.NetlinkMessageWriter).Assembly.Location));
        return refs.ToImmutableArray();
    });

    public static CSharpCompilation EmptyCompilation() => CSharpCompilation.Create(
        "GeneratedUnderTest",
        Array.Empty<SyntaxTree>(),
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> specs, bool trackSteps = false, string? namespaceName = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new YnlGenerator().AsSourceGenerator() },
            specs,
            new CSharpParseOptions(LanguageVersion.Preview),
            new NamespaceOptionsProvider(namespaceName),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator on one spec and compiles its output against Netlink.Core.</summary>
    public static (GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> CompileDiagnostics) Run(string path, string text)
    {
        GeneratorDriver driver = CreateDriver(new[] { new InMemoryText(path, text) });
        driver = driver.RunGeneratorsAndUpdateCompilation(EmptyCompilation(), out Compilation output, out _);
        ImmutableArray<Diagnostic> diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return (driver.GetRunResult(), diagnostics);
    }

    internal sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class NamespaceOptionsProvider(string? namespaceName) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(namespaceName);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options(string? namespaceName) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = namespaceName ?? string.Empty;
                return namespaceName is not null && key == YnlGenerator.NamespaceMetadata;
            }
        }
    }
}
