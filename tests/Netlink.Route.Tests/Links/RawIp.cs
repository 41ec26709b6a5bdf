using System.Diagnostics;

namespace Netlink.Route.Tests.Links;

/// <summary>
/// Runs iproute2 through bash, so that names can be written as $'\xfa\xfb' (.NET would turn a
/// non-UTF-8 argument into U+FFFD), and reads its output as bytes, not as text.
/// </summary>
internal static class RawIp
{
    /// <summary>Runs <c>ip -n NETNS SCRIPT</c> with bash quoting; throws on failure.</summary>
    public static byte[] Run(string netns, string script)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { "-c", $"ip -n {netns} {script}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        using var output = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        string error = process.StandardError.ReadToEnd();
        copy.GetAwaiter().GetResult();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip -n {netns} {script} failed ({process.ExitCode}): {error}");
        }

        return output.ToArray();
    }

    /// <summary>Index -> exact name bytes of every link, from <c>ip -o link show</c> ("N: NAME[@PEER]: ...").</summary>
    public static Dictionary<int, byte[]> LinkNames(string netns)
    {
        var names = new Dictionary<int, byte[]>();
        ReadOnlySpan<byte> output = Run(netns, "-o link show");
        while (!output.IsEmpty)
        {
            int end = output.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? output : output[..end];
            output = end < 0 ? default : output[(end + 1)..];
            int colon = line.IndexOf(": "u8);
            int index = int.Parse(System.Text.Encoding.ASCII.GetString(line[..colon]), System.Globalization.CultureInfo.InvariantCulture);
            ReadOnlySpan<byte> rest = line[(colon + 2)..];
            ReadOnlySpan<byte> name = rest[..rest.IndexOf(": "u8)];
            int at = name.IndexOf((byte)'@');
            names[index] = (at < 0 ? name : name[..at]).ToArray();
        }

        return names;
    }
}
