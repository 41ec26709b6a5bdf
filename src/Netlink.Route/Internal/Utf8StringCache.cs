namespace Netlink.Route.Internal;

/// <summary>
/// Decodes short NUL-terminated UTF-8 attributes (losslessly: <see cref="LosslessUtf8"/>) that repeat across a dump (address labels,
/// qdisc names, link kinds) to one shared string instead of a new one per object. Strings are
/// immutable, so sharing is safe; the cache is per thread, so it needs no lock. A dump of 10,000
/// addresses on 1,000 links allocates 1,000 label strings instead of 10,000.
/// </summary>
internal static class Utf8StringCache
{
    private const int Slots = 64;
    private const int MaxCachedLength = 32;

    [ThreadStatic]
    private static (byte[] Utf8, string Text)[]? t_slots;

    /// <summary>The attribute payload as a string, stopping at the first NUL; a cached instance when seen before.</summary>
    public static string Get(ReadOnlySpan<byte> payload)
    {
        int nul = payload.IndexOf((byte)0);
        ReadOnlySpan<byte> utf8 = nul >= 0 ? payload[..nul] : payload;
        if (utf8.Length > MaxCachedLength)
        {
            return LosslessUtf8.GetString(utf8);
        }

        (byte[] Utf8, string Text)[] slots = t_slots ??= new (byte[], string)[Slots];
        ref (byte[] Utf8, string Text) slot = ref slots[Hash(utf8) & (Slots - 1)];
        if (slot.Utf8 is { } cached && utf8.SequenceEqual(cached))
        {
            return slot.Text;
        }

        string text = LosslessUtf8.GetString(utf8);
        slot = (utf8.ToArray(), text);
        return text;
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        uint hash = 2166136261;
        foreach (byte b in utf8)
        {
            hash = (hash ^ b) * 16777619;
        }

        return (int)(hash ^ (hash >> 16));
    }
}
