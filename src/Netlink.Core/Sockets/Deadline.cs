using System.Diagnostics;

namespace Netlink;

/// <summary>
/// A caller's token combined with an optional timeout, and the means to tell which one fired.
/// The timer is armed only when somebody asks for <see cref="Token"/>, with the time left since
/// construction: a request answered without waiting (the kernel usually replies inside sendmsg)
/// never creates one. <see cref="Timeout.InfiniteTimeSpan"/> means no timeout and creates nothing.
/// </summary>
internal sealed class Deadline : IDisposable
{
    private readonly CancellationToken _caller;
    private readonly TimeSpan _timeout;
    private readonly long _started;
    private CancellationTokenSource? _timer;

    internal Deadline(TimeSpan timeout, CancellationToken caller)
    {
        if (timeout != Timeout.InfiniteTimeSpan && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "a timeout must be positive or Timeout.InfiniteTimeSpan");
        }

        _caller = caller;
        _timeout = timeout;
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>The token to wait on; arms the timer on first use.</summary>
    internal CancellationToken Token
    {
        get
        {
            if (_timeout == Timeout.InfiniteTimeSpan)
            {
                return _caller;
            }

            if (_timer is null)
            {
                var timer = CancellationTokenSource.CreateLinkedTokenSource(_caller);
                TimeSpan left = _timeout - Stopwatch.GetElapsedTime(_started);
                if (left <= TimeSpan.Zero)
                {
                    timer.Cancel();
                }
                else
                {
                    timer.CancelAfter(left);
                }

                _timer = timer;
            }

            return _timer.Token;
        }
    }

    /// <summary>True if the timeout fired (or its time is up, armed or not) and the caller did not cancel.</summary>
    internal bool HasExpired => !_caller.IsCancellationRequested && (_timer is { IsCancellationRequested: true } || TimeIsUp);

    /// <summary>
    /// True once the caller cancelled or the time is up, without arming a timer: what a loop that is
    /// never idle (replies keep coming) checks between datagrams, where no timer callback would
    /// interrupt it. A clock read, no allocation.
    /// </summary>
    internal bool IsOver => _caller.IsCancellationRequested || TimeIsUp;

    /// <summary>The caller's own token (without the timeout).</summary>
    internal CancellationToken CallerToken => _caller;

    private bool TimeIsUp => _timeout != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(_started) >= _timeout;

    internal TimeoutException TimeoutError(string what) => new($"netlink {what} timed out after {_timeout.TotalMilliseconds:0} ms");

    public void Dispose() => _timer?.Dispose();
}
