namespace Nlctl.Cli;

/// <summary>Runs one object's command on the words after the object.</summary>
internal delegate Task CommandHandler(CommandContext context, Args args, CancellationToken cancellationToken);

/// <summary>
/// One object nlctl knows (<c>link</c>, <c>route</c>, <c>ss</c>…): its names, its help, what runs
/// it and what completes it. Each object's folder under Objects/ defines one; <see cref="ObjectRegistry"/>
/// lists them.
/// </summary>
internal sealed record CliObject
{
    /// <summary>The names it answers to, any prefix of each (the first is the one shown).</summary>
    public required string[] Names { get; init; }

    /// <summary>One line for <c>nlctl help</c>.</summary>
    public required string Summary { get; init; }

    /// <summary>The syntax, for <c>nlctl OBJECT help</c>.</summary>
    public required string Usage { get; init; }

    /// <summary>Runs the object's command.</summary>
    public required CommandHandler Run { get; init; }

    /// <summary>The object's words for shell completion.</summary>
    public Objects.Completion.Grammar? Grammar { get; init; }

    /// <summary>The name shown.</summary>
    public string Name => Names[0];
}
