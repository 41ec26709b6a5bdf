using System.Globalization;
using System.Text;

namespace Netlink.Codegen;

/// <summary>
/// Text of flag-set values for generated <c>ToName</c> methods and describers: the names of the
/// bits set joined by '|', with bits no entry names appended as one hex rest (<c>a|b|0x40</c>).
/// </summary>
public static class FlagText
{
    /// <summary>
    /// The names of the bits of <paramref name="value"/> (lowest first) joined by '|', unnamed bits
    /// as <c>0x…</c> at the end; null for 0.
    /// </summary>
    /// <param name="value">The flag set.</param>
    /// <param name="nameOfBit">The name of a single bit, or null if the set defines none.</param>
    public static string? Join(ulong value, Func<ulong, string?> nameOfBit)
    {
        ArgumentNullException.ThrowIfNull(nameOfBit);
        if (value == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        ulong unnamed = 0;
        for (ulong bits = value; bits != 0; bits &= bits - 1)
        {
            ulong bit = bits & (~bits + 1);
            if (nameOfBit(bit) is { } name)
            {
                text.Append(text.Length == 0 ? string.Empty : "|").Append(name);
            }
            else
            {
                unnamed |= bit;
            }
        }

        if (unnamed != 0)
        {
            text.Append(text.Length == 0 ? "0x" : "|0x").Append(unnamed.ToString("x", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>The describer's rendering: the value in hex, then <see cref="Join"/> if any bit is set (<c>0x5 a|c</c>).</summary>
    public static string Describe(ulong value, Func<ulong, string?> nameOfBit)
    {
        string hex = "0x" + value.ToString("x", CultureInfo.InvariantCulture);
        string? names = Join(value, nameOfBit);
        return names is null || names.StartsWith("0x", StringComparison.Ordinal) ? hex : hex + " " + names;
    }
}
