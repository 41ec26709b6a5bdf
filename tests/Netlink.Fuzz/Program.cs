using System.Diagnostics;
using System.Globalization;
using Netlink.Fuzz;

// Fuzz driver: see README.md. The last line is always "N inputs, K failures"; exit code 1 on failure.
var options = FuzzOptions.Parse(args);
if (options.Error is not null)
{
    Console.Error.WriteLine(options.Error);
    Console.Error.WriteLine(FuzzOptions.Usage);
    return 2;
}

if (options.Capture is not null)
{
    return await Capture.RunAsync(options.Capture);
}

List<Seed> seeds = SeedCorpus.Load(options.Seeds);
if (seeds.Count == 0)
{
    Console.Error.WriteLine($"no seeds in {options.Seeds}");
    return 2;
}

IReadOnlyList<FuzzTarget> targets = options.Target == "all"
    ? FuzzTargets.All
    : [.. options.Target.Split(',').Select(name => FuzzTargets.All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"unknown target '{name}'; known: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}"))];

if (options.LibFuzzer)
{
    LibFuzzerEntry.Run(targets);
    return 0;
}

if (options.List)
{
    foreach (FuzzTarget target in FuzzTargets.All)
    {
        Console.WriteLine($"{target.Name,-10} {target.Description}");
    }

    return 0;
}

var runner = new FuzzRunner(seeds, targets, options.Seed, options.Failures);
if (options.Replay is not null)
{
    byte[] bytes = File.ReadAllBytes(options.Replay);
    runner.RunOne(0, bytes, new TargetContext());
    return Report(runner, 1, TimeSpan.Zero, options);
}

if (options.Input is long single)
{
    var mutations = new List<string>();
    byte[] input = runner.BuildInput(single, mutations);
    Console.WriteLine($"input {single}: {input.Length} bytes after {string.Join(", ", mutations)}");
    Console.WriteLine(Convert.ToHexString(input));
    runner.RunOne(single, input, new TargetContext());
    return Report(runner, 1, TimeSpan.Zero, options);
}

Console.WriteLine($"seeds: {seeds.Count} ({seeds.Sum(s => s.Bytes.Length)} bytes, {seeds.Sum(s => s.MessageLengthOffsets.Length)} messages, {seeds.Sum(s => s.AttributeLengthOffsets.Length)} attributes) from {options.Seeds}");
Console.WriteLine($"targets: {string.Join(", ", targets.Select(t => t.Name))}; seed {options.Seed}; {Environment.ProcessorCount} workers");

int roundTripFailures = 0;
if (options.Target == "all")
{
    using RoundTripper tripper = FuzzRunner.RoundTripSeeds(seeds, out int messages);
    Console.WriteLine($"round-trip: {tripper.Checked} attributes ({tripper.Covered.Count} distinct) re-encoded from {messages} kernel messages, {tripper.Mismatches.Count} mismatches");
    foreach (string mismatch in tripper.Mismatches.Distinct().Take(50))
    {
        Console.WriteLine($"  round-trip mismatch: {mismatch}");
    }

    roundTripFailures = tripper.Mismatches.Count;
}

var stopwatch = Stopwatch.StartNew();
runner.Run(0, options.Iterations);
stopwatch.Stop();
return Report(runner, options.Iterations, stopwatch.Elapsed, options, roundTripFailures);

static int Report(FuzzRunner runner, long inputs, TimeSpan elapsed, FuzzOptions options, int extraFailures = 0)
{
    foreach (IGrouping<string, FuzzFailure> group in runner.Failures.GroupBy(f => f.Target + ": " + f.Error.Split('\n')[0]).Take(20))
    {
        Console.WriteLine($"FAIL {group.Key} (first input {group.First().Input}, {group.Count()} saved)");
    }

    if (runner.FailureCount > 0)
    {
        Console.WriteLine($"failing inputs and exceptions written to {Path.GetFullPath(options.Failures)}");
    }

    if (elapsed > TimeSpan.Zero)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"elapsed {elapsed.TotalSeconds:F1} s, {inputs / elapsed.TotalSeconds:F0} inputs/s"));
    }

    long failures = runner.FailureCount + extraFailures;
    Console.WriteLine($"{inputs} inputs, {failures} failures");
    return failures == 0 ? 0 : 1;
}
