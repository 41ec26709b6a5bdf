using System.Globalization;
using System.Net;

namespace NetlinkPeer;

/// <summary>
/// What the harness passes (../shared/bench/peers/README.md, "Peer protocol"):
/// <c>SCENARIO ITERATIONS [COUNT]</c> plus the BENCH_* environment, with the harness's defaults.
/// </summary>
internal sealed record PeerArguments
{
    /// <summary>Routes per batch when the harness gives no COUNT (it passes one only to route-add).</summary>
    private const int DefaultCount = 10_000;

    public required string Scenario { get; init; }

    public required int Iterations { get; init; }

    public required int Count { get; init; }

    public required int Warmup { get; init; }

    public required string Device { get; init; }

    public required IPAddress Gateway { get; init; }

    public required IPAddress DestinationBase { get; init; }

    /// <summary>Parses argv and the environment; throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public static PeerArguments Parse(string[] args)
    {
        if (args.Length is < 2 or > 3)
        {
            throw new ArgumentException("usage: Netlink.Peer SCENARIO ITERATIONS [COUNT]");
        }

        return new PeerArguments
        {
            Scenario = args[0],
            Iterations = PositiveInt(args[1], "ITERATIONS"),
            Count = args.Length == 3 ? PositiveInt(args[2], "COUNT") : DefaultCount,
            Warmup = NonNegativeInt(Environment.GetEnvironmentVariable("BENCH_WARMUP") ?? "1", "BENCH_WARMUP"),
            Device = Environment.GetEnvironmentVariable("BENCH_DEV") ?? "veth0",
            Gateway = Address(Environment.GetEnvironmentVariable("BENCH_GW") ?? "10.0.0.2", "BENCH_GW"),
            DestinationBase = Address(Environment.GetEnvironmentVariable("BENCH_DST_BASE") ?? "198.18.0.0", "BENCH_DST_BASE"),
        };
    }

    private static int PositiveInt(string text, string what)
    {
        int value = NonNegativeInt(text, what);
        return value >= 1 ? value : throw new ArgumentException($"{what} must be at least 1, got '{text}'");
    }

    private static int NonNegativeInt(string text, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{what} must be a non-negative integer, got '{text}'");

    private static IPAddress Address(string text, string what) =>
        IPAddress.TryParse(text, out IPAddress? address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? address
            : throw new ArgumentException($"{what} must be an IPv4 address, got '{text}'");
}
