using System.Globalization;
using System.Net.NetworkInformation;
using Netlink;
using Nlctl.Cli;

namespace Nlctl.Objects.Link;

/// <summary>Values the link verbs share: hardware addresses, centiseconds, a target namespace.</summary>
internal static class LinkWords
{
    /// <summary>"02:00:00:00:00:01" (or with '-').</summary>
    public static PhysicalAddress Mac(string text)
    {
        try
        {
            PhysicalAddress address = PhysicalAddress.Parse(text.Replace(':', '-'));
            return address.GetAddressBytes().Length > 0 ? address : throw new FormatException();
        }
        catch (FormatException)
        {
            throw UsageException.Invalid(text, "\"address\" is not a hardware address (like 02:00:00:00:00:01)");
        }
    }

    /// <summary>Bridge timers are given in centiseconds, as ip takes them.</summary>
    public static TimeSpan Centiseconds(uint value) => TimeSpan.FromMilliseconds(value * 10.0);

    /// <summary>A namespace name (or path), or a process id when the value is a number.</summary>
    public static (NetworkNamespace? Namespace, int? Pid) Namespace(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? (null, pid) : (Namespaces.Open(value), null);
}
