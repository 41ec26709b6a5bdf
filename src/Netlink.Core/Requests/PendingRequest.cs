using Netlink.Messages;

namespace Netlink;

/// <summary>
/// One request waiting for its replies. <see cref="OnMessage"/> runs on whichever caller is
/// reading the connection's socket at the time (one at a time); the caller waits on <see cref="Completion"/>.
/// </summary>
/// <remarks>
/// Two ends are tracked apart: <see cref="Completion"/> is what the caller sees (it may end early:
/// cancelled, timed out, a visitor that threw), and <see cref="KernelFinished"/> says the kernel has
/// sent its last message for this sequence number. A dump whose caller left early stays registered
/// until then, so the rest of its replies is read and dropped (<see cref="MessageOutcome.Discarded"/>)
/// instead of being mistaken for someone else's, and the next dump is not sent while the kernel
/// still runs this one. One of these is made per request, so its state is kept small (bits in one field).
/// </remarks>
internal sealed class PendingRequest
{
    // Written only by the reader of the socket (one at a time); read by others.
    private const int InterruptedBit = 1;
    private const int KernelFinishedBit = 2;
    private const int SawDataBit = 4;

    private readonly NetlinkMessageVisitor? _visitor;
    private readonly CancellationToken _cancellation;
    private int _messageCount;
    private int _state;
    private volatile bool _sent;

    internal PendingRequest(ushort requestType, NlMsgFlags requestFlags, NetlinkMessageVisitor? visitor, CancellationToken cancellation = default)
    {
        RequestType = requestType;
        RequestFlags = requestFlags;
        _visitor = visitor;
        _cancellation = cancellation;
    }

    internal uint Sequence { get; set; }

    internal ushort RequestType { get; }

    internal NlMsgFlags RequestFlags { get; }

    /// <summary>True for a dump (NLM_F_DUMP): it runs to NLMSG_DONE, one at a time per socket.</summary>
    internal bool IsDump => IsDumpRequest(RequestFlags);

    internal TaskCompletionSource<NetlinkReplySummary> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The kernel sent the last message for this request (NLMSG_DONE, the error/ACK, or the single reply).</summary>
    internal bool KernelFinished => (Volatile.Read(ref _state) & KernelFinishedBit) != 0;

    /// <summary>A data message was seen (delivered or not): a dump without one after its send has not been answered.</summary>
    internal bool SawData => (Volatile.Read(ref _state) & SawDataBit) != 0;

    /// <summary>The send call returned (the kernel has handled the request and queued its direct replies).</summary>
    internal bool Sent => _sent;

    /// <summary>Called by the connection once the request's datagram went out (the sender's thread; the reader may already have its reply).</summary>
    internal void MarkSent() => _sent = true;

    /// <summary>True if <paramref name="flags"/> ask for a dump: both NLM_F_ROOT and NLM_F_MATCH, as every family's dump check wants.</summary>
    internal static bool IsDumpRequest(NlMsgFlags flags) => (flags & NlMsgFlags.Dump) == NlMsgFlags.Dump;

    /// <summary>Handles one message carrying this request's sequence number.</summary>
    /// <param name="message">The message.</param>
    /// <param name="describer">Names the request's type in an error (the connection's; not kept per request).</param>
    /// <returns>Whether the kernel has finished this request (its last message was this one), and whether the message was dropped.</returns>
    internal MessageOutcome OnMessage(NetlinkMessage message, INetlinkMessageDescriber? describer)
    {
        bool final = IsFinal(message);
        if (Completion.Task.IsCompleted)
        {
            // The caller has gone (cancelled, timed out, failed): read and drop the rest.
            return Finished(final) | MessageOutcome.Discarded;
        }

        if ((message.Flags & NlMsgFlags.DumpInterrupted) != 0)
        {
            _state |= InterruptedBit;
        }

        try
        {
            switch (message.Type)
            {
                case NlMsgType.Noop:
                case NlMsgType.Overrun:
                    return MessageOutcome.Delivered;
                case NlMsgType.Error:
                    Finish(ExtendedAckParser.ReadError(message, out NetlinkExtendedAck? ack), ack, acknowledged: true, describer);
                    return Finished(true);
                case NlMsgType.Done:
                    Finish(ExtendedAckParser.ReadDone(message, out NetlinkExtendedAck? doneAck), doneAck, acknowledged: false, describer);
                    return Finished(true);
                default:
                    if ((_state & SawDataBit) == 0)
                    {
                        Volatile.Write(ref _state, _state | SawDataBit);
                    }

                    if (_cancellation.IsCancellationRequested)
                    {
                        // Cancelled, perhaps from inside the visitor: no further message reaches it.
                        Completion.TrySetCanceled(_cancellation);
                        return Finished(final) | MessageOutcome.Discarded;
                    }

                    _messageCount++;
                    _visitor?.Invoke(message);
                    if (final)
                    {
                        Finish(0, null, acknowledged: false, describer);
                    }

                    return Finished(final);
            }
        }
        catch (Exception e)
        {
            // A visitor or decode failure ends this request only; the rest of its replies is dropped.
            Completion.TrySetException(e);
            return Finished(final || message.Type is NlMsgType.Error or NlMsgType.Done);
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
        && !IsDumpRequest(requestFlags);

    /// <summary>True if <paramref name="message"/> is the kernel's last one for this request.</summary>
    private bool IsFinal(NetlinkMessage message) => message.Type switch
    {
        NlMsgType.Noop or NlMsgType.Overrun => false,
        NlMsgType.Error or NlMsgType.Done => true,
        _ => IsSingleReplyEnd(message.Flags, RequestFlags),
    };

    private MessageOutcome Finished(bool final)
    {
        if (!final)
        {
            return MessageOutcome.Delivered;
        }

        Volatile.Write(ref _state, _state | KernelFinishedBit);
        return MessageOutcome.KernelFinished;
    }

    private void Finish(int error, NetlinkExtendedAck? ack, bool acknowledged, INetlinkMessageDescriber? describer)
    {
        if (error == 0)
        {
            Completion.TrySetResult(new NetlinkReplySummary(Sequence, _messageCount, (_state & InterruptedBit) != 0, acknowledged));
        }
        else
        {
            // The kernel sends -errno; take the magnitude whatever the sign.
            Completion.TrySetException(NetlinkException.ForRequest(Math.Abs(error), RequestType, Sequence, ack, describer));
        }
    }
}

/// <summary>What <see cref="PendingRequest.OnMessage"/> made of a message.</summary>
[Flags]
internal enum MessageOutcome
{
    /// <summary>Handled; more messages follow.</summary>
    Delivered = 0,

    /// <summary>It was the kernel's last message for the request.</summary>
    KernelFinished = 1,

    /// <summary>The request's caller had gone: the message was read and dropped.</summary>
    Discarded = 2,
}
