using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink;

/// <summary>
/// ENOBUFS on the request socket: the receive queue overflowed and the kernel dropped replies. The
/// socket reports it once, on the next receive, before the datagrams still queued, and it does not
/// say whose replies were lost. Only the direct replies of requests (an ACK, an error, a GET's
/// answer) can be dropped: a dump's datagrams are queued without the overflow check, so its data and
/// its NLMSG_DONE always arrive. The replies of a request are queued while its sendmsg runs, so a
/// probe (NLMSG_NOOP with NLM_F_ACK) sent after every suspect's send has returned is answered after
/// whatever survived of theirs: a suspect still unanswered when the probe's ACK arrives lost its reply.
/// </summary>
public sealed partial class NetlinkConnection
{
    private PendingRequest? _overrunProbe;
    private List<PendingRequest>? _overrunSuspects;

    /// <summary>The error of a request whose replies were lost to ENOBUFS.</summary>
    internal static NetlinkOverrunException RepliesLost(ushort requestType, uint sequence, INetlinkMessageDescriber? describer)
    {
        string? name = describer?.GetMessageTypeName(requestType);
        string request = name is null ? $"message type {requestType} (seq {sequence})" : $"{name} (type {requestType}, seq {sequence})";
        return new NetlinkOverrunException($"{request}: replies were lost (ENOBUFS) when the socket's receive queue overflowed, so its outcome is unknown; reading its reply")
        {
            RequestType = requestType,
            RequestSequence = sequence,
        };
    }

    /// <summary>Handles an ENOBUFS report; runs on the reader.</summary>
    private void OnOverrun()
    {
        Interlocked.Increment(ref _overruns);
        if (_overrunProbe is { } olderProbe)
        {
            // Its ACK may have been lost too: the new probe covers its suspects (still registered).
            _pending.TryRemove(new KeyValuePair<uint, PendingRequest>(olderProbe.Sequence, olderProbe));
            _overrunProbe = null;
        }

        var suspects = new List<PendingRequest>();
        foreach (KeyValuePair<uint, PendingRequest> entry in _pending)
        {
            PendingRequest pending = entry.Value;
            if (!pending.KernelFinished && !pending.Completion.Task.IsCompleted)
            {
                suspects.Add(pending);
            }
        }

        foreach (BatchWindow window in _windows)
        {
            // Its error replies may be among the lost: silence no longer means success.
            window.RepliesLost = true;
        }

        if (suspects.Count == 0)
        {
            return; // nothing in flight: counted, and no later request is affected
        }

        // A request still inside its sendmsg may queue its reply after the probe's ACK: wait for those sends.
        foreach (PendingRequest suspect in suspects)
        {
            SpinWait.SpinUntil(() => suspect.Sent || !IsRegistered(suspect), TimeSpan.FromSeconds(1));
        }

        SendProbe(suspects);
    }

    /// <summary>Sends the probe; a newer one replaces an older one still unanswered, its suspects included (they are still registered).</summary>
    private void SendProbe(List<PendingRequest> suspects)
    {
        var probe = new PendingRequest(NlMsgType.Noop, NlMsgFlags.Request | NlMsgFlags.Ack, null);
        _overrunSuspects = suspects;
        _overrunProbe = probe;
        using NetlinkMessageWriterPool.Lease lease = NetlinkMessageWriterPool.Shared.Rent();
        int start = lease.Writer.BeginMessage(NlMsgType.Noop, NlMsgFlags.Request | NlMsgFlags.Ack);
        lease.Writer.EndMessage(start);
        try
        {
            RegisterAndSend(lease.Writer, start, probe);
        }
        catch (Exception e) when (e is NetlinkException or ObjectDisposedException or InvalidOperationException)
        {
            // No probe, no way to tell who lost what: every suspect learns its replies may be lost.
            _overrunProbe = null;
            AttributeOverrun(suspects);
        }

        _ = probe.Completion.Task.Exception; // nobody awaits the probe: observe its failure, if any
    }

    /// <summary>The probe's ACK arrived (on the reader, in order after every suspect's surviving reply).</summary>
    private void OnProbeAnswered(PendingRequest probe)
    {
        if (_overrunSuspects is { } suspects && ReferenceEquals(probe, _overrunProbe))
        {
            _overrunProbe = null;
            _overrunSuspects = null;
            AttributeOverrun(suspects);
        }
    }

    /// <summary>The probe was answered: every suspect still waiting for its direct reply lost it.</summary>
    private void AttributeOverrun(List<PendingRequest> suspects)
    {
        foreach (PendingRequest suspect in suspects)
        {
            if (suspect.KernelFinished || (suspect.IsDump && suspect.SawData))
            {
                continue; // answered, or a dump under way (its datagrams are never dropped)
            }

            suspect.Fail(RepliesLost(suspect.RequestType, suspect.Sequence, _options.Describer));
            if (_pending.TryRemove(new KeyValuePair<uint, PendingRequest>(suspect.Sequence, suspect)) && suspect.IsDump)
            {
                ReleaseDumpLane(suspect); // its error reply was lost, so the kernel never started it
            }
        }
    }

    private bool IsRegistered(PendingRequest pending) =>
        _pending.TryGetValue(pending.Sequence, out PendingRequest? registered) && registered == pending;
}
