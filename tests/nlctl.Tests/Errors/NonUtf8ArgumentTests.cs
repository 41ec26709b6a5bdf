using System.Text.Json;

namespace Nlctl.Tests.Errors;

/// <summary>
/// Interface names are bytes (issue 21, item 4). .NET turns argument bytes that are not UTF-8 into
/// U+FFFD, so <c>$'\xfa\xfb'</c> would arrive as the name of another link; nlctl takes its
/// arguments losslessly (Netlink.ProcessArguments) and acts on exactly the link named by those
/// bytes. The names are typed through bash's $'\x..' quoting, as a user would.
/// </summary>
public sealed class NonUtf8ArgumentTests
{
    [RootFact]
    public void A_name_that_is_not_utf8_names_exactly_that_link()
    {
        using var ns = new TestNamespace();

        // One link named with the bytes FA FB, one with the bytes of U+FFFD U+FFFD: the two names a
        // lossy decoding of $'\xfa\xfb' cannot tell apart.
        Assert.Equal(0, Run.Bash($"ip -n {ns.Name} link add $'\\xfa\\xfb' type veth peer name peer0").ExitCode);
        Assert.Equal(0, Run.Bash($"ip -n {ns.Name} link add $'\\xef\\xbf\\xbd\\xef\\xbf\\xbd' type veth peer name peer1").ExitCode);

        // The listing is ip's, byte for byte: the names are written back as the bytes they are.
        Assert.Equal(0, Run.Bash($"cmp <(ip -n {ns.Name} link) <({Run.NlctlCommand} -n {ns.Name} link)").ExitCode);
        Assert.Equal(0, Run.Bash($"{Run.NlctlCommand} -n {ns.Name} link show $'\\xfa\\xfb' | grep -q 'peer0'").ExitCode);

        // JSON cannot carry those bytes: they are written as \xNN text, and the document stays valid.
        using JsonDocument json = JsonDocument.Parse(Run.NlctlChecked("-n", ns.Name, "-j", "link"));
        Assert.Contains(json.RootElement.EnumerateArray(), l => l.GetProperty("ifname").GetString() == "\\xfa\\xfb");
        Assert.Contains(json.RootElement.EnumerateArray(), l => l.GetProperty("ifname").GetString() == "\uFFFD\uFFFD");

        // Deleting FA FB deletes that link (and its peer), not the other one.
        Assert.Equal(0, Run.Bash($"{Run.NlctlCommand} -n {ns.Name} link del $'\\xfa\\xfb'").ExitCode);
        string after = Run.Ip("-n", ns.Name, "-o", "link");
        Assert.DoesNotContain("peer0", after, StringComparison.Ordinal);
        Assert.Contains("peer1", after, StringComparison.Ordinal);

        // A missing one is named readably, as \xNN.
        Expect.OneErrorLine(Run.Bash($"{Run.NlctlCommand} -n {ns.Name} link del $'\\xfa\\xfb'"), 1, "Cannot find device \"\\xfa\\xfb\"");
    }

    [RootFact]
    public void A_link_is_created_with_exactly_the_bytes_given()
    {
        using var ns = new TestNamespace();
        Assert.Equal(0, Run.Bash($"{Run.NlctlCommand} -n {ns.Name} link add $'\\xff\\xfe' type bridge").ExitCode);

        // ip finds it by those bytes.
        ProcessResult shown = Run.Bash($"ip -n {ns.Name} -o link show $'\\xff\\xfe' | od -An -tx1 | tr -d ' \\n'");
        Assert.Equal(0, shown.ExitCode);
        Assert.StartsWith("323a20fffe3a", shown.Stdout, StringComparison.Ordinal); // "2: " FF FE ":"
    }

    [Fact]
    public void A_word_that_is_not_utf8_is_named_readably_in_errors()
    {
        Expect.OneErrorLine(Run.Bash($"{Run.NlctlCommand} $'\\x80'"), 1, "Object \"\\x80\" is unknown, try \"nlctl help\".");
    }
}
