using System.Globalization;
using System.Text;
using Netlink;
using Netlink.Packet;
using Nlctl.Cli;
using Nlctl.Output;

namespace Nlctl.Objects.Packet;

/// <summary><c>nlctl packet capture -i IFACE [-e TYPE] [-c N] [-p] [-j]</c>.</summary>
internal static class PacketCapture
{
    private static readonly Dictionary<string, (string, bool)> Spec = new()
    {
        ["-i"] = ("interface", true), ["--interface"] = ("interface", true),
        ["-e"] = ("ethertype", true), ["--ethertype"] = ("ethertype", true),
        ["-c"] = ("count", true), ["--count"] = ("count", true),
        ["-p"] = ("promisc", false), ["--promisc"] = ("promisc", false),
        ["-j"] = ("json", false), ["--json"] = ("json", false),
    };

    public static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        PacketOptions options = PacketOptions.Parse(args, "capture", Spec);
        string interfaceName = options.Required("interface");
        ushort type = options.Value("ethertype") is { } typeText ? PacketWords.EtherType(typeText) : EtherTypes.All;
        int? limit = null;
        if (options.Value("count") is { } countText)
        {
            limit = Netlink.Route.Iproute2.Iproute2Number.TryParseUInt32(countText, out uint n) && n is > 0 and <= int.MaxValue
                ? (int)n
                : throw UsageException.Invalid(countText, "\"--count\" must be a positive number");
        }

        bool json = context.Json || options.Has("json");
        using NetworkNamespace? netns = context.OpenNamespace();
        using PacketSocket socket = PacketSocket.Open(interfaceName, type, new PacketSocketOptions { Namespace = netns, Promiscuous = options.Has("promisc") });
        int received = 0;
        try
        {
            while (limit is null || received < limit)
            {
                PacketFrame frame = await socket.ReceiveFrameAsync(cancellationToken);
                received++;
                context.Text.WriteLine(json ? FrameJson(frame) : FrameText(frame));
                context.Output.Flush();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted: report what was seen, like tcpdump.
        }

        PacketStatistics statistics = socket.GetStatistics();
        await Console.Error.WriteLineAsync($"{received} frames printed, {statistics.Received} received by the socket, {statistics.Dropped} dropped by the kernel");
    }

    private static string FrameText(PacketFrame frame)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{PacketWords.Mac(frame.Source)} > {PacketWords.Mac(frame.Destination)}, ethertype 0x{frame.EtherType:x4}, {PacketWords.PacketTypeName(frame.PacketType)}, length {frame.Length}");
        ReadOnlySpan<byte> data = frame.Data.Span;
        for (int offset = 0; offset < data.Length; offset += 16)
        {
            ReadOnlySpan<byte> line = data.Slice(offset, Math.Min(16, data.Length - offset));
            text.Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"  0x{offset:x4}:  ");
            for (int i = 0; i < line.Length; i++)
            {
                text.Append(i == 8 ? "  " : i > 0 ? " " : string.Empty);
                text.Append(line[i].ToString("x2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static string FrameJson(PacketFrame frame) => JsonOutput.Line(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("source", PacketWords.Mac(frame.Source));
        writer.WriteString("destination", frame.Destination is null ? null : PacketWords.Mac(frame.Destination));
        writer.WriteString("ethertype", $"0x{frame.EtherType:x4}");
        writer.WriteString("pkttype", PacketWords.PacketTypeName(frame.PacketType));
        writer.WriteNumber("ifindex", frame.InterfaceIndex);
        writer.WriteNumber("length", frame.Length);
        writer.WriteString("data", Convert.ToHexStringLower(frame.Data.Span));
        writer.WriteEndObject();
    });
}
