using System.Buffers.Binary;

namespace Netlink.Fuzz;

/// <summary>
/// Builds input number <c>i</c> of a run from the seeds: 1 to 4 stacked mutations out of bit flips,
/// byte sets, nlmsg_len / nla_len corruption, truncation, splicing two seeds, chunk
/// insertion/deletion/duplication, or plain random bytes. Deterministic per (seed, i).
/// </summary>
internal static class Mutator
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x02, 0x03, 0x04, 0x07, 0x08, 0x0f, 0x10, 0x7f, 0x80, 0xfe, 0xff];

    public const int MaxLength = 64 * 1024;

    public static string[] Names { get; } = ["bitflip", "byteset", "nlmsg_len", "nla_len", "truncate", "splice", "insert", "delete", "duplicate", "random"];

    /// <summary>Writes the input into <paramref name="buffer"/> and returns its length.</summary>
    public static int Build(ref Prng rng, IReadOnlyList<Seed> seeds, byte[] buffer, List<string>? applied)
    {
        Seed seed = seeds[rng.Below(seeds.Count)];
        int length = seed.Bytes.Length;
        seed.Bytes.CopyTo(buffer, 0);
        int count = 1 + rng.Below(4);
        for (int m = 0; m < count; m++)
        {
            int kind = rng.Below(Names.Length);
            applied?.Add(Names[kind]);
            length = kind switch
            {
                0 => BitFlip(ref rng, buffer, length),
                1 => ByteSet(ref rng, buffer, length),
                2 => CorruptLength(ref rng, buffer, length, seed.MessageLengthOffsets, 4),
                3 => CorruptLength(ref rng, buffer, length, seed.AttributeLengthOffsets, 2),
                4 => length == 0 ? 0 : rng.Below(length),
                5 => Splice(ref rng, buffer, length, seeds[rng.Below(seeds.Count)]),
                6 => Insert(ref rng, buffer, length),
                7 => Delete(ref rng, buffer, length),
                8 => Duplicate(ref rng, buffer, length),
                _ => RandomBytes(ref rng, buffer),
            };
        }

        return length;
    }

    private static int BitFlip(ref Prng rng, byte[] b, int length)
    {
        int flips = 1 + rng.Below(8);
        for (int i = 0; i < flips && length > 0; i++)
        {
            b[rng.Below(length)] ^= (byte)(1 << rng.Below(8));
        }

        return length;
    }

    private static int ByteSet(ref Prng rng, byte[] b, int length)
    {
        int sets = 1 + rng.Below(4);
        for (int i = 0; i < sets && length > 0; i++)
        {
            b[rng.Below(length)] = rng.Chance(70) ? Interesting[rng.Below(Interesting.Length)] : rng.Byte();
        }

        return length;
    }

    /// <summary>Overwrites a known length field (or a random 4-aligned spot) with a hostile value.</summary>
    private static int CorruptLength(ref Prng rng, byte[] b, int length, int[] offsets, int width)
    {
        int offset = offsets.Length > 0 && rng.Chance(90) ? offsets[rng.Below(offsets.Length)] : rng.Below(length / 4) * 4;
        if (offset + width > length)
        {
            return length;
        }

        uint current = width == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(offset)) : BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(offset));
        uint remaining = (uint)(length - offset);
        uint value = rng.Below(10) switch
        {
            0 => 0,
            1 => (uint)rng.Below(width == 4 ? 16 : 4),
            2 => current + 1,
            3 => current - 1,
            4 => current + 4,
            5 => current - 4,
            6 => remaining,
            7 => remaining + 1 + (uint)rng.Below(8),
            8 => width == 4 ? uint.MaxValue : ushort.MaxValue,
            _ => (uint)rng.Next(),
        };
        if (width == 4)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(offset), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(offset), (ushort)value);
        }

        return length;
    }

    private static int Splice(ref Prng rng, byte[] b, int length, Seed other)
    {
        int cut = rng.Below(length + 1);
        int from = rng.Below(other.Bytes.Length + 1);
        int take = Math.Min(other.Bytes.Length - from, MaxLength - cut);
        other.Bytes.AsSpan(from, take).CopyTo(b.AsSpan(cut));
        return cut + take;
    }

    private static int Insert(ref Prng rng, byte[] b, int length)
    {
        int count = Math.Min(1 + rng.Below(64), MaxLength - length);
        int at = rng.Below(length + 1);
        b.AsSpan(at, length - at).CopyTo(b.AsSpan(at + count));
        for (int i = 0; i < count; i++)
        {
            b[at + i] = rng.Chance(50) ? (byte)0 : rng.Byte();
        }

        return length + count;
    }

    private static int Delete(ref Prng rng, byte[] b, int length)
    {
        if (length == 0)
        {
            return 0;
        }

        int at = rng.Below(length);
        int count = Math.Min(1 + rng.Below(64), length - at);
        b.AsSpan(at + count, length - at - count).CopyTo(b.AsSpan(at));
        return length - count;
    }

    private static int Duplicate(ref Prng rng, byte[] b, int length)
    {
        if (length == 0)
        {
            return 0;
        }

        int at = rng.Below(length);
        int count = Math.Min(Math.Min(1 + rng.Below(256), length - at), MaxLength - length);
        int to = rng.Below(length + 1);
        byte[] chunk = b.AsSpan(at, count).ToArray();
        b.AsSpan(to, length - to).CopyTo(b.AsSpan(to + count));
        chunk.CopyTo(b, to);
        return length + count;
    }

    private static int RandomBytes(ref Prng rng, byte[] b)
    {
        int length = rng.Below(512);
        for (int i = 0; i < length; i++)
        {
            b[i] = rng.Byte();
        }

        return length;
    }
}
