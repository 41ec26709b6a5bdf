namespace Nlctl.Tests.Grammar;

/// <summary>
/// Objects, verbs and global options abbreviate as ip's do (the first in ip's order wins), and the
/// global options come before the object: the same command typed short or long gives the same bytes.
/// </summary>
public sealed class AbbreviationTests(PopulatedNamespace ns) : IClassFixture<PopulatedNamespace>
{
    [RootTheory]
    [InlineData("a", "address show")]
    [InlineData("addr", "address show")]
    [InlineData("a s", "address show")]
    [InlineData("a sh va", "address show dev va")]
    [InlineData("a l", "address list")]
    [InlineData("r", "route show")]
    [InlineData("r s", "route show")]
    [InlineData("r l", "route list")]
    [InlineData("ro sh tab all", "route show table all")]
    [InlineData("-6 r", "-6 route show")]
    [InlineData("-f inet6 r", "-6 route show")]
    [InlineData("-fam inet6 r", "-6 route show")]
    [InlineData("l", "link show")]
    [InlineData("li sh", "link show")]
    [InlineData("n", "neighbour show")]
    [InlineData("neigh", "neighbor show")]
    [InlineData("ru", "rule show")]
    [InlineData("ru l", "rule list")]
    [InlineData("-j -p r", "-json -pretty route show")]
    [InlineData("--json --pretty r", "-j -p route show")]
    [InlineData("-br l", "-brief link show")]
    [InlineData("-s -s l", "-stats -statistics link show")]
    [InlineData("-o a", "-oneline address show")]
    [InlineData("-d ru", "-details rule show")]
    public void Short_and_long_forms_print_the_same(string shortForm, string longForm)
    {
        string expected = Run.NlctlChecked(["-n", ns.Name, .. longForm.Split(' ')]);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Run.NlctlChecked(["-n", ns.Name, .. shortForm.Split(' ')]));
    }

    [RootTheory]
    [InlineData("a")]
    [InlineData("r")]
    [InlineData("-6 r")]
    [InlineData("l")]
    [InlineData("n")]
    [InlineData("ru")]
    [InlineData("r g 10.1.0.7")]
    [InlineData("-j r g 10.1.0.7")]
    [InlineData("-6 r g 2001:db8::5")]
    public void Abbreviations_mean_what_they_mean_to_ip(string command)
    {
        string[] words = command.Split(' ');
        Assert.Equal(Run.Ip(["-n", ns.Name, .. words]), Run.NlctlChecked(["-n", ns.Name, .. words]));
    }

    [RootFact]
    public void Verbs_resolve_in_ips_order()
    {
        // ip link: "s" is set (before show), "d" delete; ip address: "s" is show, "d" delete.
        Expect.OneErrorLine(Run.Nlctl("-n", ns.Name, "link", "s"), 1, "Command line is not complete: \"dev\" needs a value. Try option \"help\".");
        Expect.OneErrorLine(Run.Nlctl("-n", ns.Name, "link", "d", "nope"), 1, "Cannot find device \"nope\"");
        Expect.OneErrorLine(Run.Nlctl("-n", ns.Name, "address", "d"), 1, "Not enough information: \"dev\" argument is required.");
    }
}
