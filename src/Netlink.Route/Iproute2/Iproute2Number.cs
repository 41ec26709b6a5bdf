namespace Netlink.Route.Iproute2;

/// <summary>
/// Numbers as iproute2 reads them (its get_u32/get_unsigned use C's strtoul with base 0):
/// decimal, <c>0x</c> hexadecimal, or octal with a leading <c>0</c>. So <c>mtu 0x5dc</c> is 1500,
/// <c>012</c> is 10 and <c>08</c> is refused. No sign, no spaces, nothing after the digits.
/// </summary>
public static class Iproute2Number
{
    /// <summary>Parses <paramref name="text"/> into a 32-bit unsigned value; false if it is not one.</summary>
    public static bool TryParseUInt32(ReadOnlySpan<char> text, out uint value)
    {
        bool ok = TryParseUInt64(text, out ulong wide) && wide <= uint.MaxValue;
        value = ok ? (uint)wide : 0;
        return ok;
    }

    /// <summary>Parses <paramref name="text"/> into a 64-bit unsigned value; false if it is not one.</summary>
    public static bool TryParseUInt64(ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        int radix = 10;
        if (text.Length > 2 && text[0] == '0' && (text[1] is 'x' or 'X'))
        {
            radix = 16;
            text = text[2..];
        }
        else if (text.Length > 1 && text[0] == '0')
        {
            radix = 8;
            text = text[1..];
        }

        if (text.IsEmpty)
        {
            return false;
        }

        foreach (char c in text)
        {
            int digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix)
            {
                return false;
            }

            try
            {
                value = checked((value * (ulong)radix) + (ulong)digit);
            }
            catch (OverflowException)
            {
                value = 0;
                return false;
            }
        }

        return true;
    }
}
