namespace Netlink;

/// <summary>
/// The command-line arguments as the kernel passed them: bytes. On Linux .NET decodes argv as
/// UTF-8 and turns every byte that is not valid UTF-8 into U+FFFD, so an interface called
/// <c>FA FB</c> arrives as "\uFFFD\uFFFD", which is the name of another interface
/// (<c>EF BF BD EF BF BD</c>). A tool that takes names from its command line calls
/// <see cref="ToLossless"/> first: every argument then names exactly the bytes it was given
/// (<see cref="LosslessUtf8"/>), and the library sends those bytes.
/// </summary>
/// <example>
/// <code>
/// static int Main(string[] args)
/// {
///     args = ProcessArguments.ToLossless(args);   // "\uDCFA\uDCFB" for the bytes FA FB
///     ...
/// }
/// </code>
/// </example>
public static class ProcessArguments
{
    private const string CommandLinePath = "/proc/self/cmdline";

    /// <summary>
    /// <paramref name="args"/> with every argument that .NET decoded lossily (it was not valid
    /// UTF-8) replaced by its lossless form; the others are returned unchanged.
    /// </summary>
    /// <param name="args">The arguments <c>Main</c> received.</param>
    /// <exception cref="InvalidOperationException">An argument contains U+FFFD and the raw bytes cannot be read to tell whether the bytes were EF BF BD or not UTF-8 at all.</exception>
    public static string[] ToLossless(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string[] result = [.. args];
        if (!args.Any(a => a.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            return result;
        }

        byte[][] raw = GetRawArguments(args) ?? throw new InvalidOperationException(
            $"an argument contains U+FFFD, and {CommandLinePath} cannot be matched to the arguments to tell whether it stands for bytes that are not UTF-8");
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = LosslessUtf8.GetString(raw[i]);
        }

        return result;
    }

    /// <summary>
    /// The raw bytes of each of <paramref name="args"/> (the last <c>args.Count</c> entries of
    /// /proc/self/cmdline), or null if they cannot be read or do not match <paramref name="args"/>.
    /// </summary>
    /// <param name="args">The arguments <c>Main</c> received.</param>
    public static byte[][]? GetRawArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        byte[] commandLine;
        try
        {
            commandLine = File.ReadAllBytes(CommandLinePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return Match(commandLine, args);
    }

    /// <summary>
    /// Splits a cmdline image (arguments each ending in NUL) and pairs its last entries with
    /// <paramref name="args"/> (the host's own arguments come first). Each pair must agree: the raw
    /// bytes decoded the way .NET decodes argv give the argument.
    /// </summary>
    internal static byte[][]? Match(ReadOnlySpan<byte> commandLine, IReadOnlyList<string> args)
    {
        var entries = new List<byte[]>();
        while (!commandLine.IsEmpty)
        {
            int end = commandLine.IndexOf((byte)0);
            if (end < 0)
            {
                // The kernel ends every argument with NUL; a process may rewrite its cmdline, though.
                entries.Add(commandLine.ToArray());
                break;
            }

            entries.Add(commandLine[..end].ToArray());
            commandLine = commandLine[(end + 1)..];
        }

        if (entries.Count < args.Count)
        {
            return null;
        }

        byte[][] raw = entries.GetRange(entries.Count - args.Count, args.Count).ToArray();
        for (int i = 0; i < raw.Length; i++)
        {
            if (!IsDecodingOf(args[i], raw[i]))
            {
                return null;
            }
        }

        return raw;
    }

    /// <summary>
    /// True if .NET could have decoded <paramref name="raw"/> as <paramref name="argument"/>:
    /// exactly, for valid UTF-8; otherwise up to how many U+FFFD replace an invalid run (the
    /// runtime's argv decoder and <see cref="System.Text.Encoding.UTF8"/> split some runs differently).
    /// </summary>
    private static bool IsDecodingOf(string argument, byte[] raw)
    {
        if (LosslessUtf8.IsValidUtf8(raw))
        {
            return System.Text.Encoding.UTF8.GetString(raw) == argument;
        }

        return argument.Contains('\uFFFD', StringComparison.Ordinal)
            && CollapseReplacements(System.Text.Encoding.UTF8.GetString(raw)) == CollapseReplacements(argument);
    }

    private static string CollapseReplacements(string text)
    {
        var collapsed = new System.Text.StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c != '\uFFFD' || collapsed.Length == 0 || collapsed[^1] != '\uFFFD')
            {
                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
    }
}
