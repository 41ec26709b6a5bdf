using System.Runtime.CompilerServices;
using System.Runtime;
using System.Text.Json;

namespace NetlinkPeer;

/// <summary>The one JSON line the harness reads (README "stdout"), plus how the code ran.</summary>
internal sealed record ResultLine
{
    public required string Scenario { get; init; }

    public required int N { get; init; }

    public required int Iterations { get; init; }

    public required double MedianMs { get; init; }

    public required double MinMs { get; init; }

    public required long AllocBytes { get; init; }

    public double? PerRouteUs { get; init; }

    public double? DeleteMedianMs { get; init; }

    /// <summary>The row name: BENCH_IMPL if set, else cs-netlink (JIT) or cs-netlink-aot (NativeAOT).</summary>
    public static string ImplName =>
        Environment.GetEnvironmentVariable("BENCH_IMPL") is { Length: > 0 } name ? name
        : RuntimeFeature.IsDynamicCodeSupported ? "cs-netlink" : "cs-netlink-aot";

    /// <summary>VmHWM from /proc/self/status: the most resident memory the process ever had, in KiB.</summary>
    private static long? PeakResidentKilobytes()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>The tiered-compilation knobs set in the environment ("default" if none; "n/a" under NativeAOT).</summary>
    private static string TieringSettings
    {
        get
        {
            if (!RuntimeFeature.IsDynamicCodeSupported)
            {
                return "n/a";
            }

            string[] knobs = ["TieredCompilation", "TieredPGO", "TC_CallCountingDelayMs", "TC_QuickJitForLoops", "ReadyToRun"];
            string set = string.Join(",", knobs
                .Select(k => (Name: k, Value: Environment.GetEnvironmentVariable("DOTNET_" + k)))
                .Where(k => k.Value is not null)
                .Select(k => $"{k.Name}={k.Value}"));
            return set.Length == 0 ? "default" : set;
        }
    }

    /// <summary>True if the background (concurrent) collector is on (runtimeconfig or DOTNET_gcConcurrent).</summary>
    private static bool IsConcurrentGc =>
        !string.Equals(AppContext.GetData("System.GC.Concurrent")?.ToString(), "false", StringComparison.OrdinalIgnoreCase)
        && Environment.GetEnvironmentVariable("DOTNET_gcConcurrent") is not "0";

    /// <summary>Writes the line with Utf8JsonWriter (no reflection, so it works under NativeAOT).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("impl", ImplName);
            json.WriteString("scenario", Scenario);
            json.WriteNumber("n", N);
            json.WriteNumber("iterations", Iterations);
            json.WriteNumber("median_ms", Math.Round(MedianMs, 3));
            json.WriteNumber("min_ms", Math.Round(MinMs, 3));
            json.WriteNumber("alloc_bytes", AllocBytes);
            if (PerRouteUs is { } perRoute)
            {
                json.WriteNumber("per_route_us", Math.Round(perRoute, 3));
            }

            if (DeleteMedianMs is { } delete)
            {
                json.WriteNumber("del_median_ms", Math.Round(delete, 3));
            }

            if (PeakResidentKilobytes() is { } peak)
            {
                json.WriteNumber("peak_rss_kb", peak);
            }

            json.WriteString("runtime", RuntimeFeature.IsDynamicCodeSupported ? "jit" : "nativeaot");
            json.WriteString("tiered_compilation", TieringSettings);
            json.WriteString("gc", (GCSettings.IsServerGC ? "server" : "workstation") + (IsConcurrentGc ? "-concurrent" : "-nonconcurrent"));
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
