using System.Globalization;
using System.Text;
using Netlink.Diag;

namespace Nlctl.Objects.Ss;

/// <summary>
/// ss's columns: Netid (when more than one kind of socket is listed), State (unless one state was
/// asked for), Recv-Q, Send-Q, Local Address:Port, Peer Address:Port, Process. Each column is as
/// wide as its widest cell (and its header, unless -H); addresses are right-aligned against the
/// ':' before the port, everything else left-aligned; every line is padded to the full width.
/// </summary>
internal static class SsTable
{
    private const int NetidColumn = 0;
    private const int StateColumn = 1;
    private static readonly string[] Headers = ["Netid", "State", "Recv-Q", "Send-Q", "Local Address", "Port", "Peer Address", "Port", "Process"];

    public static void Write(TextWriter output, IReadOnlyList<SsRow> rows, SsOptions o, Func<int, string> deviceName, IReadOnlyDictionary<ulong, IReadOnlyList<SocketOwner>>? owners)
    {
        bool showNetid = o.AnyProtocol || o.Unix || (o.Tcp ? 1 : 0) + (o.Udp ? 1 : 0) + (o.Raw ? 1 : 0) > 1;
        bool showState = !SsStates.IsSingle(o.States);
        var cells = new List<string[]>();
        foreach (SsRow row in rows)
        {
            // -m's and -i's lines belong to the Process cell, after a newline and a tab, and count
            // towards its width: so ss pads them, and the header, to the longest of them.
            string process = SsDetails.Process(row, o, owners) + string.Concat(SsDetails.ExtraLines(row, o).Select(line => "\n\t" + line));
            cells.Add(
            [
                row.Netid,
                row.State.ToSsName(),
                row.ReceiveQueue.ToString(CultureInfo.InvariantCulture).PadRight(6),
                row.SendQueue.ToString(CultureInfo.InvariantCulture).PadRight(6),
                row.LocalAddress(deviceName),
                row.LocalPort,
                row.PeerAddress,
                row.PeerPort,
                process,
            ]);
        }

        int[] widths = new int[Headers.Length];
        for (int i = 0; i < widths.Length; i++)
        {
            widths[i] = Math.Max(o.NoHeader ? 0 : Headers[i].Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length));
        }

        if (!o.NoHeader)
        {
            output.WriteLine(Line(Headers, ':', widths, showNetid, showState));
        }

        for (int r = 0; r < rows.Count; r++)
        {
            output.WriteLine(Line(cells[r], rows[r].Separator, widths, showNetid, showState));
        }
    }

    private static string Line(string[] cells, char separator, int[] widths, bool showNetid, bool showState)
    {
        var line = new StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            if ((i == NetidColumn && !showNetid) || (i == StateColumn && !showState))
            {
                continue;
            }

            line.Append(i is 4 or 6 ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
            line.Append(i switch
            {
                4 or 6 => separator.ToString(),
                7 or 8 => string.Empty,
                _ => " ",
            });
        }

        return line.ToString();
    }
}
