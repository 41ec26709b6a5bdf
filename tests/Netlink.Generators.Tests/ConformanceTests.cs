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

    /// <summary>
    /// The kernel spec folder: NETLINK_KERNEL_SPECS if set (a relative value is tried against the
    /// current directory and then the repository root, because the test host runs in the build
    /// output folder, not where `dotnet test` was typed); else ../shared/conformance/kernel-specs
    /// above the checkout; else null.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">NETLINK_KERNEL_SPECS is set but names no folder: a run that asked for conformance must not pass by skipping.</exception>
    internal static string? FindFolder()
    {
        string[] starts = [AppContext.BaseDirectory, Path.GetDirectoryName(SourceFile()) ?? string.Empty];
        string? env = Environment.GetEnvironmentVariable("NETLINK_KERNEL_SPECS");
        if (!string.IsNullOrEmpty(env))
        {
            var tried = new List<string> { Path.GetFullPath(env) };
            if (!Path.IsPathRooted(env))
            {
                tried.AddRange(starts.Select(FindRepositoryRoot).OfType<string>().Select(root => Path.GetFullPath(Path.Combine(root, env))));
            }

            return tried.FirstOrDefault(Directory.Exists)
                ?? throw new DirectoryNotFoundException($"NETLINK_KERNEL_SPECS={env} names no folder (tried {string.Join(", ", tried.Distinct())})");
        }

        foreach (string start in starts.Where(s => s.Length > 0))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
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

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = start.Length > 0 ? new DirectoryInfo(start) : null; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Netlink.sln")))
            {
                return dir.FullName;
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
        try
        {
            if (ConformanceTests.FindFolder() is null)
            {
                Skip = "no kernel specs: set NETLINK_KERNEL_SPECS or provide ../shared/conformance/kernel-specs";
            }
        }
        catch (DirectoryNotFoundException)
        {
            // Not skipped: the theory's data throws the same error, so the run fails and says why.
        }
    }
}
