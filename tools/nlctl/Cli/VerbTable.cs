namespace Nlctl.Cli;

/// <summary>
/// A verb of an object (<c>show</c>, <c>add</c>…) with the names it answers to and the keywords it
/// takes (for completion). Like ip, any prefix of a name selects it and the first verb in the
/// table's order wins: <c>ip route</c>'s <c>a</c> is add, <c>g</c> get, <c>s</c> show.
/// </summary>
internal sealed record Verb(string[] Names, CommandHandler Run)
{
    /// <summary>Keywords after the verb (completion).</summary>
    public string[] Keywords { get; init; } = [];

    /// <summary>True when a device name may stand alone after the verb (<c>link show eth0</c>).</summary>
    public bool TakesDevice { get; init; }
}

/// <summary>An object's verbs in ip's order, with the verb used when none is given.</summary>
internal sealed class VerbTable(string objectName, string usage, params Verb[] verbs)
{
    /// <summary>The verbs in order.</summary>
    public IReadOnlyList<Verb> Verbs => verbs;

    /// <summary>Runs the verb named by the next word (show when there is none; help prints the usage).</summary>
    public Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        if (args.AtEnd)
        {
            // No verb: list, as ip does.
            return (verbs.FirstOrDefault(v => v.Names.Contains("show")) ?? verbs[0]).Run(context, args, cancellationToken);
        }

        string typed = args.Next();
        if (Resolve(typed) is { } verb)
        {
            return verb.Run(context, args, cancellationToken);
        }

        if (Keywords.Matches(typed, "help"))
        {
            context.Text.Write(usage);
            return Task.CompletedTask;
        }

        throw new UsageException($"Command \"{typed}\" is unknown, try \"nlctl {objectName} help\".");
    }

    /// <summary>The verb <paramref name="typed"/> selects, or null.</summary>
    public Verb? Resolve(string typed) =>
        verbs.FirstOrDefault(v => v.Names.Any(name => Keywords.Matches(typed, name)));
}
