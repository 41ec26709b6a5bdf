using System.Diagnostics;

namespace Nlctl.Tests.Infrastructure;

/// <summary>What a finished process printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The stderr lines (without the final newline).</summary>
    public string[] StderrLines => Stderr.Length == 0 ? [] : Stderr.TrimEnd('\n').Split('\n');

    /// <summary>Throws with stderr unless the exit status is 0; returns stdout.</summary>
    public string Checked(string what) => ExitCode == 0 ? Stdout : throw new InvalidOperationException($"{what} exited {ExitCode}: {Stderr}");
}

/// <summary>Runs nlctl (the build copied next to the tests), ip, ss and bash as processes.</summary>
public static class Run
{
    /// <summary>The built nlctl.</summary>
    public static readonly string NlctlDll = Path.Combine(AppContext.BaseDirectory, "nlctl.dll");

    /// <summary>Runs <c>nlctl ARGS</c>.</summary>
    public static ProcessResult Nlctl(params string[] arguments) => Process("dotnet", [NlctlDll, .. arguments]);

    /// <summary>Runs <c>nlctl ARGS</c> with <paramref name="stdin"/> as its input.</summary>
    public static ProcessResult NlctlWithInput(byte[] stdin, params string[] arguments) => Process("dotnet", [NlctlDll, .. arguments], stdin);

    /// <summary>Runs <c>nlctl ARGS</c> and returns stdout; fails with stderr otherwise.</summary>
    public static string NlctlChecked(params string[] arguments) => Nlctl(arguments).Checked("nlctl " + string.Join(' ', arguments));

    /// <summary>Runs <c>ip ARGS</c> and returns stdout; fails with stderr otherwise.</summary>
    public static string Ip(params string[] arguments) => Process("ip", arguments).Checked("ip " + string.Join(' ', arguments));

    /// <summary>Runs a bash command line (for arguments that are not UTF-8, and redirections).</summary>
    public static ProcessResult Bash(string commandLine) => Process("bash", ["-c", commandLine]);

    /// <summary>The shell text that runs nlctl (for <see cref="Bash"/>).</summary>
    public static string NlctlCommand => $"dotnet {NlctlDll}";

    /// <summary>Runs a program and captures its output; kills it after 60 s.</summary>
    public static ProcessResult Process(string file, IEnumerable<string> arguments, byte[]? stdin = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish");
        }

        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
