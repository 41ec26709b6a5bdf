namespace Netlink.Testing;

/// <summary>Whether the tests run with root privileges.</summary>
public static class Root
{
    /// <summary>The reason shown for skipped root-only tests.</summary>
    public const string SkipReason = "requires root (CAP_NET_ADMIN) for network namespaces";

    /// <summary>True if the effective user id is 0 (geteuid() == 0).</summary>
    public static bool IsRoot { get; } = OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess;
}
