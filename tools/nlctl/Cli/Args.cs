using System.Net;
using System.Net.Sockets;
using Netlink.Route.Iproute2;

namespace Nlctl.Cli;

/// <summary>
/// The words of the command line, read left to right the way iproute2 reads them: a keyword,
/// then its value. Each reader reports a missing or malformed value in iproute2's words.
/// </summary>
internal sealed class Args(IReadOnlyList<string> words)
{
    private int _next;

    /// <summary>True when every word has been read.</summary>
    public bool AtEnd => _next >= words.Count;

    /// <summary>The next word, not consumed.</summary>
    public string Peek() => words[_next];

    /// <summary>Consumes the next word.</summary>
    public string Next() => words[_next++];

    /// <summary>Puts the last consumed word back.</summary>
    public void Back() => _next--;

    /// <summary>Consumes the next word if it is exactly <paramref name="word"/>.</summary>
    public bool Take(string word)
    {
        if (!AtEnd && words[_next] == word)
        {
            _next++;
            return true;
        }

        return false;
    }

    /// <summary>The words not read yet.</summary>
    public IReadOnlyList<string> Rest() => [.. words.Skip(_next)];

    /// <summary>The value after <paramref name="keyword"/>.</summary>
    public string Value(string keyword) => AtEnd ? throw UsageException.Incomplete(keyword) : Next();

    /// <summary>A number after <paramref name="keyword"/> (decimal, 0x hex or 0 octal, as ip takes them).</summary>
    public uint UInt32(string keyword)
    {
        string text = Value(keyword);
        return Iproute2Number.TryParseUInt32(text, out uint value) ? value : throw UsageException.Invalid(text, $"Invalid \"{keyword}\" value");
    }

    /// <summary>A number of at most <paramref name="max"/> after <paramref name="keyword"/>.</summary>
    public uint UInt32(string keyword, uint max)
    {
        string text = Value(keyword);
        return Iproute2Number.TryParseUInt32(text, out uint value) && value <= max ? value : throw UsageException.Invalid(text, $"Invalid \"{keyword}\" value");
    }

    /// <summary>An address (ip's forms, family checked) after <paramref name="keyword"/>.</summary>
    public IPAddress Address(string keyword, AddressFamily family) => ParseAddress(Value(keyword), family);

    /// <summary>An address in ip's forms, or a one-line usage error naming the text.</summary>
    public static IPAddress ParseAddress(string text, AddressFamily family) =>
        IpAddressText.TryParseAddress(text, family, out IPAddress? address, out string? error) ? address : throw new UsageException($"Error: {error}.");

    /// <summary>A prefix in ip's forms, or a one-line usage error naming the text.</summary>
    public static (IPAddress Address, int PrefixLength) ParsePrefix(string text, AddressFamily family) =>
        IpAddressText.TryParsePrefix(text, family, out IPAddress? address, out int length, out string? error)
            ? (address, length)
            : throw new UsageException($"Error: {error}.");
}
