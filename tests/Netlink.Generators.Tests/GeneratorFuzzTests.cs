using System.Globalization;
using Netlink.Generators.Emitting;
using Netlink.Generators.Model;
using Xunit;
using Xunit.Abstractions;

namespace Netlink.Generators.Tests;

/// <summary>
/// Hostile YAML through the generator: mutated copies of every spec at hand (the kernel's, this
/// repository's schemas/ and the fixtures) with keys deleted, values of the wrong type, broken
/// references, cycles, huge numbers and broken YAML. No exception may escape, no failure may be
/// an internal one (NLGEN010), every diagnostic points into the file; a spec the parser accepts
/// must emit without failing. A fixed seed per case, so a failure replays.
/// CI runs a reduced count; NETLINK_GENERATOR_FUZZ_ITERATIONS=10000 runs the full one.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class GeneratorFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] HostileValues =
    [
        "[1, 2]", "{ a: b }", "99999999999999999999", "-1", "0x", "-9223372036854775809", "true", "~", "''", "\"\"",
        "&anchor x", "*nowhere", "!!binary AAAA", "nope", "u128", "sub-message", "nest", "indexed-array", "self",
        "\"\\u0000\"", "1e9", "0x7fffffff", "65536", "[[[[[[[[[[", "}", "]", "- - -", "|", ">-",
    ];

    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("NETLINK_GENERATOR_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 300;

    [Fact]
    public void MutatedSpecsNeverThrowAndEveryFailureIsADiagnosticInTheFile()
    {
        List<(string Path, string Text)> seeds = Seeds();
        Assert.NotEmpty(seeds);
        int failures = 0, accepted = 0;
        for (int i = 0; i < Iterations; i++)
        {
            (string path, string text) = seeds[i % seeds.Count];
            var random = new Random(i);
            string mutated = Mutate(text, random, 1 + random.Next(3));
            string label = $"case {i} ({Path.GetFileName(path)}, seed {i})";
            ParseResult result;
            try
            {
                result = YnlGenerator.Parser.Parse(new SpecInput(path, mutated, null));
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{label}: the parser threw {e}\n--- input ---\n{mutated}");
            }

            foreach (DiagnosticInfo d in result.Diagnostics)
            {
                Assert.True(d.Id != "NLGEN010", $"{label}: internal failure {string.Join(", ", d.Arguments)}\n--- input ---\n{mutated}");
                Assert.Equal(path, d.FilePath);
                Assert.InRange(d.Span.Start, 0, mutated.Length);
                Assert.InRange(d.Span.StartLine, 0, mutated.Count(c => c == '\n') + 1);
            }

            if (result.Family is { } family)
            {
                accepted++;
                EmitResult emitted = Emitter.Emit(family);
                Assert.True(emitted.Failure is null, $"{label}: emitting failed: {emitted.Failure?.Arguments.FirstOrDefault()}\n--- input ---\n{mutated}");
            }
            else
            {
                failures++;
                Assert.NotEmpty(result.Diagnostics);
            }
        }

        output.WriteLine($"{Iterations} mutated specs from {seeds.Count} seeds: {failures} reported problems, {accepted} accepted and emitted");
    }

    [Fact]
    public void CyclesAndDeepNestingAreDiagnostics()
    {
        string[] cases =
        [
            "name: c\nattribute-sets:\n  - { name: a, subset-of: b, attributes: [ { name: x } ] }\n  - { name: b, subset-of: a, attributes: [ { name: x } ] }\noperations:\n  list: []\n",
            "name: c\ndefinitions:\n  - { name: s, type: struct, members: [ { name: m, type: binary, struct: s } ] }\nattribute-sets: []\noperations:\n  list: []\n",
            "name: c\nattribute-sets: " + new string('[', 5000) + "\n",
            "name: &a [*a]\n",
            "a: &x [1,2]\nb: &y [*x,*x,*x,*x,*x,*x,*x,*x]\nc: &z [*y,*y,*y,*y,*y,*y,*y,*y]\nd: [*z,*z,*z,*z,*z,*z,*z,*z]\nname: c\nattribute-sets: []\noperations:\n  list: []\n",
        ];
        foreach (string text in cases)
        {
            ParseResult result = YnlGenerator.Parser.Parse(new SpecInput("/specs/c.yaml", text, null));
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "NLGEN010");
        }

        Assert.Contains(YnlGenerator.Parser.Parse(new SpecInput("/specs/c.yaml", cases[0], null)).Diagnostics, d => d.Id == "NLGEN011");
        Assert.Contains(YnlGenerator.Parser.Parse(new SpecInput("/specs/c.yaml", cases[1], null)).Diagnostics, d => d.Id == "NLGEN011");
    }

    /// <summary>One to three line-level mutations: delete, duplicate, a hostile value, a renamed reference, truncation, broken indentation.</summary>
    private static string Mutate(string text, Random random, int count)
    {
        List<string> lines = [.. text.Split('\n')];
        for (int m = 0; m < count && lines.Count > 0; m++)
        {
            int at = random.Next(lines.Count);
            string line = lines[at];
            int colon = line.IndexOf(':');
            switch (random.Next(8))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, line);
                    break;
                case 2 when colon >= 0:
                    lines[at] = line[..(colon + 1)] + " " + HostileValues[random.Next(HostileValues.Length)];
                    break;
                case 3 when colon >= 0 && colon + 1 < line.Length:
                    lines[at] = line + "-renamed";
                    break;
                case 4:
                    lines.RemoveRange(at, lines.Count - at);
                    break;
                case 5:
                    lines[at] = (random.Next(2) == 0 ? " " : "\t") + line;
                    break;
                case 6 when colon >= 0:
                    lines[at] = line[..colon] + ": " + (random.Next(2) == 0 ? "value: 0x3fff" : random.Next().ToString(CultureInfo.InvariantCulture) + random.Next().ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    lines[at] = line.Length > 0 ? line.Remove(random.Next(line.Length), 1) : "{";
                    break;
            }
        }

        return string.Join('\n', lines);
    }

    private static List<(string Path, string Text)> Seeds()
    {
        var files = new List<string>();
        if (ConformanceTests.FindFolder() is { } kernel)
        {
            files.AddRange(Directory.GetFiles(kernel, "*.yaml"));
        }

        files.AddRange(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Specs"), "*.yaml"));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Netlink.sln")))
            {
                files.AddRange(Directory.GetFiles(Path.Combine(dir.FullName, "schemas"), "*.yaml"));
                break;
            }
        }

        return files.OrderBy(f => f, StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToList();
    }
}
