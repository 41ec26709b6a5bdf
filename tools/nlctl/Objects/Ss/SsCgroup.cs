using System.Globalization;

namespace Nlctl.Objects.Ss;

/// <summary>
/// The cgroup a socket belongs to, as ss -e names it. ss resolves the cgroup id to a path below
/// the cgroup2 mount; where no cgroup2 file system is mounted it prints <c>unreachable:ID</c> (hex),
/// which nlctl does too. With a mount, resolving ids to paths needs inode numbers .NET does not
/// expose, so the field is left out there (docs/nlctl.md).
/// </summary>
internal static class SsCgroup
{
    private static readonly Lazy<bool> Mounted = new(() =>
    {
        try
        {
            return File.ReadLines("/proc/self/mountinfo").Any(line => line.Contains(" - cgroup2 ", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return true; // unknown: say nothing rather than something wrong
        }
    });

    /// <summary>"unreachable:1" without a cgroup2 mount; null with one.</summary>
    public static string? Describe(ulong cgroupId) =>
        Mounted.Value ? null : "unreachable:" + cgroupId.ToString("x", CultureInfo.InvariantCulture);
}
