using System.Reflection;
using System.Runtime.InteropServices;
using Netlink;
using Nlctl.Objects.Help;
using Nlctl.Output;

namespace Nlctl.Cli;

/// <summary>
/// The front end: checks that the arguments arrived unchanged, reads ip's global options, picks
/// the object (by prefix, in ip's order) and runs it. Whatever fails ends as one line on stderr,
/// nothing on stdout and ip's exit status (1 usage, 2 kernel); help is printed only when asked.
/// </summary>
internal static class NlctlApp
{
    /// <summary>The version -V prints.</summary>
    public static string Version =>
        typeof(NlctlApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    public static async Task<int> RunAsync(string[] argv)
    {
        using var cancellation = new CancellationTokenSource();

        // Ctrl-C and SIGTERM end a command that follows events (monitor, proc-events, capture) cleanly.
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

        StdOutput? output = null;
        try
        {
            // An argument whose bytes are not UTF-8 (an interface named FA FB) keeps its bytes: .NET
            // decoded it to U+FFFD, which would name another link; the SDK sends the escaped bytes.
            var args = new Args(ProcessArguments.ToLossless(argv));
            GlobalOptions options = GlobalOptionParser.Parse(args);
            output = StdOutput.ForStdout(options.Pretty);
            var context = new CommandContext(options, output);
            if (options.Version)
            {
                output.Text.WriteLine($"nlctl utility, version {Version}");
            }
            else if (options.Help)
            {
                HelpObject.WriteGeneralHelp(output.Text);
            }
            else if (args.AtEnd)
            {
                throw new UsageException("No object given, try \"nlctl help\".");
            }
            else
            {
                CliObject target = ObjectRegistry.Resolve(args.Next());
                await target.Run(context, args, cancellation.Token);
            }

            output.Flush();
            output.Dispose();
            return 0;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            output?.Discard();
            output?.Dispose();
            return 130; // as a shell reports a command ended by SIGINT
        }
        catch (Exception error)
        {
            output?.Discard();
            output?.Dispose();
            (string line, int exitCode) = ErrorText.Describe(error);

            // A name typed as bytes that are not UTF-8 is shown as \xNN, so the line stays readable and unambiguous.
            await Console.Error.WriteLineAsync(Printable.Name(line));
            if (Environment.GetEnvironmentVariable("NLCTL_DEBUG") == "1")
            {
                await Console.Error.WriteLineAsync(error.ToString());
            }

            return exitCode;
        }

        void Cancel(PosixSignalContext signal)
        {
            signal.Cancel = true;
            cancellation.Cancel();
        }
    }
}
