using Netlink;

namespace Nlctl.Cli;

/// <summary>Opens the namespaces named on the command line (-n, netns), with ip's error words.</summary>
internal static class Namespaces
{
    /// <summary>A name under /run/netns or a path (with a '/'); null for the current namespace.</summary>
    /// <exception cref="UsageException">It cannot be opened: <c>Cannot open network namespace "x": reason</c>.</exception>
    public static NetworkNamespace? Open(string? nameOrPath)
    {
        if (nameOrPath is null)
        {
            return null;
        }

        if (!nameOrPath.Contains('/', StringComparison.Ordinal) && !NetworkNamespace.Exists(nameOrPath))
        {
            throw new UsageException($"Cannot open network namespace \"{Nlctl.Output.Printable.Name(nameOrPath)}\": No such file or directory");
        }

        try
        {
            return nameOrPath.Contains('/', StringComparison.Ordinal) ? NetworkNamespace.OpenPath(nameOrPath) : NetworkNamespace.Open(nameOrPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NetlinkException or ArgumentException)
        {
            throw new UsageException($"Cannot open network namespace \"{Nlctl.Output.Printable.Name(nameOrPath)}\": {ErrorText.Plain(e)}");
        }
    }
}
