using Netlink;
using Netlink.Route;
using Nlctl.Cli;

namespace Nlctl.Objects.Link;

/// <summary>
/// <c>nlctl link set [dev] DEV [up|down] [mtu N] [name X] [address MAC] [txqlen N] [alias X]
/// [master DEV|nomaster] [netns NS|PID]</c> and <c>nlctl link del [dev] DEV</c>.
/// </summary>
internal static class LinkChange
{
    public static async Task SetAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        args.Take("dev");
        string device = args.Value("dev");
        await using RouteSession session = context.OpenRoute();
        int index = session.Names.Index(device);
        var changes = new LinkChanges();
        NetworkNamespace? target = null;
        try
        {
            while (!args.AtEnd)
            {
                string word = args.Next();
                changes = word switch
                {
                    "up" or "down" => changes with { Up = word == "up" },
                    "mtu" => changes with { Mtu = args.UInt32(word) },
                    "name" => changes with { Name = args.Value(word) },
                    "address" => changes with { Address = LinkWords.Mac(args.Value(word)) },
                    "txqlen" or "qlen" or "txqueuelen" => changes with { TxQueueLength = args.UInt32(word) },
                    "alias" => changes with { Alias = args.Value(word) },
                    "master" => changes with { MasterIndex = session.Names.Index(args.Value(word)) },
                    "nomaster" => changes with { MasterIndex = 0 },
                    "netns" => WithNamespace(changes, args.Value(word), ref target),
                    _ => throw UsageException.Garbage(word, "link"),
                };
            }

            await session.Client.SetLinkAsync(index, changes, cancellationToken);
        }
        finally
        {
            target?.Dispose();
        }
    }

    public static async Task DeleteAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        args.Take("dev");
        string device = args.Value("dev");
        if (!args.AtEnd)
        {
            throw UsageException.Garbage(args.Next(), "link");
        }

        await using RouteSession session = context.OpenRoute();
        await session.Client.DeleteLinkAsync(session.Names.Index(device), cancellationToken);
    }

    private static LinkChanges WithNamespace(LinkChanges changes, string value, ref NetworkNamespace? target)
    {
        (target, int? pid) = LinkWords.Namespace(value);
        return changes with { Namespace = target, NamespacePid = pid };
    }
}
