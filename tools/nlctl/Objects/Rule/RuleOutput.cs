using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Netlink.Route;
using Netlink.Route.Iproute2;

namespace Nlctl.Objects.Rule;

/// <summary>A rule as <c>ip rule</c> prints it ("PRIO:\tfrom … lookup T") and <c>ip -j rule</c> writes it.</summary>
internal static class RuleOutput
{
    private const uint IifDetached = 0x8;
    private const uint OifDetached = 0x10;

    /// <summary>"100:\tfrom 10.1.0.0/16 lookup 100": words in ip's order, single spaces, none at the end.</summary>
    public static string Text(Netlink.Route.Rule rule, int details)
    {
        var words = new List<string>();
        if (rule.Invert)
        {
            words.Add("not");
        }

        words.Add("from");
        words.Add(Prefix(rule.Source));
        if (rule.Destination is { } destination)
        {
            words.Add("to");
            words.Add(Prefix(destination));
        }

        if (rule.Tos != 0)
        {
            words.Add("tos");
            words.Add(Hex(rule.Tos));
        }

        if (rule.FirewallMark is { } mark)
        {
            words.Add("fwmark");
            words.Add(rule.FirewallMask is { } mask && mask != uint.MaxValue ? $"{Hex(mark)}/{Hex(mask)}" : Hex(mark));
        }

        if (rule.InputInterface is { } iif)
        {
            words.Add("iif");
            words.Add(iif);
            if ((rule.Flags & IifDetached) != 0)
            {
                words.Add("[detached]");
            }
        }

        if (rule.OutputInterface is { } oif)
        {
            words.Add("oif");
            words.Add(oif);
            if ((rule.Flags & OifDetached) != 0)
            {
                words.Add("[detached]");
            }
        }

        if (rule.UidRange is { } uids)
        {
            words.Add("uidrange");
            words.Add(string.Create(CultureInfo.InvariantCulture, $"{uids.Start}-{uids.End}"));
        }

        if (rule.IpProtocol is { } ipProtocol)
        {
            words.Add("ipproto");
            words.Add(IpProtocolNames.Format(ipProtocol));
        }

        AddPorts(words, "sport", rule.SourcePorts);
        AddPorts(words, "dport", rule.DestinationPorts);
        switch (rule.Action)
        {
            case RuleAction.ToTable:
                words.Add("lookup");
                words.Add(RouteTableNames.Format(rule.Table ?? RouteTables.Main));
                break;
            case RuleAction.Goto:
                words.Add("goto");
                words.Add(rule.GotoPriority?.ToString(CultureInfo.InvariantCulture) ?? "none");
                break;
            default:
                words.Add(RuleActionNames.Format(rule.Action));
                break;
        }

        if (rule.SuppressPrefixLength is { } suppressLength)
        {
            words.Add("suppress_prefixlength");
            words.Add(suppressLength.ToString(CultureInfo.InvariantCulture));
        }

        if (rule.SuppressInterfaceGroup is { } suppressGroup)
        {
            words.Add("suppress_ifgroup");
            words.Add(suppressGroup.ToString(CultureInfo.InvariantCulture));
        }

        if (ShowsProtocol(rule, details))
        {
            words.Add("proto");
            words.Add(RouteProtocolNames.Format(rule.Protocol));
        }

        return $"{rule.Priority ?? 0}:\t{string.Join(' ', words)}";
    }

    /// <summary>One object of <c>ip -j rule</c> (after <paramref name="leading"/>'s fields).</summary>
    public static void WriteJson(Utf8JsonWriter json, Netlink.Route.Rule rule, int details, Action<Utf8JsonWriter>? leading = null)
    {
        json.WriteStartObject();
        leading?.Invoke(json);
        json.WriteNumber("priority", rule.Priority ?? 0);
        if (rule.Invert)
        {
            json.WriteNull("not");
        }

        WritePrefix(json, "src", "srclen", rule.Source);
        if (rule.Destination is { } destination)
        {
            WritePrefix(json, "dst", "dstlen", destination);
        }

        if (rule.Tos != 0)
        {
            json.WriteString("tos", Hex(rule.Tos));
        }

        if (rule.FirewallMark is { } mark)
        {
            json.WriteString("fwmark", Hex(mark));
            if (rule.FirewallMask is { } mask && mask != uint.MaxValue)
            {
                json.WriteString("fwmask", Hex(mask));
            }
        }

        if (rule.InputInterface is { } iif)
        {
            json.WriteString("iif", Nlctl.Output.Printable.Name(iif));
            if ((rule.Flags & IifDetached) != 0)
            {
                json.WriteNull("iif_detached");
            }
        }

        if (rule.OutputInterface is { } oif)
        {
            json.WriteString("oif", Nlctl.Output.Printable.Name(oif));
            if ((rule.Flags & OifDetached) != 0)
            {
                json.WriteNull("oif_detached");
            }
        }

        if (rule.UidRange is { } uids)
        {
            json.WriteNumber("uid_start", uids.Start);
            json.WriteNumber("uid_end", uids.End);
        }

        if (rule.IpProtocol is { } ipProtocol)
        {
            json.WriteString("ipproto", IpProtocolNames.Format(ipProtocol));
        }

        WritePorts(json, "sport", rule.SourcePorts);
        WritePorts(json, "dport", rule.DestinationPorts);
        switch (rule.Action)
        {
            case RuleAction.ToTable:
                json.WriteString("table", RouteTableNames.Format(rule.Table ?? RouteTables.Main));
                break;
            case RuleAction.Goto:
                json.WriteNumber("goto", rule.GotoPriority ?? 0);
                break;
            case RuleAction.Nop:
                json.WriteNull("nop");
                break;
            default:
                json.WriteString("action", RuleActionNames.Format(rule.Action));
                break;
        }

        if (rule.SuppressPrefixLength is { } suppressLength)
        {
            json.WriteNumber("suppress_prefixlen", suppressLength);
        }

        if (rule.SuppressInterfaceGroup is { } suppressGroup)
        {
            json.WriteString("suppress_ifgroup", suppressGroup.ToString(CultureInfo.InvariantCulture));
        }

        if (ShowsProtocol(rule, details))
        {
            json.WriteString("protocol", RouteProtocolNames.Format(rule.Protocol));
        }

        json.WriteEndObject();
    }

    /// <summary>ip shows who installed a rule with -d, or when it is neither the kernel nor unknown.</summary>
    private static bool ShowsProtocol(Netlink.Route.Rule rule, int details) =>
        details > 0 || rule.Protocol is not (RouteProtocol.Unspecified or RouteProtocol.Kernel);

    private static string Hex(uint value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    private static string Prefix(IPNetwork? prefix)
    {
        if (prefix is not { } p || p.PrefixLength == 0)
        {
            return "all";
        }

        return p.PrefixLength == (p.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128) ? p.BaseAddress.ToString() : p.ToString();
    }

    private static void WritePrefix(Utf8JsonWriter json, string name, string lengthName, IPNetwork? prefix)
    {
        if (prefix is not { } p || p.PrefixLength == 0)
        {
            json.WriteString(name, "all");
            return;
        }

        json.WriteString(name, p.BaseAddress.ToString());
        if (p.PrefixLength != (p.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
        {
            json.WriteNumber(lengthName, p.PrefixLength);
        }
    }

    private static void AddPorts(List<string> words, string name, PortRange? ports)
    {
        if (ports is { } range)
        {
            words.Add(name);
            words.Add(range.Start == range.End
                ? range.Start.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{range.Start}-{range.End}"));
        }
    }

    private static void WritePorts(Utf8JsonWriter json, string name, PortRange? ports)
    {
        if (ports is not { } range)
        {
            return;
        }

        if (range.Start == range.End)
        {
            json.WriteNumber(name, range.Start);
        }
        else
        {
            json.WriteNumber(name + "_start", range.Start);
            json.WriteNumber(name + "_end", range.End);
        }
    }
}
