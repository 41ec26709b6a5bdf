using System.Diagnostics;
using System.Threading.Channels;
using Netlink.Testing;

namespace Netlink.Diag.Tests;

/// <summary>Process events run host-wide in the initial namespace; these tests do not run in parallel with others.</summary>
[CollectionDefinition(nameof(ProcessEventsCollection), DisableParallelization = true)]
public sealed class ProcessEventsCollection;

/// <summary>The proc connector reports fork, exec and exit (with exit code or signal) of a process the test starts.</summary>
[Collection(nameof(ProcessEventsCollection))]
public sealed class ProcessMonitorTests
{
    [RootFact]
    public async Task Shell_exiting_with_3_yields_fork_exec_and_exit_for_its_pid()
    {
        (int pid, List<ProcessEvent> events) = await RunAndCollectAsync("exit 3");

        ProcessForkEvent fork = Assert.Single(events.OfType<ProcessForkEvent>(), e => e.ChildTgid == pid);
        Assert.Equal(pid, fork.ChildPid);
        Assert.Equal(Environment.ProcessId, fork.ParentTgid);
        Assert.True(fork.TimestampNanoseconds > 0);

        ProcessExecEvent exec = Assert.Single(events.OfType<ProcessExecEvent>(), e => e.Tgid == pid);
        Assert.Equal(pid, exec.Pid);

        ProcessExitEvent exit = Assert.Single(events.OfType<ProcessExitEvent>(), e => e.Tgid == pid);
        Assert.Equal((3, 0, false), (exit.ExitCode, exit.Signal, exit.CoreDumped));
        Assert.Equal(3u << 8, exit.ExitStatus);
        Assert.Equal(17u, exit.ParentExitSignal); // SIGCHLD
        Assert.True(fork.TimestampNanoseconds <= exec.TimestampNanoseconds && exec.TimestampNanoseconds <= exit.TimestampNanoseconds);
    }

    [RootFact]
    public async Task Killed_process_reports_the_signal()
    {
        (int pid, List<ProcessEvent> events) = await RunAndCollectAsync("kill -9 $$");
        ProcessExitEvent exit = Assert.Single(events.OfType<ProcessExitEvent>(), e => e.Tgid == pid);
        Assert.Equal((9, 0), (exit.Signal, exit.ExitCode));
    }

    [RootFact]
    public async Task Dispose_ends_the_stream_with_ObjectDisposedException()
    {
        ProcessMonitor monitor = await ProcessMonitor.StartAsync();
        var reading = Task.Run(async () =>
        {
            await foreach (ProcessEvent _ in monitor.ReadEventsAsync())
            {
            }
        });
        await Task.Delay(50);
        await monitor.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => reading.WaitAsync(TimeSpan.FromSeconds(2)));
        Assert.Throws<ObjectDisposedException>(() => monitor.ReadEventsAsync());
    }

    private static async Task<(int Pid, List<ProcessEvent> Events)> RunAndCollectAsync(string script)
    {
        await using ProcessMonitor monitor = await ProcessMonitor.StartAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var channel = Channel.CreateUnbounded<ProcessEvent>();
        Task pump = Task.Run(async () =>
        {
            await foreach (ProcessEvent e in monitor.ReadEventsAsync(stop.Token))
            {
                channel.Writer.TryWrite(e);
            }
        });

        using Process process = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", script } })!;
        int pid = process.Id;
        await process.WaitForExitAsync(stop.Token);

        var events = new List<ProcessEvent>();
        await foreach (ProcessEvent e in channel.Reader.ReadAllAsync(stop.Token))
        {
            Assert.IsNotType<ProcessEventsLost>(e);
            events.Add(e);
            if (e is ProcessExitEvent exit && exit.Tgid == pid)
            {
                break;
            }
        }

        await stop.CancelAsync();
        await pump;
        return (pid, events);
    }
}
