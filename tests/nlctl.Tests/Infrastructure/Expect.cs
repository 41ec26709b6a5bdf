namespace Nlctl.Tests.Infrastructure;

/// <summary>Assertions every error path shares.</summary>
public static class Expect
{
    /// <summary>One line on stderr (exactly <paramref name="message"/> unless it is empty), no .NET wording, nothing on stdout, the exit status.</summary>
    public static void OneErrorLine(ProcessResult result, int exitCode, string message)
    {
        Assert.Equal(string.Empty, result.Stdout);
        string line = Assert.Single(result.StderrLines);
        if (message.Length > 0)
        {
            Assert.Equal(message, line);
        }

        Assert.Equal(exitCode, result.ExitCode);
        foreach (string dotnet in new[] { "Exception", "(Parameter", "   at ", "System.", "Unhandled" })
        {
            Assert.DoesNotContain(dotnet, line, StringComparison.Ordinal);
        }
    }
}
