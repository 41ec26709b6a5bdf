using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink.Fuzz;

/// <summary>One captured datagram and where its length fields are (for targeted corruption).</summary>
internal sealed record Seed(string Name, string Family, string Header, byte[] Bytes, int[] MessageLengthOffsets, int[] AttributeLengthOffsets);

/// <summary>
/// The seed corpus: datagrams captured from the kernel (<c>--capture</c>), named
/// <c>Family.Header.Kind.NNN.bin</c> so the driver knows which reader and fixed header apply.
/// </summary>
internal static class SeedCorpus
{
    private static readonly Dictionary<string, int> FixedHeaderSizes = new(StringComparer.Ordinal)
    {
        ["Ifinfomsg"] = 16,
        ["Ifaddrmsg"] = 8,
        ["Rtmsg"] = 12,
        ["Ndmsg"] = 12,
        ["FibRuleHdr"] = 12,
        ["InetDiagMsg"] = 72,
        ["UnixDiagMsg"] = 16,
        ["none"] = 4, // genlmsghdr
    };

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Seeds");

    public static List<Seed> Load(string directory)
    {
        var seeds = new List<Seed>();
        foreach (string path in Directory.GetFiles(directory, "*.bin").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            string[] parts = name.Split('.');
            string family = parts.Length > 1 ? parts[0] : "unknown";
            string header = parts.Length > 1 ? parts[1] : "none";
            byte[] bytes = File.ReadAllBytes(path);
            var messageLengths = new List<int>();
            var attributeLengths = new List<int>();
            FindLengthFields(bytes, FixedHeaderSizes.GetValueOrDefault(header, 0), messageLengths, attributeLengths);
            seeds.Add(new Seed(name, family, header, bytes, [.. messageLengths], [.. attributeLengths]));
        }

        return seeds;
    }

    /// <summary>Offsets of every nlmsg_len and of every nla_len that a nested walk can find.</summary>
    private static void FindLengthFields(byte[] datagram, int fixedHeader, List<int> messages, List<int> attributes)
    {
        try
        {
            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(datagram))
            {
                messages.Add(message.Offset);
                int start = NlMsgHeader.Size + NlAlign.Align(fixedHeader);
                if (message.Type >= 16 && start < message.Bytes.Length)
                {
                    WalkAttributes(message.Bytes[start..], message.Offset + start, attributes, 0);
                }
            }
        }
        catch (NetlinkDecodeException)
        {
            // A seed that does not frame still mutates; it just has no known length fields.
        }
    }

    private static void WalkAttributes(ReadOnlySpan<byte> buffer, int baseOffset, List<int> offsets, int depth)
    {
        var e = new NlAttributeEnumerator(buffer);
        var found = new List<int>();
        while (e.MoveNext())
        {
            found.Add(baseOffset + e.Current.Offset);
        }

        if (e.IsMalformed || found.Count == 0)
        {
            return; // not an attribute list (a binary or struct payload)
        }

        offsets.AddRange(found);
        if (depth >= 8)
        {
            return;
        }

        e = new NlAttributeEnumerator(buffer);
        while (e.MoveNext())
        {
            if (e.Current.Payload.Length >= NlAttribute.HeaderSize)
            {
                WalkAttributes(e.Current.Payload, baseOffset + e.Current.Offset + NlAttribute.HeaderSize, offsets, depth + 1);
            }
        }
    }
}
