using System.Text;

namespace Nlctl.Cli;

/// <summary>
/// .NET decodes the command line as UTF-8 and puts U+FFFD where bytes are not UTF-8, so two
/// different interface names (<c>$'\xfa\xfb'</c>, <c>$'\xff\xfe'</c>) arrive as the same string.
/// Acting on that string could touch another link. This compares every argument with the bytes
/// the kernel holds for it (/proc/self/cmdline) and refuses one that did not arrive unchanged.
/// </summary>
internal static class ArgvBytes
{
    /// <exception cref="UsageException">An argument is not valid UTF-8.</exception>
    public static void EnsureLossless(string[] args)
    {
        byte[] cmdline;
        try
        {
            cmdline = File.ReadAllBytes("/proc/self/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // no procfs: nothing to compare with
        }

        List<byte[]> raw = Split(cmdline);
        if (raw.Count < args.Length)
        {
            return;
        }

        // The arguments are the last ones ("dotnet nlctl.dll ARGS" or "nlctl ARGS").
        for (int i = 0; i < args.Length; i++)
        {
            byte[] bytes = raw[raw.Count - args.Length + i];
            if (!bytes.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(args[i])))
            {
                throw new UsageException(
                    $"Error: argument \"{Escape(bytes)}\" is not valid UTF-8; nlctl refuses it rather than act on a name it cannot pass on unchanged.");
            }
        }
    }

    private static List<byte[]> Split(byte[] cmdline)
    {
        var parts = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < cmdline.Length; i++)
        {
            if (cmdline[i] == 0)
            {
                parts.Add(cmdline[start..i]);
                start = i + 1;
            }
        }

        if (start < cmdline.Length)
        {
            parts.Add(cmdline[start..]);
        }

        return parts;
    }

    /// <summary>Printable ASCII as is, every other byte as \xNN (as a shell's $'...' would write it).</summary>
    private static string Escape(byte[] bytes)
    {
        var text = new StringBuilder();
        foreach (byte b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7f and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:x2}");
        }

        return text.ToString();
    }
}
