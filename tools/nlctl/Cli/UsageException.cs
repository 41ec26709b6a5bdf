namespace Nlctl.Cli;

/// <summary>
/// A mistake in what the user typed: printed as one line on stderr (in iproute2's words where it
/// has them), nothing on stdout, exit status 1.
/// </summary>
internal sealed class UsageException(string message) : Exception(message)
{
    /// <summary><c>Error: argument "VALUE" is wrong: WHAT</c>, iproute2's words for a bad value.</summary>
    public static UsageException Invalid(string value, string what) => new($"Error: argument \"{value}\" is wrong: {what}");

    /// <summary>iproute2's words for a keyword whose value is missing.</summary>
    public static UsageException Incomplete(string keyword) => new($"Command line is not complete: \"{keyword}\" needs a value. Try option \"help\".");

    /// <summary>iproute2's words for a keyword given twice.</summary>
    public static UsageException Duplicate(string keyword, string value) => new($"Error: duplicate \"{keyword}\": \"{value}\" is the second value.");

    /// <summary>A word the command does not know.</summary>
    public static UsageException Garbage(string word, string objectName) => new($"Error: \"{word}\" is unknown here, try \"nlctl {objectName} help\".");
}
