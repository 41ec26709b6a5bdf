using System.Runtime.CompilerServices;

namespace Netlink.Codegen;

/// <summary>What a generated reader's one-pass index does per attribute it knows.</summary>
public static class NlIndex
{
    /// <summary>Keeps the first occurrence's position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void First(ref int slot, int position)
    {
        if (slot == 0)
        {
            slot = position;
        }
    }

    /// <summary>Keeps the first occurrence's position and counts them all (multi-attr).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Each(ref int slot, ref int count, int position)
    {
        if (slot == 0)
        {
            slot = position;
        }

        count++;
    }
}
