using System.CommandLine;
using System.Globalization;
using System.Net.NetworkInformation;
using System.Text;
using System.Text.Json;
using Netlink;
using Netlink.Packet;
using Nlctl.Cli;

namespace Nlctl.Commands;

/// <summary><c>nlctl packet capture|send</c>: raw AF_PACKET frames on one interface.</summary>
internal static class PacketCommand
{
    private static readonly Option<string> Interface = new("--interface", "-i")
    {
        Description = "The interface (in the -n namespace)",
        HelpName = "IFACE",
        Required = true,
    };

    public static Command Create()
    {
        var command = new Command("packet", "Capture and send link-layer frames on an interface (AF_PACKET)");
        command.Subcommands.Add(CreateCapture());
        command.Subcommands.Add(CreateSend());
        return command;
    }

    private static Command CreateCapture()
    {
        var etherType = new Option<string?>("--ethertype", "-e")
        {
            Description = "Only frames of this EtherType (e.g. 0x88b5); default: every protocol",
            HelpName = "TYPE",
        };
        var count = new Option<int?>("--count", "-c")
        {
            Description = "Stop after N frames; default: until interrupted",
            HelpName = "N",
        };
        var promiscuous = new Option<bool>("--promisc", "-p")
        {
            Description = "Put the interface into promiscuous mode while capturing",
        };
        var command = new Command("capture", "Print received frames: source, destination, EtherType, packet type, length and hex (with -j: one JSON object per line)")
        {
            Interface,
            etherType,
            count,
            promiscuous,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            CommandContext context = CommandContext.From(parseResult);
            string interfaceName = parseResult.GetValue(Interface)!;
            string? typeText = parseResult.GetValue(etherType);
            ushort type = typeText is null ? EtherTypes.All : ParseEtherType(typeText);
            int? limit = parseResult.GetValue(count);
            if (limit is <= 0)
            {
                throw new UserErrorException($"--count must be positive, got {limit}");
            }

            using NetworkNamespace? netns = context.OpenNamespace();
            using PacketSocket socket = PacketSocket.Open(interfaceName, type, new PacketSocketOptions
            {
                Namespace = netns,
                Promiscuous = parseResult.GetValue(promiscuous),
            });

            int received = 0;
            try
            {
                while (limit is null || received < limit)
                {
                    PacketFrame frame = await socket.ReceiveFrameAsync(cancellationToken);
                    received++;
                    context.Output.WriteLine(context.Json ? FrameJson(frame) : FrameText(frame));
                    context.Output.Flush();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Interrupted: report what was seen, like tcpdump.
            }

            PacketStatistics statistics = socket.GetStatistics();
            Console.Error.WriteLine($"{received} frames printed, {statistics.Received} received by the socket, {statistics.Dropped} dropped by the kernel");
            return 0;
        });
        return command;
    }

    private static Command CreateSend()
    {
        var destination = new Option<string>("--dst", "-d")
        {
            Description = "Destination hardware address, e.g. 02:00:00:00:00:0b or ff:ff:ff:ff:ff:ff",
            HelpName = "MAC",
            Required = true,
        };
        var etherType = new Option<string>("--ethertype", "-e")
        {
            Description = "EtherType of the frame, e.g. 0x88b5 (at least 0x0600)",
            HelpName = "TYPE",
            Required = true,
        };
        var payload = new Option<string>("--payload", "-p")
        {
            Description = "The payload after the Ethernet header, in hex (':', '-' and spaces are ignored)",
            HelpName = "HEX",
            Required = true,
        };
        var command = new Command("send", "Send one frame; the kernel builds the link header from the interface's address, --dst and --ethertype")
        {
            Interface,
            destination,
            etherType,
            payload,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            CommandContext context = CommandContext.From(parseResult);
            string interfaceName = parseResult.GetValue(Interface)!;
            PhysicalAddress target = ParseHardwareAddress(parseResult.GetValue(destination)!);
            ushort type = ParseEtherType(parseResult.GetValue(etherType)!);
            byte[] bytes = ParseHex(parseResult.GetValue(payload)!);

            using NetworkNamespace? netns = context.OpenNamespace();
            using PacketSocket socket = PacketSocket.Open(interfaceName, type, new PacketSocketOptions { Namespace = netns, Mode = PacketSocketMode.Datagram });
            socket.SendTo(bytes, target);

            if (context.Json)
            {
                context.Output.WriteLine(Json(writer =>
                {
                    writer.WriteString("ifname", socket.InterfaceName);
                    writer.WriteNumber("ifindex", socket.InterfaceIndex);
                    writer.WriteString("source", FormatAddress(socket.HardwareAddress));
                    writer.WriteString("destination", FormatAddress(target));
                    writer.WriteString("ethertype", $"0x{type:x4}");
                    writer.WriteNumber("length", bytes.Length);
                }));
            }
            else
            {
                context.Output.WriteLine($"sent {bytes.Length} bytes, EtherType 0x{type:x4}, {FormatAddress(socket.HardwareAddress)} > {FormatAddress(target)} on {socket.InterfaceName}");
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static ushort ParseEtherType(string text)
    {
        string digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        NumberStyles style = digits.Length != text.Length ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        if (!ushort.TryParse(digits, style, CultureInfo.InvariantCulture, out ushort value))
        {
            throw new UserErrorException($"'{text}' is not an EtherType (use hex like 0x88b5 or a decimal number up to 65535)");
        }

        if (value < EtherTypes.Minimum)
        {
            throw new UserErrorException($"EtherType 0x{value:x4} is below 0x{EtherTypes.Minimum:x4}: smaller values are 802.3 frame lengths");
        }

        return value;
    }

    private static PhysicalAddress ParseHardwareAddress(string text)
    {
        if (!PhysicalAddress.TryParse(text, out PhysicalAddress? address) || address.GetAddressBytes().Length == 0)
        {
            throw new UserErrorException($"'{text}' is not a hardware address (use 02:00:00:00:00:0b)");
        }

        return address;
    }

    private static byte[] ParseHex(string text)
    {
        string digits = string.Concat(text.Where(c => c is not (':' or '-' or ' ')));
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            throw new UserErrorException($"'{text}' is not hex bytes (use e.g. 48656c6c6f or 48:65:6c:6c:6f)");
        }
    }

    private static string FormatAddress(PhysicalAddress? address) =>
        address is null ? "-" : string.Join(':', address.GetAddressBytes().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    private static string PacketTypeName(PacketType type) => type switch
    {
        PacketType.Host => "host",
        PacketType.Broadcast => "broadcast",
        PacketType.Multicast => "multicast",
        PacketType.OtherHost => "otherhost",
        PacketType.Outgoing => "outgoing",
        PacketType.Loopback => "loopback",
        _ => ((byte)type).ToString(CultureInfo.InvariantCulture),
    };

    private static string FrameText(PacketFrame frame)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{FormatAddress(frame.Source)} > {FormatAddress(frame.Destination)}, ethertype 0x{frame.EtherType:x4}, {PacketTypeName(frame.PacketType)}, length {frame.Length}");
        ReadOnlySpan<byte> data = frame.Data.Span;
        for (int offset = 0; offset < data.Length; offset += 16)
        {
            ReadOnlySpan<byte> line = data.Slice(offset, Math.Min(16, data.Length - offset));
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"  0x{offset:x4}:  ");
            for (int i = 0; i < line.Length; i++)
            {
                text.Append(i == 8 ? "  " : i > 0 ? " " : string.Empty);
                text.Append(line[i].ToString("x2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static string FrameJson(PacketFrame frame) => Json(writer =>
    {
        writer.WriteString("source", FormatAddress(frame.Source));
        writer.WriteString("destination", frame.Destination is null ? null : FormatAddress(frame.Destination));
        writer.WriteString("ethertype", $"0x{frame.EtherType:x4}");
        writer.WriteString("pkttype", PacketTypeName(frame.PacketType));
        writer.WriteNumber("ifindex", frame.InterfaceIndex);
        writer.WriteNumber("length", frame.Length);
        writer.WriteString("data", Convert.ToHexStringLower(frame.Data.Span));
    });

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
