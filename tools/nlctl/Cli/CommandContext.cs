using Netlink;
using Netlink.Route;
using Nlctl.Output;

namespace Nlctl.Cli;

/// <summary>What every command gets: the global options, the output, and the target namespace.</summary>
internal sealed class CommandContext(GlobalOptions options, StdOutput output)
{
    /// <summary>The options before the object.</summary>
    public GlobalOptions Options { get; } = options;

    /// <summary>Where results go.</summary>
    public StdOutput Output { get; } = output;

    /// <summary>Shorthand for <see cref="StdOutput.Text"/>.</summary>
    public TextWriter Text => Output.Text;

    /// <summary>True with -j.</summary>
    public bool Json => Options.Json;

    /// <summary>Colours for text output, per -c and whether stdout is a terminal.</summary>
    public Painter Painter { get; } = new(options.Color == ColorMode.Always || (options.Color == ColorMode.Auto && !Console.IsOutputRedirected));

    /// <summary>The same options writing to <paramref name="output"/> (commands built from other commands).</summary>
    public CommandContext With(StdOutput output, GlobalOptions? options = null) => new(options ?? Options, output);

    /// <summary>Opens the -n namespace, or returns null for the current one.</summary>
    /// <exception cref="UsageException">The namespace cannot be opened (ip's words).</exception>
    public NetworkNamespace? OpenNamespace() => Namespaces.Open(Options.Netns);

    /// <summary>Opens a rtnetlink client (and the interface name cache) in the -n namespace.</summary>
    public RouteSession OpenRoute()
    {
        NetworkNamespace? netns = OpenNamespace();
        try
        {
            return new RouteSession(netns, RouteClient.Open(netns));
        }
        catch
        {
            netns?.Dispose();
            throw;
        }
    }
}

/// <summary>A rtnetlink client in the command's namespace, with interface names looked up on demand.</summary>
internal sealed class RouteSession(NetworkNamespace? netns, RouteClient client) : IAsyncDisposable
{
    /// <summary>The client.</summary>
    public RouteClient Client { get; } = client;

    /// <summary>Interface names and indexes of the namespace.</summary>
    public LinkNameCache Names { get; } = new(client);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        netns?.Dispose();
    }
}
