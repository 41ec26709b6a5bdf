namespace Netlink;

/// <content>Named constants for the errno values netlink callers test for most often.</content>
public static partial class Errno
{
    /// <summary>Operation not permitted (1).</summary>
    public const int EPERM = 1;

    /// <summary>No such file or directory (2).</summary>
    public const int ENOENT = 2;

    /// <summary>No such process (3).</summary>
    public const int ESRCH = 3;

    /// <summary>Interrupted system call (4).</summary>
    public const int EINTR = 4;

    /// <summary>I/O error (5).</summary>
    public const int EIO = 5;

    /// <summary>Bad file descriptor (9).</summary>
    public const int EBADF = 9;

    /// <summary>Try again (11).</summary>
    public const int EAGAIN = 11;

    /// <summary>Out of memory (12).</summary>
    public const int ENOMEM = 12;

    /// <summary>Permission denied (13).</summary>
    public const int EACCES = 13;

    /// <summary>Device or resource busy (16).</summary>
    public const int EBUSY = 16;

    /// <summary>File exists (17).</summary>
    public const int EEXIST = 17;

    /// <summary>No such device (19).</summary>
    public const int ENODEV = 19;

    /// <summary>Invalid argument (22).</summary>
    public const int EINVAL = 22;

    /// <summary>Result out of range (34).</summary>
    public const int ERANGE = 34;

    /// <summary>Message too long (90).</summary>
    public const int EMSGSIZE = 90;

    /// <summary>Protocol not supported (93).</summary>
    public const int EPROTONOSUPPORT = 93;

    /// <summary>Operation not supported (95).</summary>
    public const int EOPNOTSUPP = 95;

    /// <summary>Address family not supported (97).</summary>
    public const int EAFNOSUPPORT = 97;

    /// <summary>Address already in use (98).</summary>
    public const int EADDRINUSE = 98;

    /// <summary>Cannot assign requested address (99).</summary>
    public const int EADDRNOTAVAIL = 99;

    /// <summary>Network is down (100).</summary>
    public const int ENETDOWN = 100;

    /// <summary>Network is unreachable (101).</summary>
    public const int ENETUNREACH = 101;

    /// <summary>No buffer space available (105).</summary>
    public const int ENOBUFS = 105;

    /// <summary>Connection timed out (110).</summary>
    public const int ETIMEDOUT = 110;

    /// <summary>No route to host (113).</summary>
    public const int EHOSTUNREACH = 113;
}
