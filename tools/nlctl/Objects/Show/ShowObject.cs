using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Netlink.Route;
using Nlctl.Cli;
using Nlctl.Objects.Address;
using Nlctl.Objects.Route;
using Nlctl.Output;

namespace Nlctl.Objects.Show;

/// <summary>
/// <c>nlctl show</c>: the links with their addresses, then the IPv4 and IPv6 routes, in one go:
/// what <c>ip addr</c>, <c>ip route</c> and <c>ip -6 route</c> print. With -j one object:
/// <c>{"links": [ip -j addr], "routes": [ip -j route], "routes6": [ip -j -6 route]}</c>.
/// </summary>
internal static class ShowObject
{
    private const string Usage = """
        Usage: nlctl show
        Links with their addresses, then the IPv4 and IPv6 routes (ip addr + ip route + ip -6 route).
        With -j: {"links": [...], "routes": [...], "routes6": [...]} in ip -j's fields.

        """;

    public static CliObject Definition { get; } = new()
    {
        Names = ["show"],
        Summary = "links with their addresses, and the IPv4 and IPv6 routes (ip addr + ip route + ip -6 route)",
        Usage = Usage,
        Run = RunAsync,
        Grammar = new Completion.Grammar(null) { Words = ["help"] },
    };

    private static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        if (!args.AtEnd)
        {
            string word = args.Next();
            if (Keywords.Matches(word, "help"))
            {
                context.Text.Write(Usage);
                return;
            }

            throw UsageException.Garbage(word, "show");
        }

        // Pretty-printing, if asked, applies to the whole document, not to its parts.
        GlobalOptions parts = context.Options with { Pretty = false, Family = AddressFamily.Unspecified };
        await using RouteSession session = context.OpenRoute();
        string links = await CaptureAsync(context, parts, c => AddressShow.ListAsync(c, session.Client, new AddressShow.Selection(null, false, null, null), cancellationToken));
        string routes = await CaptureAsync(context, parts, c => RouteShow.ListAsync(c, session, new RouteFilter { Family = AddressFamily.InterNetwork }, cancellationToken));
        string routes6 = await CaptureAsync(context, parts, c => RouteShow.ListAsync(c, session, new RouteFilter { Family = AddressFamily.InterNetworkV6 }, cancellationToken));
        if (!context.Json)
        {
            context.Text.Write(links);
            context.Text.WriteLine();
            context.Text.WriteLine("IPv4 routes:");
            context.Text.Write(routes);
            context.Text.WriteLine();
            context.Text.WriteLine("IPv6 routes:");
            context.Text.Write(routes6);
            return;
        }

        using JsonOutput json = context.Output.BeginJson();
        json.Writer.WriteStartObject();
        json.Writer.WritePropertyName("links");
        json.Writer.WriteRawValue(links);
        json.Writer.WritePropertyName("routes");
        json.Writer.WriteRawValue(routes);
        json.Writer.WritePropertyName("routes6");
        json.Writer.WriteRawValue(routes6);
        json.Writer.WriteEndObject();
    }

    /// <summary>Runs one listing into a string (one JSON array with -j).</summary>
    private static async Task<string> CaptureAsync(CommandContext context, GlobalOptions options, Func<CommandContext, Task> list)
    {
        using var buffer = new MemoryStream();
        using (var output = new StdOutput(buffer, prettyJson: false))
        {
            await list(context.With(output, options));
            output.Flush();
        }

        string text = Encoding.UTF8.GetString(buffer.ToArray());

        // Each JSON part ends with the newline a document ends with; inside the whole document it does not belong.
        return options.Json ? text.TrimEnd('\n') : text;
    }
}
