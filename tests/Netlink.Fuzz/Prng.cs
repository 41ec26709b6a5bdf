namespace Netlink.Fuzz;

/// <summary>
/// A small deterministic generator (SplitMix64 seeding xoshiro256**): the same (seed, input
/// index) gives the same input on every machine and .NET version, so any failure can be replayed
/// alone with <c>--seed S --input I</c>.
/// </summary>
internal struct Prng
{
    private ulong _s0, _s1, _s2, _s3;

    public Prng(ulong seed, ulong stream)
    {
        ulong x = seed ^ (stream * 0x9E3779B97F4A7C15UL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong Next()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A value in [0, max); 0 when max is 0.</summary>
    public int Below(int max) => max <= 0 ? 0 : (int)((Next() >> 33) % (ulong)max);

    public bool Chance(int percent) => Below(100) < percent;

    public byte Byte() => (byte)Next();

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
