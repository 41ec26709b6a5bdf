using Netlink.Encoding;
using Netlink.Reliability.Tests.Support;
using Netlink.Testing;
using Xunit;

namespace Netlink.Reliability.Tests.Faults;

/// <summary>
/// NLM_F_DUMP_INTR against the real kernel: veth pairs are created and deleted in a loop while link
/// dumps run. Each dump must either complete consistently (every veth listed together with its
/// peer, no index twice) or be reported as interrupted: never a silent partial list. (The scripted
/// variant is Netlink.Core.Tests' ConnectionDumpTests.Dump_interrupted_flag_is_detected_…)
/// </summary>
[Trait("Category", "Reliability")]
public sealed class LiveDumpInterruptTests
{
    [RootFact]
    public async Task Dumps_during_link_churn_are_consistent_or_reported_interrupted()
    {
        int dumps = Rt.Count(300, 3_000);
        using var netns = new TestNamespace();
        await using NetlinkConnection churn = netns.OpenConnection();
        await using NetlinkConnection reader = netns.OpenConnection(options: new NetlinkConnectionOptions { DumpAttempts = 1 });
        for (int p = 0; p < 20; p++)
        {
            await Rt.RequestAsync(churn, w => Rt.NewVeth(w, $"base{p}a", $"base{p}b"));
        }

        using var stop = new CancellationTokenSource();
        Task changer = Task.Run(async () =>
        {
            for (int i = 0; !stop.IsCancellationRequested; i++)
            {
                int slot = i % 8;
                await Rt.RequestAsync(churn, w => Rt.NewVeth(w, $"ch{slot}a", $"ch{slot}b"));
                await Rt.RequestAsync(churn, w => Rt.DelLinkByName(w, $"ch{slot}a"));
            }
        });

        int complete = 0, interrupted = 0;
        using var request = new NetlinkMessageWriter();
        Rt.LinkDump(request);
        for (int d = 0; d < dumps; d++)
        {
            try
            {
                IReadOnlyList<Rt.Link> links = await reader.DumpAsync<Rt.Link>(request, Rt.TryParseLink);
                complete++;
                Assert.Equal(links.Count, links.Select(l => l.Index).Distinct().Count());
                var names = links.Select(l => l.Name).ToHashSet();
                foreach (string name in names.Where(n => n.EndsWith('a') && (n.StartsWith("ch", StringComparison.Ordinal) || n.StartsWith("base", StringComparison.Ordinal))))
                {
                    Assert.True(names.Contains(name[..^1] + "b"), $"dump {d} lists {name} without its peer and was not flagged interrupted");
                }

                Assert.Equal(20, names.Count(n => n.StartsWith("base", StringComparison.Ordinal)) / 2);
            }
            catch (NetlinkDumpInterruptedException ex)
            {
                interrupted++;
                Assert.Equal(1, ex.Attempts);
            }
        }

        stop.Cancel();
        await changer;
        Assert.Equal(dumps, complete + interrupted);
        Console.WriteLine($"live DUMP_INTR: {dumps} dumps during churn, {complete} complete and consistent, {interrupted} reported interrupted");
    }
}
