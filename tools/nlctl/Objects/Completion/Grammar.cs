using Nlctl.Cli;

namespace Nlctl.Objects.Completion;

/// <summary>What an object offers for shell completion: its verbs and their keywords, or its own words.</summary>
/// <param name="Verbs">The object's verbs (null for objects without verbs, such as ss).</param>
internal sealed record Grammar(VerbTable? Verbs)
{
    /// <summary>Words offered besides the verbs' (flags, object lists).</summary>
    public string[] Words { get; init; } = [];

    /// <summary>True when a plain word is a file name (decode's FILE).</summary>
    public bool CompletesFiles { get; init; }

    /// <summary>What <c>type</c> takes here (link kinds for link, route types for route).</summary>
    public ValueKind TypeValues { get; init; } = ValueKind.Free;
}

/// <summary>What the word after a keyword is.</summary>
internal enum ValueKind
{
    /// <summary>Not a keyword that takes a value.</summary>
    None,

    /// <summary>A value nlctl cannot guess (a number, an address): nothing offered.</summary>
    Free,

    /// <summary>An interface name of the namespace.</summary>
    Device,

    /// <summary>A routing table name.</summary>
    Table,

    /// <summary>A route protocol name.</summary>
    Protocol,

    /// <summary>A scope name.</summary>
    Scope,

    /// <summary>A neighbour state.</summary>
    NudState,

    /// <summary>A network namespace name.</summary>
    Namespace,

    /// <summary>A link kind.</summary>
    LinkKind,

    /// <summary>A route type.</summary>
    RouteType,

    /// <summary>An ss state.</summary>
    SsState,

    /// <summary>An address family (-f).</summary>
    Family,
}
