using System.Diagnostics;

namespace Netlink.Route.Tests.Cli;

/// <summary>Runs a program and captures its output (for ip and nlctl cross-checks).</summary>
internal static class ProcessRunner
{
    /// <summary>The built nlctl, copied next to the tests.</summary>
    public static readonly string NlctlDll = Path.Combine(AppContext.BaseDirectory, "nlctl.dll");

    public static (int ExitCode, string Stdout, string Stderr) Run(string file, IEnumerable<string> arguments, byte[]? stdin = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs and returns stdout; throws with stderr on a non-zero exit.</summary>
    public static string Check(string file, params string[] arguments)
    {
        (int exit, string stdout, string stderr) = Run(file, arguments);
        return exit == 0 ? stdout : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {exit}: {stderr}");
    }

    /// <summary>Runs nlctl with <paramref name="arguments"/>.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Nlctl(params string[] arguments) => Run("dotnet", [NlctlDll, .. arguments]);
}
