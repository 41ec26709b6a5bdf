using Nlctl.Cli;

namespace Nlctl.Objects.Packet;

/// <summary>The -x/--long options of the packet verbs: each name maps to whether it takes a value.</summary>
internal sealed class PacketOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    /// <summary>Reads options; <paramref name="spec"/> maps each spelling to (canonical name, takes a value).</summary>
    public static PacketOptions Parse(Args args, string verb, IReadOnlyDictionary<string, (string Name, bool HasValue)> spec)
    {
        var options = new PacketOptions();
        while (!args.AtEnd)
        {
            string word = args.Next();
            if (!spec.TryGetValue(word, out (string Name, bool HasValue) option))
            {
                throw new UsageException($"Error: option \"{word}\" is unknown for packet {verb}, try \"nlctl packet help\".");
            }

            if (option.HasValue)
            {
                options._values[option.Name] = args.Value(word);
            }
            else
            {
                options._flags.Add(option.Name);
            }
        }

        return options;
    }

    /// <summary>The value of an option, or null.</summary>
    public string? Value(string name) => _values.GetValueOrDefault(name);

    /// <summary>The value of a required option.</summary>
    public string Required(string name) =>
        Value(name) ?? throw new UsageException($"Error: option \"--{name}\" is required, try \"nlctl packet help\".");

    /// <summary>True when a flag was given.</summary>
    public bool Has(string name) => _flags.Contains(name);
}
