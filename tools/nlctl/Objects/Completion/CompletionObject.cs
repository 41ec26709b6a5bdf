using System.Reflection;
using Nlctl.Cli;

namespace Nlctl.Objects.Completion;

/// <summary>
/// <c>nlctl completion bash</c> prints the bash completion script; <c>nlctl completion install
/// [FILE]</c> writes it where bash-completion finds it; the script calls
/// <c>nlctl completion words -- WORDS</c> for the candidates.
/// </summary>
internal static class CompletionObject
{
    private const string Usage = """
        Usage: nlctl completion bash              print the bash completion script
               nlctl completion install [ FILE ]  write it to FILE (default: /etc/bash_completion.d/nlctl
                                                  as root, else ~/.local/share/bash-completion/completions/nlctl)
        Or for this shell only: source <(nlctl completion bash)

        """;

    public static CliObject Definition { get; } = new()
    {
        Names = ["completion"],
        Summary = "shell completion: print or install the bash script",
        Usage = Usage,
        Run = RunAsync,
        Grammar = new Grammar(null) { Words = ["bash", "install", "help"] },
    };

    private static Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        string verb = args.AtEnd ? "help" : args.Next();
        switch (verb)
        {
            case "bash":
                context.Text.Write(Script());
                break;
            case "install":
                string path = args.AtEnd ? DefaultPath() : args.Next();
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                File.WriteAllText(path, Script());
                context.Text.WriteLine($"installed {path}; new shells complete nlctl (or: source {path})");
                break;
            case "words":
                args.Take("--");
                foreach (string candidate in CompletionEngine.Complete(args.Rest()))
                {
                    context.Text.WriteLine(candidate);
                }

                break;
            case "help" or "-h" or "--help":
                context.Text.Write(Usage);
                break;
            default:
                throw UsageException.Garbage(verb, "completion");
        }

        return Task.CompletedTask;
    }

    private static string DefaultPath() =>
        Environment.IsPrivilegedProcess
            ? "/etc/bash_completion.d/nlctl"
            : Path.Combine(
                Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } data ? data : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"),
                "bash-completion",
                "completions",
                "nlctl");

    private static string Script()
    {
        using Stream stream = typeof(CompletionObject).Assembly.GetManifestResourceStream("nlctl.bash")
            ?? throw new InvalidOperationException("the completion script is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
