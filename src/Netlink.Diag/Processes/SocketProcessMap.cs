using System.Globalization;

namespace Netlink.Diag;

/// <summary>A process holding a socket: what <c>ss -p</c> prints as <c>("comm",pid=N,fd=M)</c>.</summary>
/// <param name="Pid">Process id.</param>
/// <param name="Command">/proc/PID/comm.</param>
/// <param name="FileDescriptor">The descriptor number referring to the socket.</param>
public sealed record SocketOwner(int Pid, string Command, int FileDescriptor);

/// <summary>
/// Maps socket inodes to the processes holding them, by scanning every <c>/proc/PID/fd</c>
/// symbolic link of the form <c>socket:[INODE]</c> (like <c>ss -p</c>). Opt-in: the scan reads
/// every process's descriptor table, which costs time on busy hosts and needs root to see other
/// users' processes. /proc shows the processes of the caller's pid namespace; inodes are unique
/// host-wide, so the map applies to sockets of any network namespace.
/// </summary>
public static class SocketProcessMap
{
    /// <summary>Scans <paramref name="procRoot"/> once. Processes and descriptors that vanish or cannot be read are skipped.</summary>
    /// <returns>Owners per socket inode, in pid then fd order.</returns>
    public static IReadOnlyDictionary<ulong, IReadOnlyList<SocketOwner>> Scan(string procRoot = "/proc")
    {
        var map = new Dictionary<ulong, List<SocketOwner>>();
        foreach (int pid in EnumeratePids(procRoot))
        {
            string? command = null;
            IEnumerable<string> fds;
            try
            {
                fds = Directory.EnumerateFiles(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "fd"));
                foreach (string fdPath in fds)
                {
                    string? target = TryReadLink(fdPath);
                    if (target is null || !TryParseSocketInode(target, out ulong inode)
                        || !int.TryParse(Path.GetFileName(fdPath), NumberStyles.None, CultureInfo.InvariantCulture, out int fd))
                    {
                        continue;
                    }

                    command ??= ReadComm(procRoot, pid);
                    if (!map.TryGetValue(inode, out List<SocketOwner>? owners))
                    {
                        map[inode] = owners = [];
                    }

                    owners.Add(new SocketOwner(pid, command, fd));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process exited or hides its descriptors.
            }
        }

        var result = new Dictionary<ulong, IReadOnlyList<SocketOwner>>(map.Count);
        foreach ((ulong inode, List<SocketOwner> owners) in map)
        {
            owners.Sort(static (a, b) => a.Pid != b.Pid ? a.Pid.CompareTo(b.Pid) : a.FileDescriptor.CompareTo(b.FileDescriptor));
            result[inode] = owners;
        }

        return result;
    }

    /// <summary>Parses <c>socket:[N]</c>.</summary>
    public static bool TryParseSocketInode(string linkTarget, out ulong inode)
    {
        ArgumentNullException.ThrowIfNull(linkTarget);
        inode = 0;
        return linkTarget.StartsWith("socket:[", StringComparison.Ordinal) && linkTarget.EndsWith(']')
            && ulong.TryParse(linkTarget.AsSpan(8, linkTarget.Length - 9), NumberStyles.None, CultureInfo.InvariantCulture, out inode);
    }

    private static IEnumerable<int> EnumeratePids(string procRoot)
    {
        foreach (string directory in Directory.EnumerateDirectories(procRoot))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                yield return pid;
            }
        }
    }

    private static string? TryReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string ReadComm(string procRoot, int pid)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "comm")).TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }
}
