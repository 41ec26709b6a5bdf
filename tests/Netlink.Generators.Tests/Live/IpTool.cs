using System.Diagnostics;
using System.Text.Json;

namespace Netlink.Generators.Tests.Live;

/// <summary>Runs iproute2's <c>ip</c> (or any command) and parses <c>ip -j</c> output, for cross-checks in the same namespace.</summary>
internal static class IpTool
{
    public static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        }

        return output;
    }

    /// <summary><c>ip -j -n NAME ARGS</c> as JSON.</summary>
    public static JsonElement Json(string netns, params string[] args) =>
        JsonDocument.Parse(Run("ip", ["-j", "-n", netns, .. args])).RootElement;
}
