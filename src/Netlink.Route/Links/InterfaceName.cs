namespace Netlink.Route;

/// <summary>Checks interface names the way the kernel's dev_valid_name does, before anything is sent.</summary>
internal static class InterfaceName
{
    /// <summary>IFNAMSIZ - 1: the longest name in bytes.</summary>
    public const int MaxLength = 15;

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="parameterName"/> if <paramref name="name"/> cannot be an interface name.</summary>
    public static void Validate(string? name, string parameterName)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("an interface name must not be empty", parameterName);
        }

        if (System.Text.Encoding.UTF8.GetByteCount(name) > MaxLength)
        {
            throw new ArgumentException($"interface name \"{name}\" is longer than {MaxLength} bytes (IFNAMSIZ - 1)", parameterName);
        }

        if (name is "." or "..")
        {
            throw new ArgumentException($"\"{name}\" is not a valid interface name", parameterName);
        }

        foreach (char c in name)
        {
            if (c == '/' || c == ':' || c == '\0' || char.IsWhiteSpace(c))
            {
                throw new ArgumentException($"interface name \"{name}\" contains '{(c == '\0' ? "\\0" : c.ToString())}' (no '/', ':', NUL or whitespace allowed)", parameterName);
            }
        }
    }

    /// <summary>Throws if <paramref name="index"/> is not a positive interface index.</summary>
    public static void ValidateIndex(int index, string parameterName)
    {
        if (index <= 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, index, "an interface index is positive");
        }
    }
}
