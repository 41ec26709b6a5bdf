using System.Text.Json;

namespace Nlctl.Tests.ProcEvents;

/// <summary><c>nlctl proc-events -j</c>: one JSON object per event, with the event kind and the pid.</summary>
public sealed class ProcEventsTests
{
    [RootFact]
    public async Task Json_prints_one_object_per_event_with_kind_and_pid()
    {
        using RunningProcess events = RunningProcess.Start("dotnet", Run.NlctlDll, "proc-events", "-j", "-c", "50");
        await Task.Delay(1500); // the connector subscription is made at start-up
        for (int i = 0; i < 5; i++)
        {
            Run.Process("true", []);
        }

        ProcessResult result = await events.WaitForExitAsync();
        Assert.Equal(0, result.ExitCode);
        JsonElement[] objects = [.. result.Stdout.TrimEnd().Split('\n').Select(line => JsonDocument.Parse(line).RootElement)];
        Assert.Equal(50, objects.Length);
        Assert.All(objects, o => Assert.True(o.TryGetProperty("event", out _), o.ToString()));
        Assert.Contains(objects, o => o.GetProperty("event").GetString() == "exec" && o.GetProperty("pid").GetInt32() > 0);
        Assert.Contains(objects, o => o.GetProperty("event").GetString() == "exit");
    }

    [Fact]
    public void A_namespace_is_refused_with_one_line()
    {
        Expect.OneErrorLine(
            Run.Nlctl("-n", "any", "proc-events"),
            1,
            "Error: proc-events works only in the initial network namespace (the kernel sends process events there alone); drop -n.");
    }
}
