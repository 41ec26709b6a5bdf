using System.Buffers;

namespace Netlink;

/// <summary>
/// The kernel's rules for interface names (dev_valid_name), checked on the bytes the name stands
/// for (<see cref="LosslessUtf8"/>), before anything is sent: 1 to 15 bytes (IFNAMSIZ - 1), not
/// <c>.</c> or <c>..</c>, no <c>/</c>, <c>:</c>, NUL or a byte the kernel's isspace() calls space
/// (tab, line feed, vertical tab, form feed, carriage return, space, and 0xA0, which rules out
/// characters such as U+00E0 whose UTF-8 ends in it).
/// </summary>
public static class InterfaceNames
{
    /// <summary>The longest name in bytes: IFNAMSIZ (16) minus the NUL.</summary>
    public const int MaxLength = 15;

    /// <summary>'/', ':', NUL, and the bytes the kernel's isspace() is true for (its ctype table marks 0xA0 as space).</summary>
    private static readonly SearchValues<byte> Forbidden = SearchValues.Create([(byte)'/', (byte)':', 0, (byte)'\t', (byte)'\n', 0x0b, 0x0c, (byte)'\r', (byte)' ', 0xa0]);

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="parameterName"/> unless <paramref name="name"/> can be an interface name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="parameterName">Named in the exception.</param>
    /// <returns>The bytes the name stands for.</returns>
    public static byte[] Validate(string? name, string parameterName)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("an interface name must not be empty", parameterName);
        }

        byte[] bytes = LosslessUtf8.GetBytes(name, parameterName);
        if (FindProblem(bytes) is { } problem)
        {
            throw new ArgumentException($"\"{LosslessUtf8.ToPrintable(name)}\" is not a valid interface name: {problem}", parameterName);
        }

        return bytes;
    }

    /// <summary>True if <paramref name="name"/> can be an interface name; otherwise why not.</summary>
    public static bool IsValid(string? name, out string? problem)
    {
        if (string.IsNullOrEmpty(name))
        {
            problem = "it is empty";
            return false;
        }

        if (!LosslessUtf8.RoundTrips(name))
        {
            problem = "it contains a lone surrogate that stands for no byte";
            return false;
        }

        problem = FindProblem(LosslessUtf8.GetBytes(name));
        return problem is null;
    }

    /// <summary>What is wrong with the name's bytes, or null.</summary>
    public static string? FindProblem(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return "it is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"it is {name.Length} bytes long, the longest is {MaxLength} (IFNAMSIZ - 1)";
        }

        if (name.SequenceEqual("."u8) || name.SequenceEqual(".."u8))
        {
            return "'.' and '..' are not allowed";
        }

        int bad = name.IndexOfAny(Forbidden);
        return bad < 0 ? null : $"byte {bad} is 0x{name[bad]:x2} (no '/', ':', NUL or space bytes)";
    }
}
