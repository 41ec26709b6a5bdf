using Netlink.Encoding;

namespace Netlink.Fuzz;

/// <summary>Delegate types used by the generated <see cref="ReaderTouch"/> tables.</summary>
internal delegate void ReadMessage(ReadOnlySpan<byte> message, ref Sink sink);

/// <summary>A family describer: renders every message of a datagram.</summary>
internal delegate void Describer(ReadOnlySpan<byte> messages, TextWriter output);

/// <summary>
/// encode(decode(x)) for valid messages: each attribute a generated reader decodes is written again
/// with the generated writer (alone, into a scratch buffer) and must give back the kernel's bytes.
/// </summary>
internal sealed class RoundTripper : IDisposable
{
    private readonly NetlinkMessageWriter _scratch = new();
    private string _family = string.Empty;
    private string _header = string.Empty;

    public int Checked { get; private set; }

    public List<string> Mismatches { get; } = [];

    public HashSet<string> Covered { get; } = new(StringComparer.Ordinal);

    /// <summary>Sets which family and fixed header the current seed holds (from its file name).</summary>
    public void Use(string family, string header)
    {
        _family = family;
        _header = header == "none" ? string.Empty : header;
    }

    /// <summary>True for the TryRead method whose fixed header matches the seed and for non-control messages.</summary>
    public bool Accepts(string family, string header, ushort type) =>
        type >= 16 && family == _family && header == _header;

    /// <summary>An empty writer for one attribute.</summary>
    public NetlinkMessageWriter Begin()
    {
        _scratch.Clear();
        return _scratch;
    }

    /// <summary>Compares the one attribute just written with the original payload.</summary>
    public void Check(ReadOnlySpan<byte> original, ushort type, string name)
    {
        Checked++;
        Covered.Add(name);
        var e = new NlAttributeEnumerator(_scratch.WrittenSpan);
        if (!e.MoveNext())
        {
            Mismatches.Add($"{name}: the writer wrote no attribute");
            return;
        }

        NlAttribute written = e.Current;
        if (written.Type != type || !written.Payload.SequenceEqual(original))
        {
            Mismatches.Add($"{name}: kernel {Convert.ToHexString(original)} -> re-encoded type {written.Type} {Convert.ToHexString(written.Payload)}");
        }
    }

    public void Dispose() => _scratch.Dispose();
}
