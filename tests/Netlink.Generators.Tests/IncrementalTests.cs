using Microsoft.CodeAnalysis;
using Xunit;

namespace Netlink.Generators.Tests;

/// <summary>
/// Incremental caching, asserted on edits that must not matter: the parse step reruns on a changed
/// text but yields an equal model (Unchanged), and everything after it is Cached. These fail as soon
/// as the model stops being value-equal (a position, a list compared by reference, a Roslyn type in it).
/// </summary>
public sealed class IncrementalTests
{
    private const string SpecA = "name: a\nprotocol: genetlink\ndefinitions:\n  - { name: e, type: enum, entries: [ x, y ] }\nattribute-sets:\n  - name: s\n    attributes:\n      - { name: x, type: u32, enum: e }\n      - { name: n, type: nest, nested-attributes: t }\n  - name: t\n    attributes:\n      - { name: y, type: string }\noperations:\n  list:\n    - { name: get, attribute-set: s, do: { request: { attributes: [ x ] }, reply: { attributes: [ x, n ] } }, dump: { reply: { attributes: [ x ] } } }\n";

    private static string SpecB => SpecA.Replace("name: a\n", "name: b\n");

    private static (GeneratorDriver Driver, GeneratorHarness.InMemoryText A, GeneratorHarness.InMemoryText B) FirstRun()
    {
        var a = new GeneratorHarness.InMemoryText("/specs/a.yaml", SpecA);
        var b = new GeneratorHarness.InMemoryText("/specs/b.yaml", SpecB);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { a, b }, trackSteps: true).RunGenerators(GeneratorHarness.EmptyCompilation());
        return (driver, a, b);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult run, string step) =>
        run.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    [Fact]
    public void WhitespaceOnlyEditIsUnchangedAtTheModelAndCachedAtTheOutput()
    {
        (GeneratorDriver driver, _, GeneratorHarness.InMemoryText b) = FirstRun();
        string spaced = SpecB.Replace("attribute-sets:\n", "\n\nattribute-sets:   \n").Replace("name: t\n", "name:    t   # the nested set\n") + "\n# a comment\n";
        driver = driver.ReplaceAdditionalText(b, new GeneratorHarness.InMemoryText("/specs/b.yaml", spaced)).RunGenerators(GeneratorHarness.EmptyCompilation());

        GeneratorRunResult run = driver.GetRunResult().Results[0];
        IncrementalStepRunReason[] parse = Reasons(run, YnlGenerator.FamilySpecStep);
        Assert.Contains(IncrementalStepRunReason.Unchanged, parse);
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, parse);
        Assert.All(Reasons(run, YnlGenerator.FamilyModelStep), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(run.TrackedOutputSteps["SourceOutput"].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void EditingOneSpecLeavesTheOtherSpecsOutputCached()
    {
        (GeneratorDriver driver, GeneratorHarness.InMemoryText a, GeneratorHarness.InMemoryText b) = FirstRun();

        // b changes for real; a is handed in again as a new text that differs in whitespace only,
        // so its parse reruns and only model equality can keep its output cached.
        driver = driver
            .ReplaceAdditionalText(b, new GeneratorHarness.InMemoryText("/specs/b.yaml", SpecB.Replace("type: u32", "type: u64")))
            .ReplaceAdditionalText(a, new GeneratorHarness.InMemoryText("/specs/a.yaml", SpecA + "\n\n"))
            .RunGenerators(GeneratorHarness.EmptyCompilation());

        GeneratorRunResult run = driver.GetRunResult().Results[0];
        IncrementalStepRunReason[] parse = Reasons(run, YnlGenerator.FamilySpecStep);
        Assert.Equal(new[] { IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged }, parse.Order());
        IncrementalStepRunReason[] model = Reasons(run, YnlGenerator.FamilyModelStep);
        Assert.Equal(new[] { IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached }, model.Order());

        // Family a's files come from a cached output step; only b's were emitted again.
        var outputs = run.TrackedOutputSteps["SourceOutput"].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Cached, outputs);
        Assert.Contains(IncrementalStepRunReason.Modified, outputs);
    }

    [Fact]
    public void ReparsingTheSameTextGivesAnEqualModel()
    {
        var input = new Model.SpecInput("/specs/a.yaml", SpecA, null);
        Model.ParseResult first = YnlGenerator.Parser.Parse(input);
        Model.ParseResult second = YnlGenerator.Parser.Parse(input with { Text = SpecA.Replace("\n", "\n\n") });
        Assert.NotNull(first.Family);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }
}
