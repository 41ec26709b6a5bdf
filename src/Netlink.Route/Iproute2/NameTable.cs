using System.Globalization;

namespace Netlink.Route.Iproute2;

/// <summary>
/// One of iproute2's number-to-name tables (rt_tables, rt_protos, rt_scopes…): the names iproute2
/// knows without configuration, then the lines of its configuration files (<c>NUMBER NAME</c>,
/// <c>#</c> comments), read once on first use, as iproute2 itself reads them at start-up.
/// </summary>
internal sealed class NameTable
{
    /// <summary>Where iproute2 looks for its tables: the distribution's directory, then the administrator's.</summary>
    private static readonly string[] Directories = ["/usr/lib/iproute2", "/usr/share/iproute2", "/etc/iproute2"];

    private readonly (uint Value, string Name)[] _builtIn;
    private readonly string? _fileName;
    private readonly uint _maxValue;
    private Dictionary<uint, string>? _names;
    private Dictionary<string, uint>? _values;

    /// <param name="builtIn">Names known without any file, in iproute2's order.</param>
    /// <param name="fileName">The configuration file (e.g. <c>rt_tables</c>); null for none.</param>
    /// <param name="maxValue">The largest value a name may stand for (255 for one-byte fields).</param>
    public NameTable((uint Value, string Name)[] builtIn, string? fileName, uint maxValue = uint.MaxValue)
    {
        _builtIn = builtIn;
        _fileName = fileName;
        _maxValue = maxValue;
    }

    /// <summary>The name of <paramref name="value"/>, or null when it has none.</summary>
    public string? NameOf(uint value)
    {
        Load();
        return _names!.TryGetValue(value, out string? name) ? name : null;
    }

    /// <summary>The name of <paramref name="value"/>, or the number in decimal.</summary>
    public string Format(uint value) => NameOf(value) ?? value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A name or a number (decimal, 0x hex, 0 octal) within the table's range.</summary>
    public bool TryParse(string text, out uint value)
    {
        ArgumentNullException.ThrowIfNull(text);
        Load();
        if (_values!.TryGetValue(text, out value))
        {
            return true;
        }

        return Iproute2Number.TryParseUInt32(text, out value) && value <= _maxValue;
    }

    /// <summary>Every name, in value order (for completion and help).</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            Load();
            return [.. _names!.OrderBy(p => p.Key).Select(p => p.Value)];
        }
    }

    private void Load()
    {
        if (_names is not null)
        {
            return;
        }

        var names = new Dictionary<uint, string>();
        var values = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach ((uint value, string name) in _builtIn)
        {
            names.TryAdd(value, name);
            values.TryAdd(name, value);
        }

        if (_fileName is not null)
        {
            foreach (string path in ConfigurationFiles(_fileName))
            {
                ReadFile(path, names, values);
            }
        }

        _values = values;
        _names = names;
    }

    private static IEnumerable<string> ConfigurationFiles(string fileName)
    {
        foreach (string directory in Directories)
        {
            yield return Path.Combine(directory, fileName);
            string extra = Path.Combine(directory, fileName + ".d");
            if (Directory.Exists(extra))
            {
                foreach (string conf in Directory.EnumerateFiles(extra, "*.conf").Order(StringComparer.Ordinal))
                {
                    yield return conf;
                }
            }
        }
    }

    private void ReadFile(string path, Dictionary<uint, string> names, Dictionary<string, uint> values)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // a missing or unreadable file leaves the built-in names, as in iproute2
        }

        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 || fields[1].StartsWith('#') || !Iproute2Number.TryParseUInt32(fields[0], out uint value) || value > _maxValue)
            {
                continue;
            }

            // A later file may rename a value; the old name keeps parsing, as iproute2's hash does.
            names[value] = fields[1];
            values[fields[1]] = value;
        }
    }
}
