using System.Diagnostics;

namespace Netlink.Core.Tests.Namespaces;

/// <summary>iproute2 and coreutils, standing in for "someone else" changing /run/netns.</summary>
internal static class IpNetns
{
    public static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }

        return output;
    }

    /// <summary>The inode of the namespace mounted at /run/netns/NAME (stat -L), as iproute2's users would see it.</summary>
    public static ulong InodeOf(string name) => ulong.Parse(Run("stat", "-L", "-c", "%i", $"/run/netns/{name}").Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
}
