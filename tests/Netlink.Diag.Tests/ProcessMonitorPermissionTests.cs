using Netlink.Testing;

namespace Netlink.Diag.Tests;

/// <summary>
/// The proc connector as an unprivileged caller (a thread without capabilities): the 4 MiB
/// receive buffer falls back to SO_RCVBUF instead of failing on SO_RCVBUFFORCE, and the refusal
/// of the subscription itself (joining CN_IDX_PROC on this kernel; PROC_CN_MCAST_LISTEN on others)
/// names the capability the kernel wants.
/// </summary>
[Collection(nameof(ProcessEventsCollection))]
public sealed class ProcessMonitorPermissionTests
{
    [RootFact]
    public void Without_capabilities_the_error_names_CAP_NET_ADMIN_and_not_the_receive_buffer()
    {
        Exception? failure = WithoutCapabilities.Run(() =>
        {
            try
            {
                using ProcessMonitor monitor = ProcessMonitor.StartAsync(new ProcessMonitorOptions { AcknowledgementTimeout = TimeSpan.FromSeconds(5) }).GetAwaiter().GetResult();
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        });

        var error = Assert.IsType<NetlinkException>(failure);
        Assert.DoesNotContain("SO_RCVBUF", error.Message);
        Assert.Equal(Errno.EPERM, error.Errno);
        Assert.Equal("CAP_NET_ADMIN", error.RequiredCapability);
        Assert.Contains("failed: EPERM (1) Operation not permitted (needs CAP_NET_ADMIN)", error.Message);
    }
}
