namespace Netlink.Route;

/// <summary>
/// Checks interface names the way the kernel's dev_valid_name does, on the exact bytes the name
/// stands for (<see cref="LosslessUtf8"/>, <see cref="InterfaceNames"/>), before anything is sent.
/// </summary>
internal static class InterfaceName
{
    /// <summary>IFNAMSIZ - 1: the longest name in bytes.</summary>
    public const int MaxLength = InterfaceNames.MaxLength;

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="parameterName"/> if <paramref name="name"/> cannot be an interface name.</summary>
    public static void Validate(string? name, string parameterName) => InterfaceNames.Validate(name, parameterName);

    /// <summary>Throws if <paramref name="index"/> is not a positive interface index.</summary>
    public static void ValidateIndex(int index, string parameterName)
    {
        if (index <= 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, index, "an interface index is positive");
        }
    }
}
