using System.Text.Json;
using Netlink.Route;
using Nlctl.Cli;
using Nlctl.Output;

namespace Nlctl.Objects.Link;

/// <summary><c>nlctl link show [[dev] DEV] [type KIND] [master DEV] [up]</c>: text like ip link, -j, -br, -s, -d, -o.</summary>
internal static class LinkShow
{
    /// <summary>What to list.</summary>
    internal sealed record Selection(string? Device, string? Kind, string? Master, bool UpOnly);

    public static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        Selection selection = Parse(args);
        await using RouteSession session = context.OpenRoute();
        IReadOnlyList<Netlink.Route.Link> all = await session.Client.ListLinksAsync(cancellationToken: cancellationToken);
        var links = new LinkSet(all);
        IReadOnlyList<Netlink.Route.Link> shown = await SelectAsync(session.Client, links, selection, cancellationToken);
        Print(context, links, shown);
    }

    /// <summary>Reads the selection words.</summary>
    public static Selection Parse(Args args)
    {
        string? device = null;
        string? kind = null;
        string? master = null;
        bool up = false;
        while (!args.AtEnd)
        {
            string word = args.Next();
            switch (word)
            {
                case "dev":
                    device = args.Value(word);
                    break;
                case "type":
                    kind = args.Value(word);
                    break;
                case "master":
                    master = args.Value(word);
                    break;
                case "up":
                    up = true;
                    break;
                default:
                    device = device is null ? word : throw UsageException.Duplicate("dev", word);
                    break;
            }
        }

        return new Selection(device, kind, master, up);
    }

    /// <summary>The links the selection names (the kernel filters kind and master).</summary>
    public static async Task<IReadOnlyList<Netlink.Route.Link>> SelectAsync(RouteClient client, LinkSet links, Selection selection, CancellationToken cancellationToken)
    {
        IEnumerable<Netlink.Route.Link> shown = links.All;
        if (selection.Device is { } device)
        {
            shown = [links.Named(device) ?? throw new UsageException($"Device \"{Printable.Name(device)}\" does not exist.")];
        }
        else if (selection.Kind is not null || selection.Master is not null)
        {
            int? masterIndex = selection.Master is null ? null : (links.Named(selection.Master) ?? throw new UsageException($"Device \"{Printable.Name(selection.Master)}\" does not exist.")).Index;
            shown = await client.ListLinksAsync(new LinkFilter { Kind = selection.Kind, MasterIndex = masterIndex }, cancellationToken);
        }

        return [.. shown.Where(l => !selection.UpOnly || l.IsUp)];
    }

    private static void Print(CommandContext context, LinkSet links, IReadOnlyList<Netlink.Route.Link> shown)
    {
        GlobalOptions o = context.Options;
        if (context.Json)
        {
            using JsonOutput output = context.Output.BeginJson();
            Utf8JsonWriter json = output.Writer;
            json.WriteStartArray();
            foreach (Netlink.Route.Link link in shown)
            {
                json.WriteStartObject();
                if (o.Brief)
                {
                    LinkBrief.WriteJson(json, link, links);
                }
                else
                {
                    WriteJson(json, link, links, o);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            return;
        }

        foreach (Netlink.Route.Link link in shown)
        {
            if (o.Brief)
            {
                context.Text.WriteLine(LinkBrief.Text(link, links, context.Painter));
                continue;
            }

            TextLines.Write(context.Text, Lines(link, links, o, context.Painter), o.Oneline);
        }
    }

    /// <summary>One link's text lines as <c>ip link show</c> prints them.</summary>
    public static IEnumerable<string> Lines(Netlink.Route.Link link, LinkSet links, GlobalOptions options, Painter painter)
    {
        yield return LinkText.HeaderLine(link, links, includeLinkMode: true, includeQueueLength: true, painter);
        string layer = LinkText.LinkLayerLine(link, painter);
        yield return options.Details > 0 ? layer + LinkDetailsOutput.LinkLayerSuffix(link) : layer;
        if (options.Details > 0 && LinkDetailsOutput.KindLine(link) is { } kind)
        {
            yield return kind;
        }

        if (link.Alias is { } alias)
        {
            yield return "    alias " + alias;
        }

        if (options.Stats > 0)
        {
            foreach (string line in LinkStatisticsOutput.Text(link, options.Stats))
            {
                yield return line;
            }
        }
    }

    /// <summary>One link's object as <c>ip -j link show</c> writes it (with -s and -d additions).</summary>
    public static void WriteJson(Utf8JsonWriter json, Netlink.Route.Link link, LinkSet links, GlobalOptions options)
    {
        LinkJson.WriteFields(json, link, links, includeLinkMode: true);
        if (options.Details > 0)
        {
            LinkDetailsOutput.WriteJson(json, link);
        }

        if (link.Alias is { } alias)
        {
            json.WriteString("ifalias", Printable.Name(alias));
        }

        if (options.Stats > 0)
        {
            LinkStatisticsOutput.WriteJson(json, link, options.Stats);
        }
    }
}
