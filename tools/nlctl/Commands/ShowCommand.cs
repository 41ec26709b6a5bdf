using System.CommandLine;
using System.Text.Json;
using Nlctl.Cli;

namespace Nlctl.Commands;

/// <summary>
/// <c>nlctl show</c>: this machine's (or the -n namespace's) links with their addresses, then its
/// IPv4 and IPv6 routes, in one go: what <c>ip addr</c>, <c>ip route</c> and <c>ip -6 route</c>
/// print. With -j one object: <c>{"links": [ip -j addr], "routes": [ip -j route], "routes6": [ip -j -6 route]}</c>.
/// </summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var command = new Command("show", "Show links with their addresses, and the IPv4 and IPv6 routes (ip addr + ip route + ip -6 route)");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await RunAsync(CommandContext.From(parseResult), cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        string links = await CaptureAsync(context, output => AddressCommand.RunAsync(output, ["show"], cancellationToken));
        string routes = await CaptureAsync(context, output => RouteCommand.RunAsync(output, ["show"], cancellationToken));
        string routes6 = await CaptureAsync(context, output => RouteCommand.RunAsync(output, ["-6", "show"], cancellationToken));
        if (!context.Json)
        {
            context.Output.Write(links);
            context.Output.WriteLine();
            context.Output.WriteLine("IPv4 routes:");
            context.Output.Write(routes);
            context.Output.WriteLine();
            context.Output.WriteLine("IPv6 routes:");
            context.Output.Write(routes6);
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("links");
            json.WriteRawValue(links);
            json.WritePropertyName("routes");
            json.WriteRawValue(routes);
            json.WritePropertyName("routes6");
            json.WriteRawValue(routes6);
            json.WriteEndObject();
        }

        context.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Runs one of the show commands into a string (one JSON array with -j).</summary>
    private static async Task<string> CaptureAsync(CommandContext context, Func<CommandContext, Task> show)
    {
        using var output = new StringWriter();
        await show(context.WithOutput(output));
        return output.ToString();
    }
}
