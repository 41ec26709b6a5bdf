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

                    // A single (non-multipart) reply ends the request unless an ACK was asked for.
                    if ((message.Flags & NlMsgFlags.Multi) == 0 && (RequestFlags & NlMsgFlags.Ack) == 0)
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
