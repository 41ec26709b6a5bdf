namespace Nlctl.Tests.Errors;

/// <summary>
/// Every way a command can fail ends the same way: one line on stderr (in ip's words where ip has
/// them), nothing on stdout, exit status 1 for a usage error and 2 for a refusal by the kernel.
/// </summary>
public sealed class ErrorPathTests(PopulatedNamespace ns) : IClassFixture<PopulatedNamespace>
{
    public static TheoryData<string, int, string> UsageErrors => new()
    {
        { "", 1, "No object given, try \"nlctl help\"." },
        { "foo", 1, "Object \"foo\" is unknown, try \"nlctl help\"." },
        { "link foo", 1, "Command \"foo\" is unknown, try \"nlctl link help\"." },
        { "-x link", 1, "Option \"-x\" is unknown, try \"nlctl -help\"." },
        { "-batch f link", 1, "Option \"-batch\" is not supported by nlctl." },
        { "-n", 1, "Option \"-n\" needs a value." },
        { "-f inet7 route", 1, "Error: argument \"inet7\" is wrong: invalid protocol family (nlctl supports inet and inet6)" },
        { "link del nope", 1, "Cannot find device \"nope\"" },
        { "link set nope up", 1, "Cannot find device \"nope\"" },
        { "link show nope", 1, "Device \"nope\" does not exist." },
        { "addr show dev nope", 1, "Device \"nope\" does not exist." },
        { "addr flush dev nope", 1, "Device \"nope\" does not exist." },
        { "route show dev nope", 1, "Cannot find device \"nope\"" },
        { "neigh show dev nope", 1, "Cannot find device \"nope\"" },
        { "neigh flush dev nope", 1, "Cannot find device \"nope\"" },
        { "addr add 10.5.0.1/24 dev nope", 1, "Cannot find device \"nope\"" },
        { "route add 10.5.0.0/24 dev nope", 1, "Cannot find device \"nope\"" },
        { "neigh add 10.0.0.50 lladdr 02:00:00:00:00:50 dev nope", 1, "Cannot find device \"nope\"" },
        { "link set dev va mtu abc", 1, "Error: argument \"abc\" is wrong: Invalid \"mtu\" value" },
        { "link set dev va mtu 99999999999", 1, "Error: argument \"99999999999\" is wrong: Invalid \"mtu\" value" },
        { "link set", 1, "Command line is not complete: \"dev\" needs a value. Try option \"help\"." },
        { "route add", 1, "Not enough information: a destination prefix (or \"default\") is required." },
        { "route add 167772161/24 dev va", 1, "Error: any valid prefix is expected rather than \"167772161/24\"." },
        { "route add 10.5.0.1/24 dev va", 1, "Error: Invalid prefix for given prefix length." },
        { "route show table bogus", 1, "Error: argument \"bogus\" is wrong: \"table\" value is invalid" },
        { "route get", 1, "need at least a destination address" },
        { "addr add 1.2.3.4/33 dev va", 1, "Error: any valid prefix is expected rather than \"1.2.3.4/33\"." },
        { "addr add fe80::1%va/64 dev va", 1, "Error: \"fe80::1%va\" has a zone id (%...), which netlink addresses do not carry; give the device with \"dev\" instead." },
        { "addr add 10.5.0.1/24", 1, "Not enough information: \"dev\" argument is required." },
        { "neigh add 10.0.0.50 dev va nud bogus", 1, "Error: argument \"bogus\" is wrong: nud state is bad" },
        { "neigh add dev va", 1, "Device and destination are required arguments." },
        { "rule add", 1, "\"ip rule add\" requires arguments." },
        { "rule add from 10.1.0.0/16 frobnicate", 1, "Error: \"frobnicate\" is unknown here, try \"nlctl rule help\"." },
        { "ss -tz", 1, "Error: ss option \"-z\" (in \"-tz\") is not supported by nlctl ss, try \"nlctl ss -h\"." },
        { "ss -t state bogus", 1, "Error: wrong state name: bogus." },
        { "ss -t sport = :http", 1, "Error: ss filter: \":http\" is not a port number (service names are not supported)." },
        { "monitor bogus", 1, "Argument \"bogus\" is unknown, try \"nlctl monitor help\"." },
        { "monitor count 0", 1, "Error: argument \"0\" is wrong: \"count\" must be positive" },
        { "proc-events -c 0", 1, "Error: argument \"0\" is wrong: \"-c\" must be positive" },
        { "decode /nonexistent-file", 1, string.Empty },
        { "packet send -i va", 1, "Error: option \"--dst\" is required, try \"nlctl packet help\"." },
        { "completion fish", 1, "Error: \"fish\" is unknown here, try \"nlctl completion help\"." },
    };

    public static TheoryData<string, string> KernelErrors => new()
    {
        { "link add va type veth peer name x9", "RTNETLINK answers: File exists" },
        { "neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev va", "RTNETLINK answers: File exists" },
        { "rule del pref 5555", "RTNETLINK answers: No such file or directory" },
        { "route del 10.123.0.0/16", "RTNETLINK answers: No such process" },
        { "addr del 10.123.0.1/24 dev va", "Error: ipv4: Address not found." },
        { "route add 10.124.0.0/16 via 10.99.0.1", "Error: Nexthop has invalid gateway." },
    };

    [RootTheory]
    [MemberData(nameof(UsageErrors))]
    public void Usage_errors_print_one_line_and_exit_1(string command, int exitCode, string message)
    {
        ProcessResult result = Run.Nlctl(["-n", ns.Name, .. command.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        Expect.OneErrorLine(result, exitCode, message);
    }

    [RootTheory]
    [MemberData(nameof(KernelErrors))]
    public void Kernel_refusals_print_ips_line_and_exit_2(string command, string message)
    {
        Expect.OneErrorLine(Run.Nlctl(["-n", ns.Name, .. command.Split(' ')]), 2, message);
    }

    [RootFact]
    public void A_refusal_for_want_of_a_capability_names_it()
    {
        // An unprivileged user in a namespace of its own (nothing of the host's is touched).
        ProcessResult result = Run.Process(
            "unshare",
            ["-n", "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "dotnet", Run.NlctlDll, "link", "add", "nlx0", "type", "bridge"]);
        Expect.OneErrorLine(result, 2, "RTNETLINK answers: Operation not permitted (needs CAP_NET_ADMIN)");
    }

    [RootFact]
    public void A_missing_namespace_or_a_file_that_is_not_one_is_named()
    {
        Expect.OneErrorLine(Run.Nlctl("-n", "nlctl-no-such-namespace", "link"), 1, "Cannot open network namespace \"nlctl-no-such-namespace\": No such file or directory");
        Expect.OneErrorLine(
            Run.Nlctl("-n", "/etc/passwd", "link"),
            1,
            "Cannot open network namespace \"/etc/passwd\": '/etc/passwd' is not a network namespace: it is a regular file, not a namespace file (/run/netns/NAME, /proc/PID/ns/net)");

        // A FIFO is refused without being opened (opening it would block).
        using var directory = new TemporaryDirectory();
        string fifo = Path.Combine(directory.Path, "fifo");
        Run.Process("mkfifo", [fifo]).Checked("mkfifo");
        Expect.OneErrorLine(Run.Nlctl("-n", fifo, "ss", "-t"), 1, string.Empty);
    }

    [Fact]
    public void Help_is_printed_only_when_asked_for()
    {
        ProcessResult help = Run.Nlctl("-h");
        Assert.Equal(0, help.ExitCode);
        Assert.StartsWith("Usage: nlctl [ OPTIONS ] OBJECT", help.Stdout, StringComparison.Ordinal);
        Assert.Empty(help.Stderr);

        ProcessResult objectHelp = Run.Nlctl("route", "help");
        Assert.Equal(0, objectHelp.ExitCode);
        Assert.StartsWith("Usage: nlctl route", objectHelp.Stdout, StringComparison.Ordinal);
        Assert.Equal(objectHelp.Stdout, Run.NlctlChecked("help", "route"));

        ProcessResult wrong = Run.Nlctl("route", "frobnicate");
        Assert.DoesNotContain("Usage", wrong.Stderr + wrong.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_is_printed_with_V()
    {
        ProcessResult version = Run.Nlctl("-V");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^nlctl utility, version \d+\.\d+\.\d+", version.Stdout);
    }
}
