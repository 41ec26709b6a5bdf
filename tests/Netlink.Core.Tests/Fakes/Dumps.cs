using Netlink.Core.Tests.Support;
using Netlink.Messages;

namespace Netlink.Core.Tests.Fakes;

/// <summary>Scripted dump replies.</summary>
internal static class Dumps
{
    /// <summary><paramref name="datagrams"/> datagrams of two data messages each (markers 1, 2, 3…), then NLMSG_DONE.</summary>
    public static IEnumerable<byte[]> Of(uint sequence, int datagrams, NlMsgFlags dataFlags = NlMsgFlags.Multi, NlMsgFlags doneFlags = NlMsgFlags.None)
    {
        for (int i = 0; i < datagrams; i++)
        {
            yield return Replies.Datagram(
                Replies.Data(TestRequests.NewThing, sequence, dataFlags, (uint)(2 * i) + 1),
                Replies.Data(TestRequests.NewThing, sequence, dataFlags, (uint)(2 * i) + 2));
        }

        yield return Replies.Done(sequence, extraFlags: doneFlags);
    }
}
