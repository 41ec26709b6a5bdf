using System.CommandLine;
using Netlink;

namespace Nlctl.Cli;

/// <summary>Builds the command tree and runs it, turning errors into one line on stderr and an exit code.</summary>
internal static class NlctlApp
{
    /// <summary>Exit code for a request the kernel refused or a failure talking to it.</summary>
    public const int KernelError = 2;

    /// <summary>Exit code for bad arguments.</summary>
    public const int UsageError = 1;

    public static async Task<int> RunAsync(string[] args)
    {
        RootCommand root = Build();
        ParseResult parseResult = root.Parse(args);
        try
        {
            // Our handler below prints one line per user or kernel error; System.CommandLine's
            // default handler would print a stack trace and exit 1 for all of them.
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            return await parseResult.InvokeAsync(configuration);
        }
        catch (Exception error) when (Describe(error) is { } message)
        {
            Console.Error.WriteLine($"nlctl: {message}");
            return error is NetlinkException ? KernelError : UsageError;
        }
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("nlctl: links, addresses, routes, neighbours, rules, sockets and process events over netlink");
        root.Options.Add(GlobalOptions.Netns);
        root.Options.Add(GlobalOptions.Json);
        foreach (Command command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Every object nlctl knows; one line per command file (classes in Nlctl.Commands).</summary>
    private static IEnumerable<Command> Commands()
    {
        yield return Nlctl.Commands.ShowCommand.Create();
        yield return Nlctl.Commands.PacketCommand.Create();
        yield return Nlctl.Commands.SsCommand.Create();
        yield return Nlctl.Commands.ProcEventsCommand.Create();
        yield return Nlctl.Commands.RouteCommand.Create();
        yield return Nlctl.Commands.LinkCommand.Create();
        yield return Nlctl.Commands.AddressCommand.Create();
        yield return Nlctl.Commands.MonitorCommand.Create();
        yield return Nlctl.Commands.DecodeCommand.Create();
        yield break;
    }

    /// <summary>The one-line text for errors that are the user's or the kernel's, null for bugs (which keep their stack trace).</summary>
    private static string? Describe(Exception error) => error switch
    {
        UserErrorException => error.Message,
        NetlinkException => error.Message,
        ArgumentException => error.Message,
        FormatException => error.Message,
        UnauthorizedAccessException => $"{error.Message} (are you root?)",
        OperationCanceledException => "cancelled",
        _ => null,
    };
}
