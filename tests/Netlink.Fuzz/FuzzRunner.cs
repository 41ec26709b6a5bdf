using System.Collections.Concurrent;
using System.Diagnostics;
using Netlink.Messages;

namespace Netlink.Fuzz;

/// <summary>A failing input: which target, which input, what was thrown.</summary>
internal sealed record FuzzFailure(long Input, string Target, string Error, byte[] Bytes);

/// <summary>
/// Runs inputs 0..N-1 over the targets on all cores. Each input is built from (seed, index) alone,
/// so the result does not depend on scheduling. A watchdog thread fails the run if one input runs
/// longer than the hang limit; an input slower than <see cref="SlowLimit"/> counts as a failure.
/// </summary>
internal sealed class FuzzRunner(IReadOnlyList<Seed> seeds, IReadOnlyList<FuzzTarget> targets, ulong seed, string failureDirectory)
{
    public static readonly TimeSpan SlowLimit = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    private const int MaxSavedFailures = 200;
    private readonly ConcurrentQueue<FuzzFailure> _failures = new();
    private long _failureCount;

    public long FailureCount => Interlocked.Read(ref _failureCount);

    public IEnumerable<FuzzFailure> Failures => _failures.OrderBy(f => f.Input);

    public byte[] BuildInput(long index, List<string>? mutations = null)
    {
        var rng = new Prng(seed, (ulong)index);
        byte[] buffer = new byte[Mutator.MaxLength + 1024];
        int length = Mutator.Build(ref rng, seeds, buffer, mutations);
        return buffer.AsSpan(0, length).ToArray();
    }

    public void Run(long first, long count)
    {
        int workers = Math.Max(1, Environment.ProcessorCount);
        long[] started = new long[workers];
        long[] current = new long[workers];
        Array.Fill(current, -1);
        long next = first;
        long end = first + count;
        using var done = new CancellationTokenSource();
        var watchdog = new Thread(() => Watch(started, current, done.Token)) { IsBackground = true, Name = "fuzz watchdog" };
        watchdog.Start();

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            var context = new TargetContext();
            byte[] buffer = new byte[Mutator.MaxLength + 1024];
            while (true)
            {
                long index = Interlocked.Add(ref next, 64) - 64;
                if (index >= end)
                {
                    break;
                }

                for (long i = index; i < Math.Min(index + 64, end); i++)
                {
                    var rng = new Prng(seed, (ulong)i);
                    int length = Mutator.Build(ref rng, seeds, buffer, null);
                    Volatile.Write(ref started[worker], Stopwatch.GetTimestamp());
                    Volatile.Write(ref current[worker], i);
                    RunOne(i, buffer.AsSpan(0, length), context);
                    Volatile.Write(ref current[worker], -1);
                }
            }
        });
        done.Cancel();
    }

    /// <summary>Runs one input through every target; records each failure.</summary>
    public void RunOne(long index, ReadOnlySpan<byte> input, TargetContext context)
    {
        foreach (FuzzTarget target in targets)
        {
            long start = Stopwatch.GetTimestamp();
            string? error = null;
            try
            {
                target.Run(input, context);
            }
            catch (NetlinkDecodeException)
            {
                // The one documented decode error.
            }
            catch (Exception ex)
            {
                error = ex.ToString();
            }

            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            if (error is null && elapsed > SlowLimit)
            {
                error = $"slow input: {elapsed.TotalMilliseconds:F0} ms (limit {SlowLimit.TotalMilliseconds:F0} ms)";
            }

            if (error is not null)
            {
                Record(new FuzzFailure(index, target.Name, error, input.ToArray()));
            }
        }
    }

    private void Record(FuzzFailure failure)
    {
        long n = Interlocked.Increment(ref _failureCount);
        if (n <= MaxSavedFailures)
        {
            _failures.Enqueue(failure);
            Directory.CreateDirectory(failureDirectory);
            string stem = Path.Combine(failureDirectory, $"{failure.Target}-{failure.Input}");
            File.WriteAllBytes(stem + ".bin", failure.Bytes);
            File.WriteAllText(stem + ".txt", $"target: {failure.Target}\ninput: {failure.Input} (replay: --seed {seed} --input {failure.Input} --target {failure.Target})\n\n{failure.Error}\n");
        }
    }

    private void Watch(long[] started, long[] current, CancellationToken done)
    {
        while (!done.WaitHandle.WaitOne(250))
        {
            for (int w = 0; w < current.Length; w++)
            {
                long index = Volatile.Read(ref current[w]);
                if (index >= 0 && Stopwatch.GetElapsedTime(Volatile.Read(ref started[w])) > HangLimit && Volatile.Read(ref current[w]) == index)
                {
                    byte[] input = BuildInput(index);
                    Record(new FuzzFailure(index, "hang", $"input {index} still running after {HangLimit.TotalSeconds:F0} s", input));
                    Console.Error.WriteLine($"hang: input {index} (saved under {failureDirectory})");
                    Console.WriteLine($"{index + 1} inputs, {FailureCount} failures");
                    Environment.Exit(1);
                }
            }
        }
    }

    /// <summary>encode(decode(x)) over the seeds: returns the round-tripper with its counts and mismatches.</summary>
    public static RoundTripper RoundTripSeeds(IReadOnlyList<Seed> seeds, out int messages)
    {
        var tripper = new RoundTripper();
        messages = 0;
        foreach (Seed s in seeds)
        {
            tripper.Use(s.Family, s.Header);
            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(s.Bytes))
            {
                if (message.Type >= 16)
                {
                    messages++;
                    ReaderTouch.RoundTripMessage(s.Family, message.Bytes, message.Type, tripper);
                }
            }
        }

        return tripper;
    }
}
