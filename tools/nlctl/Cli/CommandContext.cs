using System.CommandLine;
using Netlink;

namespace Nlctl.Cli;

/// <summary>What every command needs from the command line: the target namespace and the output form.</summary>
internal sealed class CommandContext
{
    private CommandContext(string? netns, bool json, TextWriter output)
    {
        NetnsName = netns;
        Json = json;
        Output = output;
    }

    /// <summary>The -n argument, or null for the current namespace.</summary>
    public string? NetnsName { get; }

    /// <summary>True when -j was given.</summary>
    public bool Json { get; }

    /// <summary>Where results go (stdout).</summary>
    public TextWriter Output { get; }

    /// <summary>True when <see cref="Output"/> is the process's stdout (so large output may bypass the TextWriter).</summary>
    public bool IsConsole => ReferenceEquals(Output, Console.Out);

    /// <summary>The same namespace and output form, writing to <paramref name="output"/> (commands built from other commands).</summary>
    public CommandContext WithOutput(TextWriter output) => new(NetnsName, Json, output);

    public static CommandContext From(ParseResult parseResult) =>
        new(parseResult.GetValue(GlobalOptions.Netns), parseResult.GetValue(GlobalOptions.Json), Console.Out);

    /// <summary>Opens the -n namespace (a name under /run/netns or a path), or returns null for the current one.</summary>
    public NetworkNamespace? OpenNamespace()
    {
        if (NetnsName is null)
        {
            return null;
        }

        if (NetnsName.Contains('/'))
        {
            return NetworkNamespace.OpenPath(NetnsName);
        }

        if (!NetworkNamespace.Exists(NetnsName))
        {
            throw new UserErrorException($"network namespace \"{NetnsName}\" does not exist (no {NetworkNamespace.RunDirectory}/{NetnsName})");
        }

        return NetworkNamespace.Open(NetnsName);
    }
}
