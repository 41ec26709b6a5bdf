using System.Globalization;

namespace Netlink.Fuzz;

/// <summary>Command line of the fuzz driver.</summary>
internal sealed class FuzzOptions
{
    public const string Usage = """
        usage: Netlink.Fuzz [--iterations N] [--seed S] [--target NAME[,NAME]|all] [--seeds DIR] [--failures DIR]
               Netlink.Fuzz --input I [--seed S] [--target ...]     replay one generated input
               Netlink.Fuzz --replay FILE [--target ...]            run one saved input
               Netlink.Fuzz --capture DIR                           capture seeds from the kernel (root)
               Netlink.Fuzz --libfuzzer [--target ...]              SharpFuzz/libFuzzer entry point
               Netlink.Fuzz --list                                  list the targets
        """;

    public long Iterations { get; private set; } = 100_000;

    public ulong Seed { get; private set; } = 1;

    public string Target { get; private set; } = "all";

    public string Seeds { get; private set; } = SeedCorpus.DefaultDirectory;

    public string Failures { get; private set; } = "fuzz-failures";

    public long? Input { get; private set; }

    public string? Replay { get; private set; }

    public string? Capture { get; private set; }

    public bool LibFuzzer { get; private set; }

    public bool List { get; private set; }

    public string? Error { get; private set; }

    public static FuzzOptions Parse(string[] args)
    {
        var o = new FuzzOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--iterations": o.Iterations = long.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--seed": o.Seed = ulong.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--target": o.Target = Value(); break;
                    case "--seeds": o.Seeds = Value(); break;
                    case "--failures": o.Failures = Value(); break;
                    case "--input": o.Input = long.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--replay": o.Replay = Value(); break;
                    case "--capture": o.Capture = Value(); break;
                    case "--libfuzzer": o.LibFuzzer = true; break;
                    case "--list": o.List = true; break;
                    default: throw new FormatException($"unknown option {args[i]}");
                }
            }
            catch (FormatException ex)
            {
                o.Error = ex.Message;
            }
        }

        if (o.Iterations < 0)
        {
            o.Error = "--iterations must be >= 0";
        }

        return o;
    }
}
