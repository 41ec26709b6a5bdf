using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Cli;
using Nlctl.Objects.Link;
using Nlctl.Output;

namespace Nlctl.Objects.Address;

/// <summary>
/// <c>nlctl addr show [[dev] DEV] [up] [scope S] [label PATTERN]</c>: each link with its addresses,
/// as ip addr prints them (-4/-6 leave out links without such an address), or -j, -br, -o, -s.
/// </summary>
internal static class AddressShow
{
    /// <summary>What to list.</summary>
    internal sealed record Selection(string? Device, bool UpOnly, AddressScope? Scope, string? Label);

    public static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        Selection selection = Parse(args);
        await using RouteSession session = context.OpenRoute();
        await ListAsync(context, session.Client, selection, cancellationToken);
    }

    /// <summary>Lists and prints (also used by <c>nlctl show</c>).</summary>
    public static async Task ListAsync(CommandContext context, RouteClient client, Selection selection, CancellationToken cancellationToken)
    {
        IReadOnlyList<Netlink.Route.Link> all = await client.ListLinksAsync(cancellationToken: cancellationToken);
        var links = new LinkSet(all);
        IEnumerable<Netlink.Route.Link> shown = all;
        int? linkIndex = null;
        if (selection.Device is { } device)
        {
            Netlink.Route.Link link = links.Named(device) ?? throw new UsageException($"Device \"{Printable.Name(device)}\" does not exist.");
            linkIndex = link.Index;
            shown = [link];
        }

        AddressFamily family = context.Options.Family;
        IReadOnlyList<Netlink.Route.Address> addresses = await client.ListAddressesAsync(new AddressFilter { LinkIndex = linkIndex, Family = family }, cancellationToken);
        ILookup<int, Netlink.Route.Address> byLink = addresses
            .Where(a => selection.Scope is null || a.Scope == selection.Scope)
            .Where(a => selection.Label is null || System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(selection.Label, a.Label ?? string.Empty, ignoreCase: false))
            .ToLookup(a => a.LinkIndex);
        shown = shown.Where(l => !selection.UpOnly || l.IsUp);
        if (family != AddressFamily.Unspecified || selection.Scope is not null || selection.Label is not null)
        {
            // Like ip -4/-6 addr (and a scope or label filter): links without such an address are left out.
            shown = shown.Where(l => byLink[l.Index].Any());
        }

        // ip -6 addr lists the links through the kernel's IPv6 link dump, which carries neither the
        // qdisc nor the group; with a device it asks for that link in full. Print what ip prints.
        bool reduced = family == AddressFamily.InterNetworkV6 && selection.Device is null;
        Print(context, links, [.. shown.Select(l => reduced ? l with { Qdisc = null } : l)], byLink, includeGroup: !reduced);
    }

    /// <summary>Reads the selection words.</summary>
    public static Selection Parse(Args args)
    {
        string? device = null;
        bool up = false;
        AddressScope? scope = null;
        string? label = null;
        while (!args.AtEnd)
        {
            string word = args.Next();
            switch (word)
            {
                case "dev":
                    device = args.Value(word);
                    break;
                case "up":
                    up = true;
                    break;
                case "scope":
                    string text = args.Value(word);
                    scope = AddressScopeNames.TryParse(text, out AddressScope parsed) ? parsed : throw UsageException.Invalid(text, "invalid \"scope\"");
                    break;
                case "label":
                    label = args.Value(word);
                    break;
                default:
                    device = device is null ? word : throw UsageException.Duplicate("dev", word);
                    break;
            }
        }

        return new Selection(device, up, scope, label);
    }

    private static void Print(CommandContext context, LinkSet links, IReadOnlyList<Netlink.Route.Link> shown, ILookup<int, Netlink.Route.Address> byLink, bool includeGroup)
    {
        GlobalOptions o = context.Options;
        if (context.Json)
        {
            using JsonOutput output = context.Output.BeginJson();
            WriteJson(output.Writer, links, shown, byLink, o, includeGroup);
            return;
        }

        foreach (Netlink.Route.Link link in shown)
        {
            if (o.Brief)
            {
                context.Text.WriteLine(BriefLine(link, links, byLink[link.Index], context.Painter));
            }
            else if (o.Oneline)
            {
                foreach (Netlink.Route.Address address in byLink[link.Index])
                {
                    context.Text.WriteLine($"{link.Index}: {link.Name}    {AddressText.FirstLine(address, link.Name, context.Painter).TrimStart()}\\{AddressText.LifetimeLine(address)}");
                }
            }
            else
            {
                TextLines.Write(context.Text, Lines(link, links, byLink[link.Index], o, context.Painter, includeGroup), oneline: false);
            }
        }
    }

    /// <summary>A link and its addresses as ip addr prints them.</summary>
    private static IEnumerable<string> Lines(Netlink.Route.Link link, LinkSet links, IEnumerable<Netlink.Route.Address> addresses, GlobalOptions options, Painter painter, bool includeGroup)
    {
        yield return LinkText.HeaderLine(link, links, includeLinkMode: false, includeQueueLength: true, painter, includeGroup);
        if (options.Family == AddressFamily.Unspecified)
        {
            // ip -4/-6 addr leaves out the link layer.
            string layer = LinkText.LinkLayerLine(link, painter);
            yield return options.Details > 0 ? layer + LinkDetailsOutput.LinkLayerSuffix(link) : layer;
        }

        if (options.Details > 0 && LinkDetailsOutput.KindLine(link) is { } kind)
        {
            yield return kind;
        }

        foreach (Netlink.Route.Address address in addresses)
        {
            yield return AddressText.FirstLine(address, link.Name, painter);
            yield return AddressText.LifetimeLine(address);
        }

        if (options.Stats > 0)
        {
            foreach (string line in LinkStatisticsOutput.Text(link, options.Stats))
            {
                yield return line;
            }
        }
    }

    /// <summary>"va@vb            UP             10.0.0.1/24 2001:db8::1/64 ".</summary>
    private static string BriefLine(Netlink.Route.Link link, LinkSet links, IEnumerable<Netlink.Route.Address> addresses, Painter painter)
    {
        var line = new StringBuilder(LinkBrief.NameAndState(link, links, painter));
        foreach (Netlink.Route.Address address in addresses)
        {
            line.Append(painter.Paint(Painter.Of(address.Family), address.Local.ToString())).Append('/').Append(address.PrefixLength).Append(' ');
        }

        return line.ToString();
    }

    private static void WriteJson(Utf8JsonWriter json, LinkSet links, IReadOnlyList<Netlink.Route.Link> shown, ILookup<int, Netlink.Route.Address> byLink, GlobalOptions o, bool includeGroup)
    {
        json.WriteStartArray();
        foreach (Netlink.Route.Link link in shown)
        {
            json.WriteStartObject();
            if (o.Brief)
            {
                LinkBrief.WriteNameAndState(json, link, links);
                json.WriteStartArray("addr_info");
                foreach (Netlink.Route.Address address in byLink[link.Index])
                {
                    json.WriteStartObject();
                    json.WriteString("local", address.Local.ToString());
                    json.WriteNumber("prefixlen", address.PrefixLength);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                continue;
            }

            LinkJson.WriteFields(json, link, links, includeLinkMode: false, includeLinkLayer: o.Family == AddressFamily.Unspecified, includeGroup);
            if (o.Details > 0)
            {
                LinkDetailsOutput.WriteJson(json, link);
            }

            json.WriteStartArray("addr_info");
            foreach (Netlink.Route.Address address in byLink[link.Index])
            {
                AddressText.WriteJson(json, address);
            }

            json.WriteEndArray();
            if (o.Stats > 0)
            {
                LinkStatisticsOutput.WriteJson(json, link, o.Stats);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
