using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Netlink.Generators.Tests;

/// <summary>Diagnostics with file and line, data-only model, describer baseline (incremental caching: IncrementalTests).</summary>
public sealed class GeneratorBehaviourTests
{
    [Theory]
    [InlineData("NLGEN001", "name: [unclosed\n", 2)] // reported where the parser hits end of input
    [InlineData("NLGEN002", "name: a\noperations:\n  list: []\n", 1)]
    [InlineData("NLGEN003", "name: a\nattribute-sets:\n  - name: s\n    attributes:\n      - { name: x, type: nest, nested-attributes: nope }\noperations:\n  list: []\n", 5)]
    [InlineData("NLGEN004", "name: a\nattribute-sets:\n  - name: s\n    attributes:\n      - name: x\n        type: u128\noperations:\n  list: []\n", 6)]
    [InlineData("NLGEN005", "name: a\nprotocol: netlink-weird\nattribute-sets: []\noperations:\n  list: []\n", 2)]
    [InlineData("NLGEN006", "name: a\nattribute-sets:\n  - name: s\n    attributes:\n      - name: x\n        type: u32\n        value: lots\noperations:\n  list: []\n", 7)]
    [InlineData("NLGEN007", "name: a\nattribute-sets:\n  - name: s\n    attributes:\n      - { name: x, type: u32 }\n      - { name: x, type: u8 }\noperations:\n  list: []\n", 6)]
    [InlineData("NLGEN008", "name: a\nprotocol: netlink-raw\nattribute-sets:\n  - name: s\n    attributes:\n      - { name: d, type: sub-message, sub-message: m, selector: kind }\n  - name: t\n    attributes:\n      - { name: y, type: u8 }\nsub-messages:\n  - name: m\n    formats:\n      - { value: a, attribute-set: t }\noperations:\n  list: []\n", 6)]
    [InlineData("NLGEN009", "name: a\ndefinitions:\n  - name: st\n    type: struct\n    members:\n      - name: m\n        type: float\nattribute-sets: []\noperations:\n  list: []\n", 7)]
    public void BrokenSchemaIsADiagnosticWithFileAndLine(string id, string yaml, int line)
    {
        var (run, _) = GeneratorHarness.Run("/specs/broken.yaml", yaml);
        Diagnostic d = Assert.Single(run.Diagnostics);
        Assert.Equal(id, d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Assert.Equal("/specs/broken.yaml", span.Path);
        Assert.True(line == span.StartLinePosition.Line + 1, d.ToString());
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void ModelHoldsNoRoslynOrYamlTypes()
    {
        Type[] modelTypes = typeof(YnlGenerator).Assembly.GetTypes().Where(t => t.Namespace == "Netlink.Generators.Model").ToArray();
        Assert.NotEmpty(modelTypes);
        foreach (Type t in modelTypes)
        {
            foreach (PropertyInfo p in t.GetProperties())
            {
                Type pt = p.PropertyType.IsGenericType ? p.PropertyType.GetGenericArguments()[0] : p.PropertyType;
                pt = Nullable.GetUnderlyingType(pt) ?? pt;
                bool ok = pt.IsPrimitive || pt.IsEnum || pt == typeof(string) || pt.Namespace == "Netlink.Generators.Model";
                Assert.True(ok, $"{t.Name}.{p.Name} is {pt.FullName}");
            }
        }
    }

    [Fact]
    public void DescriberOutputMatchesBaseline()
    {
        var text = new StringWriter();
        Generated.TestFam.Describe(RoundTripTests.BuildMessage(), text);
        Baseline.Verify("describe-getthing.txt", text.ToString());
    }

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Specs"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>Every file generated from every fixture, compared with its baseline (Baselines/&lt;fixture&gt;/&lt;hint name&gt;.txt).</summary>
    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EveryGeneratedFileMatchesItsBaseline(string fixture)
    {
        string spec = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Specs", fixture);
        var (run, compile) = GeneratorHarness.Run(fixture, File.ReadAllText(spec));
        Assert.Empty(compile);
        Assert.NotEmpty(run.GeneratedTrees);
        string folder = Path.GetFileNameWithoutExtension(fixture);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        var mismatches = new List<string>();
        foreach (SyntaxTree tree in run.GeneratedTrees)
        {
            string name = Path.GetFileName(tree.FilePath) + ".txt";
            expected.Add(name);
            if (!Baseline.Matches(Path.Combine(folder, name), tree.ToString().Replace(Emitting.SourceFile.Version, "%VERSION%")))
            {
                mismatches.Add(name);
            }
        }

        Assert.True(mismatches.Count == 0, "baselines differ or are missing (review the .received files): " + string.Join(", ", mismatches));

        // A baseline whose file is no longer generated is stale: it fails too.
        string dir = Path.Combine(Path.GetDirectoryName(BaselineFolder())!, "Baselines", folder);
        string[] stale = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.txt").Select(f => Path.GetFileName(f)).Where(f => !expected.Contains(f)).ToArray() : [];
        Assert.True(stale.Length == 0, "stale baselines: " + string.Join(", ", stale));
    }

    private static string BaselineFolder([System.Runtime.CompilerServices.CallerFilePath] string caller = "") => caller;
}

/// <summary>Plain baseline compare: a mismatch fails and leaves a .received file next to the baseline.</summary>
internal static class Baseline
{
    public static void Verify(string name, string actual, [System.Runtime.CompilerServices.CallerFilePath] string caller = "")
    {
        if (!Matches(name, actual, caller))
        {
            Assert.Fail($"baseline {name} differs or is missing; review the .received file next to it");
        }
    }

    /// <summary>True if the baseline holds <paramref name="actual"/>; otherwise writes a .received file beside it.</summary>
    public static bool Matches(string name, string actual, [System.Runtime.CompilerServices.CallerFilePath] string caller = "")
    {
        string expectedPath = Path.Combine(Path.GetDirectoryName(caller)!, "Baselines", name);
        string receivedPath = expectedPath + ".received";
        string? expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return true;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
        File.WriteAllText(receivedPath, actual);
        return false;
    }
}
