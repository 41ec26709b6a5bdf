using Netlink.Testing;
using Xunit;

namespace Netlink.Route.Tests.Links;

/// <summary>
/// Interface names are bytes. A link named FA FB (not UTF-8), one named FF FE and one named
/// EF BF BD EF BF BD ("\uFFFD\uFFFD" in UTF-8) are three different links, and the client must
/// list, find and delete each by its own bytes: before, the first two decoded to "\uFFFD\uFFFD"
/// and a delete by that string removed the third. The names below are written as literals:
/// "\uDCFA" stands for the byte FA (LosslessUtf8).
/// </summary>
public sealed class LinkNameBytesTests
{
    private const string FaFb = "\uDCFA\uDCFB";
    private const string FfFe = "\uDCFF\uDCFE";
    private const string Replacements = "\uFFFD\uFFFD";

    [RootFact]
    public async Task Names_that_are_not_UTF8_are_listed_found_and_deleted_by_their_exact_bytes()
    {
        using var netns = new TestNamespace();
        await using RouteClient client = RouteClient.Open(netns.Namespace);

        // One link made by iproute2 with raw bytes, two by the client.
        RawIp.Run(netns.Name, "link add $'\\xfa\\xfb' type veth peer name p0");
        Link ffFe = await client.AddLinkAsync(new VethSpec(FfFe, "p1"));
        Link replacements = await client.AddLinkAsync(new VethSpec(Replacements, "p2"));

        // The kernel holds the exact bytes the client was given (iproute2 prints them raw).
        Dictionary<int, byte[]> kernel = RawIp.LinkNames(netns.Name);
        Assert.Equal([0xff, 0xfe], kernel[ffFe.Index]);
        Assert.Equal([0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd], kernel[replacements.Index]);
        int faFbIndex = kernel.Single(k => k.Value.SequenceEqual(new byte[] { 0xfa, 0xfb })).Key;

        // The listing shows three distinct names, each the lossless form of the kernel's bytes.
        IReadOnlyList<Link> links = await client.ListLinksAsync();
        Assert.Equal(FaFb, links.Single(l => l.Index == faFbIndex).Name);
        Assert.Equal(FfFe, links.Single(l => l.Index == ffFe.Index).Name);
        Assert.Equal(Replacements, links.Single(l => l.Index == replacements.Index).Name);
        foreach (Link link in links)
        {
            Assert.Equal(kernel[link.Index], LosslessUtf8.GetBytes(link.Name));
        }

        // Lookups by name (netlink and ioctl) find the link with exactly those bytes.
        Assert.Equal(faFbIndex, (await client.GetLinkAsync(FaFb)).Index);
        Assert.Equal(replacements.Index, (await client.GetLinkAsync(Replacements)).Index);
        Assert.Equal(faFbIndex, client.GetLinkIndex(FaFb));
        Assert.Equal(FaFb, client.GetLinkName(faFbIndex));

        // Deleting FA FB deletes that link (and its peer) only.
        await client.DeleteLinkAsync(FaFb);
        Dictionary<int, byte[]> after = RawIp.LinkNames(netns.Name);
        Assert.False(after.ContainsKey(faFbIndex));
        Assert.Equal([0xff, 0xfe], after[ffFe.Index]);
        Assert.Equal([0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd], after[replacements.Index]);

        // A name listed by the client can be handed back to it: it means the same link.
        await client.DeleteLinkAsync(links.Single(l => l.Index == ffFe.Index).Name);
        Assert.False(RawIp.LinkNames(netns.Name).ContainsKey(ffFe.Index));
        Assert.True(RawIp.LinkNames(netns.Name).ContainsKey(replacements.Index));
    }

    [RootFact]
    public async Task A_name_that_cannot_round_trip_is_refused_before_anything_is_sent()
    {
        using var netns = new TestNamespace();
        await using RouteClient client = RouteClient.Open(netns.Namespace);
        Link replacements = await client.AddLinkAsync(new VethSpec(Replacements, "p0"));
        int before = RawIp.LinkNames(netns.Name).Count;

        // A lone surrogate that stands for no byte (used to become EF BF BD: the link above).
        var lone = await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteLinkAsync("\uD800\uDBFF"));
        Assert.Equal("name", lone.ParamName);
        Assert.Contains("lone surrogate", lone.Message);

        // Escapes of bytes that form valid UTF-8 (C3 A9 is "é"): they would not read back as given.
        var notRoundTrip = await Assert.ThrowsAsync<ArgumentException>(() => client.GetLinkAsync("\uDCC3\uDCA9"));
        Assert.Contains("round-trip", notRoundTrip.Message);

        // ASCII bytes have no escape.
        Assert.Throws<ArgumentException>(() => client.GetLinkIndex("a\uDC41"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.AddLinkAsync(new VethSpec("v\uDC41", "p9")));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SetLinkAsync(replacements.Index, new LinkChanges { Alias = "x\uD800" }));

        Assert.Equal(before, RawIp.LinkNames(netns.Name).Count);
        Assert.Equal(replacements.Index, (await client.GetLinkAsync(Replacements)).Index);
    }

    [RootFact]
    public async Task The_name_length_limit_is_counted_in_bytes()
    {
        using var netns = new TestNamespace();
        await using RouteClient client = RouteClient.Open(netns.Namespace);

        // 15 bytes that are not UTF-8: 15 escapes, 15 bytes, accepted.
        string fifteen = new('\uDCFA', 15);
        Link link = await client.AddLinkAsync(new VethSpec(fifteen, "p0"));
        Assert.Equal(Enumerable.Repeat((byte)0xfa, 15), RawIp.LinkNames(netns.Name)[link.Index]);

        // Eight "é" are 8 characters but 16 bytes: refused with the byte count.
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => client.AddLinkAsync(new VethSpec("éééééééé", "p1")));
        Assert.Equal("Name", tooLong.ParamName);
        Assert.Contains("16 bytes", tooLong.Message);

        // "à" is C3 A0, and the kernel counts A0 as a space: refused here, not by EINVAL.
        var space = await Assert.ThrowsAsync<ArgumentException>(() => client.AddLinkAsync(new VethSpec("và", "p2")));
        Assert.Contains("0xa0", space.Message);

        // Unicode spaces the kernel allows (U+3000 is E3 80 80) are allowed.
        Link ideographic = await client.AddLinkAsync(new VethSpec("v\u3000w", "p3"));
        Assert.Equal("v\u3000w", ideographic.Name);
    }
}
