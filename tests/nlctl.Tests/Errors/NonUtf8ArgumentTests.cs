namespace Nlctl.Tests.Errors;

/// <summary>
/// Interface names are bytes; .NET turns argument bytes that are not UTF-8 into U+FFFD, so two
/// different names arrive as one string. nlctl refuses such an argument rather than act on another
/// link (issue 21, item 4): the names are given through bash's $'\x..' quoting, as a user would.
/// </summary>
public sealed class NonUtf8ArgumentTests
{
    [RootFact]
    public void A_name_that_is_not_utf8_is_refused_and_no_link_is_touched()
    {
        using var ns = new TestNamespace();

        // One link named with the bytes FA FB, one with the bytes U+FFFD U+FFFD is made of: the
        // two names a lossy decoding of $'\xfa\xfb' cannot tell apart.
        Assert.Equal(0, Run.Bash($"ip -n {ns.Name} link add $'\\xfa\\xfb' type veth peer name peer0").ExitCode);
        Assert.Equal(0, Run.Bash($"ip -n {ns.Name} link add $'\\xef\\xbf\\xbd\\xef\\xbf\\xbd' type veth peer name peer1").ExitCode);
        string before = Run.Ip("-n", ns.Name, "-o", "link");

        ProcessResult delete = Run.Bash($"{Run.NlctlCommand} -n {ns.Name} link del $'\\xfa\\xfb'");
        Expect.OneErrorLine(delete, 1, "Error: argument \"\\xfa\\xfb\" is not valid UTF-8; nlctl refuses it rather than act on a name it cannot pass on unchanged.");
        Assert.Equal(before, Run.Ip("-n", ns.Name, "-o", "link"));

        ProcessResult add = Run.Bash($"{Run.NlctlCommand} -n {ns.Name} link add $'\\xff\\xfe' type bridge");
        Expect.OneErrorLine(add, 1, "Error: argument \"\\xff\\xfe\" is not valid UTF-8; nlctl refuses it rather than act on a name it cannot pass on unchanged.");
        Assert.Equal(before, Run.Ip("-n", ns.Name, "-o", "link"));

        // A name that is UTF-8 is passed on unchanged, U+FFFD included.
        Assert.Equal(0, Run.Bash($"{Run.NlctlCommand} -n {ns.Name} link del $'\\xef\\xbf\\xbd\\xef\\xbf\\xbd'").ExitCode);
        string after = Run.Ip("-n", ns.Name, "-o", "link");
        Assert.DoesNotContain("peer1", after, StringComparison.Ordinal);
        Assert.Contains("peer0", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_argument_that_is_not_utf8_is_refused_before_parsing()
    {
        ProcessResult result = Run.Bash($"{Run.NlctlCommand} -j $'\\x80' show");
        Expect.OneErrorLine(result, 1, "Error: argument \"\\x80\" is not valid UTF-8; nlctl refuses it rather than act on a name it cannot pass on unchanged.");
    }
}
