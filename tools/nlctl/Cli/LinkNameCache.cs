using System.Text.Json;
using Netlink.Route;

namespace Nlctl.Cli;

/// <summary>
/// Interface names and indexes of one namespace, looked up on demand (one ioctl each, cached), so
/// printing routes through one device of a host with thousands of links does not dump them all.
/// </summary>
internal sealed class LinkNameCache(RouteClient client)
{
    private readonly Dictionary<int, string> _names = [];
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, JsonEncodedText> _encoded = [];

    /// <summary>The name of <paramref name="index"/>; <c>ifN</c> for an index without one (a link gone since), as ip prints it.</summary>
    public string Name(int index) => TryName(index) ?? $"if{index}";

    /// <summary>The name of <paramref name="index"/>, or null when no link has it (and none was remembered).</summary>
    public string? TryName(int index)
    {
        if (_names.TryGetValue(index, out string? name))
        {
            return name;
        }

        name = index > 0 ? client.GetLinkName(index) : null;
        if (name is not null)
        {
            _names[index] = name;
        }

        return name;
    }

    /// <summary>Records a link's name as an event reported it, so its later events still print it after it is gone (as ip's cache does).</summary>
    public void Remember(int index, string name)
    {
        _names[index] = name;
        _encoded.Remove(index);
    }

    /// <summary>The name as encoded JSON text, cached (a route table names the same few devices 100,000 times).</summary>
    public JsonEncodedText EncodedName(int index)
    {
        if (!_encoded.TryGetValue(index, out JsonEncodedText encoded))
        {
            encoded = JsonEncodedText.Encode(Nlctl.Output.Printable.Name(Name(index)), Nlctl.Output.JsonOutput.WriterOptions.Encoder);
            _encoded[index] = encoded;
        }

        return encoded;
    }

    /// <summary>The index of <paramref name="name"/>, or null when there is no such device.</summary>
    public int? Find(string name)
    {
        if (_indexes.TryGetValue(name, out int index))
        {
            return index;
        }

        int? found = name.Length is > 0 and < 16 && !name.Contains('/', StringComparison.Ordinal) ? client.GetLinkIndex(name) : null;
        if (found is { } value)
        {
            _indexes[name] = value;
        }

        return found;
    }

    /// <summary>The index of <paramref name="name"/> for a change: <c>Cannot find device "x"</c> if there is none (ip's words).</summary>
    public int Index(string name) => Find(name) ?? throw new UsageException($"Cannot find device \"{Nlctl.Output.Printable.Name(name)}\"");

    /// <summary>The index of <paramref name="name"/> for a listing: <c>Device "x" does not exist.</c> if there is none (ip's words).</summary>
    public int ShowIndex(string name) => Find(name) ?? throw new UsageException($"Device \"{Nlctl.Output.Printable.Name(name)}\" does not exist.");
}
