using System.Diagnostics;

namespace NetlinkPeer;

/// <summary>
/// The harness's measurement loop: warm-up iterations, then K timed ones; wall time with the
/// monotonic clock around the library calls only, bytes allocated by the whole process in the same
/// region, no forced GC. A cleanup phase (route deletion) is timed separately.
/// </summary>
internal static class Measurement
{
    public delegate Task<int> Phase();

    public static ResultLine Run(PeerArguments arguments, Phase body, Phase? cleanup = null)
    {
        var times = new List<double>();
        var cleanupTimes = new List<double>();
        var allocations = new List<long>();
        int n = 0;
        for (int iteration = 0; iteration < arguments.Warmup + arguments.Iterations; iteration++)
        {
            (int objects, double ms, long allocated) = Time(body);
            double cleanupMs = cleanup is null ? 0 : Time(cleanup).Ms;
            if (iteration >= arguments.Warmup)
            {
                n = objects;
                times.Add(ms);
                cleanupTimes.Add(cleanupMs);
                allocations.Add(allocated);
            }
        }

        double median = Median(times);
        return new ResultLine
        {
            Scenario = arguments.Scenario,
            N = n,
            Iterations = arguments.Iterations,
            MedianMs = median,
            MinMs = times.Min(),
            AllocBytes = (long)Median(allocations.Select(a => (double)a).ToList()),
            PerRouteUs = cleanup is null ? null : median * 1000 / arguments.Count,
            DeleteMedianMs = cleanup is null ? null : Median(cleanupTimes),
        };
    }

    private static (int Objects, double Ms, long Allocated) Time(Phase phase)
    {
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long start = Stopwatch.GetTimestamp();
        int objects = phase().GetAwaiter().GetResult();
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return (objects, ms, allocated);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
