namespace Netlink;

/// <summary>
/// A dump stayed inconsistent (NLM_F_DUMP_INTR) through every attempt. Catch the generic
/// <see cref="NetlinkDumpInterruptedException{T}"/> for the last attempt's partial result.
/// </summary>
public abstract class NetlinkDumpInterruptedException : Exception
{
    /// <summary>Creates the error.</summary>
    protected NetlinkDumpInterruptedException(ushort requestType, int attempts, string? requestName)
        : base($"{requestName ?? $"message type {requestType}"} dump was interrupted by concurrent changes (NLM_F_DUMP_INTR) on all {attempts} attempt(s)")
    {
        RequestType = requestType;
        Attempts = attempts;
    }

    /// <summary>The dump request's message type.</summary>
    public ushort RequestType { get; }

    /// <summary>How many times the dump ran.</summary>
    public int Attempts { get; }

    /// <summary>The last attempt's items (possibly inconsistent), untyped.</summary>
    public abstract System.Collections.IList PartialResultUntyped { get; }
}

/// <summary>A dump stayed interrupted; <see cref="PartialResult"/> holds the last attempt's items.</summary>
/// <typeparam name="T">The item type the dump decoded.</typeparam>
public sealed class NetlinkDumpInterruptedException<T> : NetlinkDumpInterruptedException
{
    /// <summary>Creates the error with the partial result.</summary>
    public NetlinkDumpInterruptedException(IReadOnlyList<T> partialResult, ushort requestType, int attempts, string? requestName = null)
        : base(requestType, attempts, requestName)
    {
        ArgumentNullException.ThrowIfNull(partialResult);
        PartialResult = partialResult;
    }

    /// <summary>The last attempt's items: possibly missing or duplicating entries.</summary>
    public IReadOnlyList<T> PartialResult { get; }

    /// <inheritdoc/>
    public override System.Collections.IList PartialResultUntyped => PartialResult.ToList();
}
