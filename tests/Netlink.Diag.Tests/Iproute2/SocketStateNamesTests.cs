using Netlink.Diag.Iproute2;

namespace Netlink.Diag.Tests.Iproute2;

/// <summary>ss's words for states, timers and UNIX socket types, from their one home in the SDK.</summary>
public sealed class SocketStateNamesTests
{
    [Theory]
    [InlineData("established", SocketStates.Established)]
    [InlineData("ESTABLISHED", SocketStates.Established)]
    [InlineData("time_wait", SocketStates.TimeWait)]
    [InlineData("listening", SocketStates.Listen)]
    [InlineData("syn-recv", SocketStates.SynRecv | SocketStates.NewSynRecv)]
    [InlineData("connected", SocketStates.Connected)]
    [InlineData("all", SocketStates.All)]
    public void Filter_words_stand_for_ss_states(string word, SocketStates states)
    {
        Assert.True(SocketStateNames.TryParse(word, out SocketStates parsed));
        Assert.Equal(states, parsed);
    }

    [Fact]
    public void Names_print_as_ss_prints_them()
    {
        Assert.False(SocketStateNames.TryParse("estab", out _));
        Assert.Equal("ESTAB", SocketStateNames.Format(SocketState.Established));
        Assert.Equal("UNCONN", SocketStateNames.Format(SocketState.Close));
        Assert.Equal(SocketState.TimeWait.ToSsName(), SocketStateNames.Format(SocketState.TimeWait));
        Assert.Equal("persist", SocketTimerNames.Format(SocketTimer.Probe));
        Assert.Equal("u_seq", UnixSocketTypeNames.Format(UnixSocketType.SeqPacket));
        Assert.Contains("close-wait", SocketStateNames.Names);
    }
}
