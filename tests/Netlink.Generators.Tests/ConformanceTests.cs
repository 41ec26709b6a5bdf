using Microsoft.CodeAnalysis;
using Xunit;

namespace Netlink.Generators.Tests;

/// <summary>The generator must accept every kernel spec unchanged and produce warning-free code.</summary>
[Trait("Category", "Conformance")]
public sealed class ConformanceTests
{
    private const string NoSpecs = "no kernel specs: set NETLINK_KERNEL_SPECS or provide ../shared/conformance/kernel-specs";

    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        string? folder = FindFolder();
        if (folder is null)
        {
            data.Add(NoSpecs);
            return data;
        }

        foreach (string file in Directory.GetFiles(folder, "*.yaml").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [KernelSpecsTheory]
    [MemberData(nameof(Specs))]
    public void KernelSpecGeneratesCleanCode(string spec)
    {
        var (run, compile) = GeneratorHarness.Run(spec, File.ReadAllText(spec));

        Diagnostic[] generatorErrors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(generatorErrors.Length == 0, string.Join("\n", generatorErrors.Select(d => d.ToString())));
        Assert.NotEmpty(run.GeneratedTrees);
        Assert.True(compile.IsEmpty, string.Join("\n", compile.Take(20).Select(d => d.ToString())));
    }

    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    internal static string? FindFolder()
    {
        string? env = Environment.GetEnvironmentVariable("NETLINK_KERNEL_SPECS");
        if (!string.IsNullOrEmpty(env))
        {
            return Directory.Exists(env) ? env : null;
        }

        // Walk up from the test assembly, then from this source file (the build may live outside the checkout).
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(SourceFile()) ?? string.Empty })
        {
            for (var dir = new DirectoryInfo(start); dir is not null && start.Length > 0; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "..", "shared", "conformance", "kernel-specs");
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }
}

/// <summary>A theory that is skipped, with a visible reason, when no kernel spec folder exists.</summary>
public sealed class KernelSpecsTheoryAttribute : TheoryAttribute
{
    public KernelSpecsTheoryAttribute()
    {
        if (ConformanceTests.FindFolder() is null)
        {
            Skip = "no kernel specs: set NETLINK_KERNEL_SPECS or provide ../shared/conformance/kernel-specs";
        }
    }
}
