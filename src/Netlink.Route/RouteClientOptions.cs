namespace Netlink.Route;

/// <summary>Settings of a <see cref="RouteClient"/>.</summary>
public sealed class RouteClientOptions
{
    /// <summary>How long one request may wait for the kernel. Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Strict checking (NETLINK_GET_STRICT_CHK): the kernel validates requests fully and honours
    /// dump filters, so filtered lists do not drag whole tables through user space. Default true.
    /// </summary>
    public bool StrictChecking { get; init; } = true;

    /// <summary>How many times a dump interrupted by a concurrent change (NLM_F_DUMP_INTR) is run in all. Default 3.</summary>
    public int DumpAttempts { get; init; } = 3;
}
