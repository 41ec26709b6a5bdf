namespace Nlctl.Cli;

/// <summary>How iproute2 matches what was typed against its words.</summary>
internal static class Keywords
{
    /// <summary>
    /// True when <paramref name="typed"/> is a non-empty prefix of <paramref name="word"/>: <c>a</c>,
    /// <c>addr</c> and <c>address</c> all match "address". Objects, verbs and global options are
    /// matched this way, in a fixed order, so the first word in that order wins (<c>r</c> is route,
    /// not rule).
    /// </summary>
    public static bool Matches(string typed, string word) =>
        typed.Length > 0 && typed.Length <= word.Length && word.StartsWith(typed, StringComparison.Ordinal);

    /// <summary>The first of <paramref name="words"/> that <paramref name="typed"/> abbreviates, or null.</summary>
    public static string? Resolve(string typed, params string[] words) => words.FirstOrDefault(word => Matches(typed, word));
}
