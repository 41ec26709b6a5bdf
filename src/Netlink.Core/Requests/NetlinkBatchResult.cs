namespace Netlink;

/// <summary>
/// The outcome of one request of a batch (<see cref="NetlinkConnection.ExecuteBatchAsync"/>).
/// A struct: a batch of 10,000 route changes returns one array, not 10,000 objects.
/// </summary>
public readonly struct NetlinkBatchResult
{
    private readonly IReadOnlyList<NetlinkReply>? _replies;

    internal NetlinkBatchResult(int index, ushort requestType, uint sequence, IReadOnlyList<NetlinkReply> replies, Exception? error)
    {
        Index = index;
        RequestType = requestType;
        Sequence = sequence;
        _replies = replies;
        Error = error;
    }

    /// <summary>Position of the request in the batch.</summary>
    public int Index { get; }

    /// <summary>The request's message type.</summary>
    public ushort RequestType { get; }

    /// <summary>The sequence number it was sent with.</summary>
    public uint Sequence { get; }

    /// <summary>Data replies received for it (empty for plain acks).</summary>
    public IReadOnlyList<NetlinkReply> Replies => _replies ?? [];

    /// <summary>Why it failed (<see cref="NetlinkException"/>, timeout…), or null on success.</summary>
    public Exception? Error { get; }

    /// <summary>True if the request succeeded.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Throws <see cref="Error"/> if the request failed.</summary>
    public void ThrowIfFailed()
    {
        if (Error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(Error);
        }
    }
}
