using Netlink.Messages;

namespace Netlink;

/// <summary>
/// One request waiting for its replies. <see cref="OnMessage"/> runs on whichever caller is
/// reading the connection's socket at the time (one at a time); the caller waits on <see cref="Completion"/>.
/// </summary>
internal sealed class PendingRequest
{
    private readonly NetlinkMessageVisitor? _visitor;
    private readonly INetlinkMessageDescriber? _describer;
    private int _messageCount;
    private bool _interrupted;

    internal PendingRequest(ushort requestType, NlMsgFlags requestFlags, NetlinkMessageVisitor? visitor, INetlinkMessageDescriber? describer)
    {
        RequestType = requestType;
        RequestFlags = requestFlags;
        _visitor = visitor;
        _describer = describer;
    }

    internal uint Sequence { get; set; }

    internal ushort RequestType { get; }

    internal NlMsgFlags RequestFlags { get; }

    internal TaskCompletionSource<NetlinkReplySummary> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Handles one message carrying this request's sequence number.</summary>
    /// <returns>True when the request is finished (succeeded or failed).</returns>
    internal bool OnMessage(NetlinkMessage message)
    {
        if ((message.Flags & NlMsgFlags.DumpInterrupted) != 0)
        {
            _interrupted = true;
        }

        try
        {
            switch (message.Type)
            {
                case NlMsgType.Noop:
                case NlMsgType.Overrun:
                    return false;
                case NlMsgType.Error:
                    return Finish(ExtendedAckParser.ReadError(message, out NetlinkExtendedAck? ack), ack, acknowledged: true);
                case NlMsgType.Done:
                    return Finish(ExtendedAckParser.ReadDone(message, out NetlinkExtendedAck? doneAck), doneAck, acknowledged: false);
                default:
                    _messageCount++;
                    _visitor?.Invoke(message);

                    if (IsSingleReplyEnd(message.Flags, RequestFlags))
                    {
                        return Finish(0, null, acknowledged: false);
                    }

                    return false;
            }
        }
        catch (Exception e)
        {
            // A visitor or decode failure ends this request only; the loop carries on.
            Completion.TrySetException(e);
            return true;
        }
    }

    internal void Fail(Exception error) => Completion.TrySetException(error);

    /// <summary>
    /// True when a data message with <paramref name="replyFlags"/> is the whole answer to a request
    /// with <paramref name="requestFlags"/>: a non-multipart reply to a request that asked for no
    /// ACK and is not a dump. A dump always runs to NLMSG_DONE (or an error), whatever its data
    /// messages say: some families (netdev, ethtool…) send dump data without NLM_F_MULTI, and
    /// ending at the first of them would leave the rest on the socket. NLM_F_DUMP shares its bits
    /// with REPLACE|EXCL of NEW requests, a combination no request needs.
    /// </summary>
    internal static bool IsSingleReplyEnd(NlMsgFlags replyFlags, NlMsgFlags requestFlags) =>
        (replyFlags & NlMsgFlags.Multi) == 0
        && (requestFlags & NlMsgFlags.Ack) == 0
        && (requestFlags & NlMsgFlags.Dump) != NlMsgFlags.Dump;

    private bool Finish(int error, NetlinkExtendedAck? ack, bool acknowledged)
    {
        if (error == 0)
        {
            Completion.TrySetResult(new NetlinkReplySummary(Sequence, _messageCount, _interrupted, acknowledged));
        }
        else
        {
            // The kernel sends -errno; take the magnitude whatever the sign.
            Completion.TrySetException(NetlinkException.ForRequest(Math.Abs(error), RequestType, Sequence, ack, _describer));
        }

        return true;
    }
}
