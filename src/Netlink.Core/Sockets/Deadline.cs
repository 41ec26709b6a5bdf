namespace Netlink;

/// <summary>
/// A caller's token combined with an optional timeout, and the means to tell which one fired.
/// <see cref="Timeout.InfiniteTimeSpan"/> means no timeout and creates nothing.
/// </summary>
internal sealed class Deadline : IDisposable
{
    private readonly CancellationTokenSource? _timer;
    private readonly CancellationToken _caller;
    private readonly TimeSpan _timeout;

    internal Deadline(TimeSpan timeout, CancellationToken caller)
    {
        if (timeout != Timeout.InfiniteTimeSpan && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "a timeout must be positive or Timeout.InfiniteTimeSpan");
        }

        _caller = caller;
        _timeout = timeout;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _timer = CancellationTokenSource.CreateLinkedTokenSource(caller);
            _timer.CancelAfter(timeout);
        }
    }

    /// <summary>The token to wait on.</summary>
    internal CancellationToken Token => _timer?.Token ?? _caller;

    /// <summary>True if the timeout fired and the caller did not cancel.</summary>
    internal bool HasExpired => _timer is { IsCancellationRequested: true } && !_caller.IsCancellationRequested;

    internal TimeoutException TimeoutError(string what) => new($"netlink {what} timed out after {_timeout.TotalMilliseconds:0} ms");

    public void Dispose() => _timer?.Dispose();
}
