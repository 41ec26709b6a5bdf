namespace Nlctl.Tests.Completion;

/// <summary>Shell completion: nlctl's candidates, and the bash script it installs, driven the way bash drives it.</summary>
public sealed class CompletionTests(PopulatedNamespace ns) : IClassFixture<PopulatedNamespace>
{
    [Theory]
    [InlineData("", "address")]
    [InlineData("r", "route")]
    [InlineData("-", "-json")]
    [InlineData("route s", "show")]
    [InlineData("route show table ", "main")]
    [InlineData("route show table ", "local")]
    [InlineData("route add 10.0.0.0/8 proto ", "static")]
    [InlineData("neigh show nud ", "stale")]
    [InlineData("ss -t state ", "established")]
    [InlineData("link add x type ", "veth")]
    [InlineData("ss ", "-t")]
    public void Words_complete_objects_verbs_keywords_and_names(string typed, string expected)
    {
        Assert.Contains(expected, Candidates(typed));
    }

    [RootFact]
    public void Interface_names_come_from_the_namespace_named_by_n()
    {
        Assert.Equal(["va", "vb", "vc", "vd"], Candidates($"-n {ns.Name} link set v"));
        Assert.Equal(["va"], Candidates($"-n {ns.Name} route show dev va"));
        Assert.Contains(ns.Name, Candidates("-n nlt-"));
    }

    [RootFact]
    public void The_bash_script_completes_through_nlctl()
    {
        using var bin = new TemporaryDirectory();
        string wrapper = Path.Combine(bin.Path, "nlctl");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet {Run.NlctlDll} \"$@\"\n");
        Run.Process("chmod", ["+x", wrapper]).Checked("chmod");
        string script = Path.Combine(bin.Path, "nlctl.bash");
        ProcessResult installed = Run.Process(wrapper, ["completion", "install", script]);
        Assert.Equal(0, installed.ExitCode);
        Assert.Equal(Run.NlctlChecked("completion", "bash"), File.ReadAllText(script));

        ProcessResult completed = Run.Bash(
            $"PATH={bin.Path}:$PATH; source {script}; COMP_WORDS=(nlctl -n {ns.Name} link set v); COMP_CWORD=5; _nlctl; printf '%s\\n' \"${{COMPREPLY[@]}}\"");
        Assert.Equal("va\nvb\nvc\nvd\n", completed.Stdout);
    }

    private static string[] Candidates(string typed)
    {
        List<string> words = [.. typed.Split(' ')];
        return Run.NlctlChecked(["completion", "words", "--", .. words]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
