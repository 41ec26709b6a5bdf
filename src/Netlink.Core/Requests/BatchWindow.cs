using Netlink.Messages;

namespace Netlink;

/// <summary>
/// The requests of one batch window (<see cref="NetlinkConnection.ExecuteBatchAsync"/>): a block of
/// consecutive sequence numbers and one slot per request, filled by the pump as replies arrive.
/// A window of 10,000 route changes costs one object and two arrays instead of a pending request,
/// a task and a dictionary entry per route. Slots are written only by the pump (one thread at a
/// time) and read by the owner after the window's barrier completed, which orders the two.
/// </summary>
internal sealed class BatchWindow
{
    private readonly Slot[] _slots;
    private readonly ushort[] _types;
    private readonly NlMsgFlags[] _flags;

    internal BatchWindow(uint firstSequence, int count)
    {
        FirstSequence = firstSequence;
        _slots = new Slot[count];
        _types = new ushort[count];
        _flags = new NlMsgFlags[count];
    }

    internal uint FirstSequence { get; }

    internal int Count => _slots.Length;

    /// <summary>The length of the largest data reply seen (sizes the next window).</summary>
    internal int LargestReply { get; private set; }

    /// <summary>The window's closing NLMSG_NOOP request, registered like any request.</summary>
    internal PendingRequest? Barrier { get; set; }

    /// <summary>
    /// ENOBUFS was reported after the window went out: an error reply may have been dropped, so a
    /// request without a reply can no longer be taken as a success (set by the reader).
    /// </summary>
    internal bool RepliesLost { get; set; }

    /// <summary>Records request <paramref name="index"/>'s type and flags (what decides when it is finished).</summary>
    internal void Describe(int index, ushort type, NlMsgFlags flags)
    {
        _types[index] = type;
        _flags[index] = flags;
    }

    /// <summary>True if <paramref name="sequence"/> belongs to this window (unsigned arithmetic copes with wrap-around).</summary>
    internal bool Contains(uint sequence) => sequence - FirstSequence < (uint)_slots.Length;

    /// <summary>Handles one reply message of this window; runs on the pump.</summary>
    internal void OnMessage(uint sequence, NetlinkMessage message)
    {
        int index = (int)(sequence - FirstSequence);
        ref Slot slot = ref _slots[index];
        if (slot.Finished)
        {
            slot.Late++;
            return;
        }

        if ((message.Flags & NlMsgFlags.DumpInterrupted) != 0)
        {
            slot.Interrupted = true;
        }

        try
        {
            switch (message.Type)
            {
                case NlMsgType.Noop:
                case NlMsgType.Overrun:
                    return;
                case NlMsgType.Error:
                    slot.Errno = Math.Abs(ExtendedAckParser.ReadError(message, out slot.Ack));
                    slot.Finished = true;
                    return;
                case NlMsgType.Done:
                    slot.Errno = Math.Abs(ExtendedAckParser.ReadDone(message, out slot.Ack));
                    slot.Finished = true;
                    return;
                default:
                    LargestReply = Math.Max(LargestReply, message.Bytes.Length);
                    (slot.Replies ??= []).Add(NetlinkReply.Copy(message));

                    slot.Finished = PendingRequest.IsSingleReplyEnd(message.Flags, _flags[index]);
                    return;
            }
        }
        catch (NetlinkDecodeException e)
        {
            slot.DecodeError = e;
            slot.Finished = true;
        }
    }

    /// <summary>A reply datagram of request at <paramref name="sequence"/> was badly framed; runs on the pump.</summary>
    internal void OnDecodeError(uint sequence, NetlinkDecodeException error)
    {
        ref Slot slot = ref _slots[(int)(sequence - FirstSequence)];
        if (!slot.Finished)
        {
            slot.DecodeError = error;
            slot.Finished = true;
        }
    }

    /// <summary>
    /// The result of request <paramref name="index"/> once the barrier is in: its error if it failed,
    /// success if it finished or never answered (no reply before the barrier means it succeeded), or
    /// <paramref name="barrierError"/> if the barrier itself failed before the request finished. After
    /// an ENOBUFS (<see cref="RepliesLost"/>) a request that never answered has an unknown outcome and
    /// fails with <see cref="NetlinkOverrunException"/>.
    /// </summary>
    internal NetlinkBatchResult Result(int index, int batchIndex, Exception? barrierError, INetlinkMessageDescriber? describer)
    {
        ref Slot slot = ref _slots[index];
        uint sequence = FirstSequence + (uint)index;
        Exception? error = slot.DecodeError
            ?? (slot.Errno != 0 ? NetlinkException.ForRequest(slot.Errno, _types[index], sequence, slot.Ack, describer) : null)
            ?? (slot.Finished ? null : barrierError)
            ?? (slot.Finished || !RepliesLost ? null : NetlinkConnection.RepliesLost(_types[index], sequence, describer));
        return new NetlinkBatchResult(batchIndex, _types[index], sequence, (IReadOnlyList<NetlinkReply>?)slot.Replies ?? [], error);
    }

    /// <summary>Replies that arrived for requests already finished (counted as unmatched, like any late reply).</summary>
    internal int LateReplies()
    {
        int late = 0;
        foreach (Slot slot in _slots)
        {
            late += slot.Late;
        }

        return late;
    }

    private struct Slot
    {
        internal bool Finished;
        internal bool Interrupted;
        internal int Errno;
        internal int Late;
        internal NetlinkExtendedAck? Ack;
        internal List<NetlinkReply>? Replies;
        internal NetlinkDecodeException? DecodeError;
    }
}
