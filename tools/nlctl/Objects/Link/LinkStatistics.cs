using System.Globalization;
using System.Text;
using System.Text.Json;
using Netlink.Route;

namespace Nlctl.Objects.Link;

/// <summary>
/// The counters <c>ip -s link</c> prints (with <c>-s -s</c> also the error breakdown): a header
/// row and a value row per direction, columns as wide as their widest value or header word.
/// </summary>
internal static class LinkStatisticsOutput
{
    // Minimum column widths: the first is "RX errors:"'s, the others those of the widest header word of each column.
    private static readonly int[] MinimumWidths = [10, 7, 6, 7, 7, 7];

    /// <summary>The text rows (each starting with four spaces), to follow the link's other lines.</summary>
    public static IEnumerable<string> Text(Netlink.Route.Link link, int level)
    {
        LinkStatistics s = link.Statistics ?? new LinkStatistics();
        ulong[] rx = [s.RxBytes, s.RxPackets, s.RxErrors, s.RxDropped, s.RxMissedErrors, s.Multicast];
        ulong[] tx = [s.TxBytes, s.TxPackets, s.TxErrors, s.TxDropped, s.TxCarrierErrors, s.Collisions];
        ulong[] rxErrors = [0, s.RxLengthErrors, s.RxCrcErrors, s.RxFrameErrors, s.RxFifoErrors, s.RxOverErrors];
        ulong[] txErrors = [0, s.TxAbortedErrors, s.TxFifoErrors, s.TxWindowErrors, s.TxHeartbeatErrors, link.CarrierChanges ?? 0];
        int[] widths = (int[])MinimumWidths.Clone();
        foreach (ulong[] row in level > 1 ? new[] { rx, tx, rxErrors, txErrors } : [rx, tx])
        {
            for (int i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Digits(row[i]));
            }
        }

        yield return Header("RX:", widths, ["bytes", "packets", "errors", "dropped", "missed", "mcast"], trailingColumn: true);
        yield return Values(widths, rx, blankFirst: false);
        if (level > 1)
        {
            yield return Header("RX errors:", widths, ["length", "crc", "frame", "fifo", "overrun"], trailingColumn: false);
            yield return Values(widths, rxErrors, blankFirst: true);
        }

        yield return Header("TX:", widths, ["bytes", "packets", "errors", "dropped", "carrier", "collsns"], trailingColumn: true);
        yield return Values(widths, tx, blankFirst: false);
        if (level > 1)
        {
            yield return Header("TX errors:", widths, ["aborted", "fifo", "window", "heartbt", "transns"], trailingColumn: false);
            yield return Values(widths, txErrors, blankFirst: true);
        }
    }

    /// <summary>The "stats64" object of <c>ip -j -s link</c>.</summary>
    public static void WriteJson(Utf8JsonWriter json, Netlink.Route.Link link, int level)
    {
        LinkStatistics s = link.Statistics ?? new LinkStatistics();
        json.WriteStartObject("stats64");
        json.WriteStartObject("rx");
        json.WriteNumber("bytes", s.RxBytes);
        json.WriteNumber("packets", s.RxPackets);
        json.WriteNumber("errors", s.RxErrors);
        json.WriteNumber("dropped", s.RxDropped);
        json.WriteNumber("over_errors", s.RxOverErrors);
        json.WriteNumber("multicast", s.Multicast);
        if (level > 1)
        {
            json.WriteNumber("length_errors", s.RxLengthErrors);
            json.WriteNumber("crc_errors", s.RxCrcErrors);
            json.WriteNumber("frame_errors", s.RxFrameErrors);
            json.WriteNumber("fifo_errors", s.RxFifoErrors);
            json.WriteNumber("missed_errors", s.RxMissedErrors);
        }

        json.WriteEndObject();
        json.WriteStartObject("tx");
        json.WriteNumber("bytes", s.TxBytes);
        json.WriteNumber("packets", s.TxPackets);
        json.WriteNumber("errors", s.TxErrors);
        json.WriteNumber("dropped", s.TxDropped);
        json.WriteNumber("carrier_errors", s.TxCarrierErrors);
        json.WriteNumber("collisions", s.Collisions);
        if (level > 1)
        {
            json.WriteNumber("aborted_errors", s.TxAbortedErrors);
            json.WriteNumber("fifo_errors", s.TxFifoErrors);
            json.WriteNumber("window_errors", s.TxWindowErrors);
            json.WriteNumber("heartbeat_errors", s.TxHeartbeatErrors);
            if (link.CarrierChanges is { } changes)
            {
                json.WriteNumber("carrier_changes", changes);
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Header(string label, int[] widths, string[] words, bool trailingColumn)
    {
        // The first column holds the label and the first word ("RX:  bytes"), as wide as the values below it.
        var line = new StringBuilder("    ");
        if (label.Length > 3)
        {
            line.Append(label.PadRight(widths[0]));
        }
        else
        {
            line.Append(label).Append(' ').Append(words[0].PadLeft(widths[0] - label.Length - 1));
        }

        int first = label.Length > 3 ? 0 : 1;
        for (int i = first; i < words.Length; i++)
        {
            line.Append(' ').Append(words[i].PadLeft(widths[i + 1 - first]));
        }

        if (trailingColumn)
        {
            // ip keeps a column for "compressed" (shown only when non-zero): its blank header stays.
            line.Append(' ').Append(' ', 10);
        }

        return line.ToString();
    }

    private static string Values(int[] widths, ulong[] values, bool blankFirst)
    {
        var line = new StringBuilder("    ");
        for (int i = 0; i < values.Length; i++)
        {
            string text = i == 0 && blankFirst ? string.Empty : values[i].ToString(CultureInfo.InvariantCulture);
            line.Append(text.PadLeft(widths[i])).Append(' ');
        }

        return line.ToString().TrimEnd() + " ";
    }

    private static int Digits(ulong value) => value.ToString(CultureInfo.InvariantCulture).Length;
}
