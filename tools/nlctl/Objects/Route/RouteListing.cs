using Nlctl.Cli;
using Nlctl.Output;

namespace Nlctl.Objects.Route;

/// <summary>Routes printed as they arrive: text lines, or the elements of one JSON array. Dispose to finish.</summary>
internal sealed class RouteListing : IDisposable
{
    private readonly CommandContext _context;
    private readonly RouteText _text;
    private readonly RouteJson _jsonFormat;
    private readonly JsonOutput? _json;

    public RouteListing(CommandContext context, LinkNameCache names, RouteColumns columns)
    {
        _context = context;
        _text = new RouteText(names, columns, context.Painter);
        _jsonFormat = new RouteJson(names, columns);
        if (context.Json)
        {
            _json = context.Output.BeginJson();
            _json.Writer.WriteStartArray();
        }
    }

    public void Add(Netlink.Route.Route route)
    {
        if (_json is null)
        {
            string text = _text.Format(route);
            _context.Text.WriteLine(_context.Options.Oneline ? text.Replace('\n', '\\') : text);
            return;
        }

        _jsonFormat.Write(_json.Writer, route);
        _json.FlushIfLarge();
    }

    public void Dispose()
    {
        if (_json is not null)
        {
            _json.Writer.WriteEndArray();
            _json.Dispose();
        }
    }
}
