using System.Globalization;
using System.Text.Json;
using Netlink.Route;
using Nlctl.Cli;
using Nlctl.Objects.Address;
using Nlctl.Objects.Link;
using Nlctl.Objects.Neighbour;
using Nlctl.Objects.Route;
using Nlctl.Objects.Rule;
using Nlctl.Output;

namespace Nlctl.Objects.Monitor;

/// <summary>
/// Prints events as <c>ip monitor</c> does ("Deleted " before removals, links and addresses on two
/// lines) or, with -j, as one JSON object per line: the object's <c>show -j</c> fields after
/// "event" and "object".
/// </summary>
internal sealed class MonitorPrinter(CommandContext context, LinkNameCache names, bool label)
{
    private readonly RouteText _routeText = new(names, new RouteColumns { Table = true }, context.Painter);
    private readonly RouteJson _routeJson = new(names, new RouteColumns { Table = true });
    private readonly NeighbourOutput _neighbours = new(names, showDevice: true, context.Painter);

    public void Print(RouteEvent item)
    {
        if (item.Link is { } link)
        {
            names.Remember(link.Index, link.Name);
        }

        if (context.Json)
        {
            context.Text.WriteLine(JsonOutput.Line(json => WriteJson(json, item)));
            return;
        }

        if (context.Options.Timestamp)
        {
            DateTime now = DateTime.Now;
            context.Text.WriteLine($"Timestamp: {now.ToString("ddd MMM ", CultureInfo.InvariantCulture)}{now.Day,2} {now.ToString("HH:mm:ss yyyy", CultureInfo.InvariantCulture)} {now.Ticks % TimeSpan.TicksPerSecond / 10} usec");
        }

        string prefix = (label ? Label(item) : string.Empty) + (item.Kind == RouteEventKind.Deleted ? "Deleted " : string.Empty);
        context.Text.WriteLine(prefix + Text(item));
    }

    private string Text(RouteEvent item) => item switch
    {
        { Kind: RouteEventKind.Overrun } => "Overrun: the kernel dropped events here; re-read the state",
        { Link: { } link } => LinkText.HeaderLine(link, LinksFor(link), includeLinkMode: false, includeQueueLength: false, context.Painter)
            + "\n" + LinkText.LinkLayerLine(link, context.Painter),
        { Address: { } address } => $"{address.LinkIndex}: {names.Name(address.LinkIndex)}    "
            + AddressText.FirstLine(address, names.Name(address.LinkIndex), context.Painter).TrimStart() + "\n" + AddressText.LifetimeLine(address),
        { Route: { } route } => _routeText.Format(route),
        { Neighbour: { } neighbour } => _neighbours.Text(neighbour),
        { Rule: { } rule } => RuleOutput.Text(rule, context.Options.Details),
        _ => item.Kind.ToString().ToLowerInvariant(),
    };

    private void WriteJson(Utf8JsonWriter json, RouteEvent item)
    {
        string kind = item.Kind switch
        {
            RouteEventKind.New => "new",
            RouteEventKind.Deleted => "deleted",
            RouteEventKind.Overrun => "overrun",
            _ => "synchronized",
        };
        void Leading(Utf8JsonWriter writer, string objectName)
        {
            writer.WriteString("event", kind);
            writer.WriteString("object", objectName);
        }

        switch (item)
        {
            case { Link: { } link }:
                json.WriteStartObject();
                Leading(json, "link");
                LinkShow.WriteJson(json, link, LinksFor(link), context.Options);
                json.WriteEndObject();
                break;
            case { Address: { } address }:
                json.WriteStartObject();
                Leading(json, "address");
                json.WriteNumber("ifindex", address.LinkIndex);
                json.WriteString("ifname", Printable.Name(names.Name(address.LinkIndex)));
                json.WriteStartArray("addr_info");
                AddressText.WriteJson(json, address);
                json.WriteEndArray();
                json.WriteEndObject();
                break;
            case { Route: { } route }:
                _routeJson.Write(json, route, writer => Leading(writer, "route"));
                break;
            case { Neighbour: { } neighbour }:
                _neighbours.WriteJson(json, neighbour, writer => Leading(writer, "neigh"));
                break;
            case { Rule: { } rule }:
                RuleOutput.WriteJson(json, rule, context.Options.Details, writer => Leading(writer, "rule"));
                break;
            default:
                json.WriteStartObject();
                json.WriteString("event", kind);
                json.WriteEndObject();
                break;
        }
    }

    private LinkSet LinksFor(Netlink.Route.Link link) => new([link], names.TryName);

    private static string Label(RouteEvent item) => item.ObjectKind switch
    {
        RouteObjectKind.Link => "[LINK]",
        RouteObjectKind.Address => "[ADDR]",
        RouteObjectKind.Route => "[ROUTE]",
        RouteObjectKind.Neighbour => "[NEIGH]",
        RouteObjectKind.Rule => "[RULE]",
        _ => string.Empty,
    };
}
