using System.Diagnostics;
using System.Text;

namespace Nlctl.Tests.Infrastructure;

/// <summary>A long-running command (nlctl monitor, ip monitor) whose output is collected until it is stopped.</summary>
public sealed class RunningProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string? _readyLine;

    private RunningProcess(string file, IEnumerable<string> arguments, string? readyLine)
    {
        _readyLine = readyLine;
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            Append(_stderr, e.Data);
            if (e.Data is not null && e.Data == _readyLine)
            {
                _ready.TrySetResult();
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (readyLine is null)
        {
            _ready.TrySetResult();
        }
    }

    /// <summary>Starts nlctl; ready once it prints "nlctl: monitoring" on stderr.</summary>
    public static RunningProcess Nlctl(params string[] arguments) => new("dotnet", [Run.NlctlDll, .. arguments], "nlctl: monitoring");

    /// <summary>Starts another program (ready at once).</summary>
    public static RunningProcess Start(string file, params string[] arguments) => new(file, arguments, null);

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Waits for the ready line (10 s at most).</summary>
    public Task WaitReadyAsync() => _ready.Task.WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>The lines printed so far.</summary>
    public string[] Lines
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the output (10 s at most).</summary>
    public async Task WaitForAsync(Func<string[], bool> condition)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition(Lines) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Sends SIGTERM (as a service manager does), waits for the exit and returns stdout, stderr and the status.</summary>
    public async Task<ProcessResult> StopAsync()
    {
        Run.Process("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return Result();
    }

    /// <summary>Waits for the process to end by itself.</summary>
    public async Task<ProcessResult> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return Result();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private ProcessResult Result()
    {
        _process.WaitForExit(); // drains the asynchronous readers
        lock (_stdout)
        {
            return new ProcessResult(_process.ExitCode, _stdout.ToString(), _stderr.ToString());
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }
}
