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

    [Fact]
    public void FixtureSourceMatchesBaseline()
    {
        string spec = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Specs", "test-fam.yaml");
        var (run, compile) = GeneratorHarness.Run("test-fam.yaml", File.ReadAllText(spec));
        Assert.Empty(compile);
        SyntaxTree family = run.GeneratedTrees.Single(t => t.FilePath.EndsWith("TestFam.Main.g.cs", StringComparison.Ordinal));
        Baseline.Verify("TestFam.Main.g.cs.txt", family.ToString().Replace(Emitting.SourceFile.Version, "%VERSION%"));
    }
}

/// <summary>Plain baseline compare: a mismatch fails and leaves a .received file next to the baseline.</summary>
internal static class Baseline
{
    public static void Verify(string name, string actual, [System.Runtime.CompilerServices.CallerFilePath] string caller = "")
    {
        string dir = Path.Combine(Path.GetDirectoryName(caller)!, "Baselines");
        string expectedPath = Path.Combine(dir, name);
        string receivedPath = expectedPath + ".received";
        string? expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(dir);
        File.WriteAllText(receivedPath, actual);
        Assert.Fail(expected is null ? $"missing baseline {expectedPath}; review {receivedPath}" : $"baseline mismatch; compare {expectedPath} with {receivedPath}");
    }
}
