namespace Netlink;

/// <summary>The outcome of one request of a batch (<see cref="NetlinkConnection.ExecuteBatchAsync"/>).</summary>
public sealed class NetlinkBatchResult
{
    internal NetlinkBatchResult(int index, ushort requestType, uint sequence, IReadOnlyList<NetlinkReply> replies, Exception? error)
    {
        Index = index;
        RequestType = requestType;
        Sequence = sequence;
        Replies = replies;
        Error = error;
    }

    /// <summary>Position of the request in the batch.</summary>
    public int Index { get; }

    /// <summary>The request's message type.</summary>
    public ushort RequestType { get; }

    /// <summary>The sequence number it was sent with.</summary>
    public uint Sequence { get; }

    /// <summary>Data replies received for it (empty for plain acks).</summary>
    public IReadOnlyList<NetlinkReply> Replies { get; }

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
