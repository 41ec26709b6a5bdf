using System.Collections.Frozen;

namespace Netlink;

/// <summary>
/// Names and descriptions of Linux errno values, as netlink reports them (NLMSG_ERROR carries
/// the negated errno). Values are the generic Linux ones (x86-64, arm64).
/// </summary>
public static partial class Errno
{
    private static readonly FrozenDictionary<int, (string Name, string Description)> Table = new Dictionary<int, (string, string)>
    {
        [1] = ("EPERM", "Operation not permitted"),
        [2] = ("ENOENT", "No such file or directory"),
        [3] = ("ESRCH", "No such process"),
        [4] = ("EINTR", "Interrupted system call"),
        [5] = ("EIO", "Input/output error"),
        [6] = ("ENXIO", "No such device or address"),
        [7] = ("E2BIG", "Argument list too long"),
        [9] = ("EBADF", "Bad file descriptor"),
        [11] = ("EAGAIN", "Resource temporarily unavailable"),
        [12] = ("ENOMEM", "Cannot allocate memory"),
        [13] = ("EACCES", "Permission denied"),
        [14] = ("EFAULT", "Bad address"),
        [16] = ("EBUSY", "Device or resource busy"),
        [17] = ("EEXIST", "File exists"),
        [18] = ("EXDEV", "Invalid cross-device link"),
        [19] = ("ENODEV", "No such device"),
        [20] = ("ENOTDIR", "Not a directory"),
        [21] = ("EISDIR", "Is a directory"),
        [22] = ("EINVAL", "Invalid argument"),
        [23] = ("ENFILE", "Too many open files in system"),
        [24] = ("EMFILE", "Too many open files"),
        [27] = ("EFBIG", "File too large"),
        [28] = ("ENOSPC", "No space left on device"),
        [30] = ("EROFS", "Read-only file system"),
        [31] = ("EMLINK", "Too many links"),
        [32] = ("EPIPE", "Broken pipe"),
        [33] = ("EDOM", "Numerical argument out of domain"),
        [34] = ("ERANGE", "Numerical result out of range"),
        [35] = ("EDEADLK", "Resource deadlock avoided"),
        [36] = ("ENAMETOOLONG", "File name too long"),
        [38] = ("ENOSYS", "Function not implemented"),
        [39] = ("ENOTEMPTY", "Directory not empty"),
        [40] = ("ELOOP", "Too many levels of symbolic links"),
        [42] = ("ENOMSG", "No message of desired type"),
        [43] = ("EIDRM", "Identifier removed"),
        [61] = ("ENODATA", "No data available"),
        [62] = ("ETIME", "Timer expired"),
        [71] = ("EPROTO", "Protocol error"),
        [74] = ("EBADMSG", "Bad message"),
        [75] = ("EOVERFLOW", "Value too large for defined data type"),
        [77] = ("EBADFD", "File descriptor in bad state"),
        [84] = ("EILSEQ", "Invalid or incomplete multibyte or wide character"),
        [88] = ("ENOTSOCK", "Socket operation on non-socket"),
        [89] = ("EDESTADDRREQ", "Destination address required"),
        [90] = ("EMSGSIZE", "Message too long"),
        [91] = ("EPROTOTYPE", "Protocol wrong type for socket"),
        [92] = ("ENOPROTOOPT", "Protocol not available"),
        [93] = ("EPROTONOSUPPORT", "Protocol not supported"),
        [94] = ("ESOCKTNOSUPPORT", "Socket type not supported"),
        [95] = ("EOPNOTSUPP", "Operation not supported"),
        [96] = ("EPFNOSUPPORT", "Protocol family not supported"),
        [97] = ("EAFNOSUPPORT", "Address family not supported by protocol"),
        [98] = ("EADDRINUSE", "Address already in use"),
        [99] = ("EADDRNOTAVAIL", "Cannot assign requested address"),
        [100] = ("ENETDOWN", "Network is down"),
        [101] = ("ENETUNREACH", "Network is unreachable"),
        [102] = ("ENETRESET", "Network dropped connection on reset"),
        [103] = ("ECONNABORTED", "Software caused connection abort"),
        [104] = ("ECONNRESET", "Connection reset by peer"),
        [105] = ("ENOBUFS", "No buffer space available"),
        [106] = ("EISCONN", "Transport endpoint is already connected"),
        [107] = ("ENOTCONN", "Transport endpoint is not connected"),
        [110] = ("ETIMEDOUT", "Connection timed out"),
        [111] = ("ECONNREFUSED", "Connection refused"),
        [112] = ("EHOSTDOWN", "Host is down"),
        [113] = ("EHOSTUNREACH", "No route to host"),
        [114] = ("EALREADY", "Operation already in progress"),
        [115] = ("EINPROGRESS", "Operation now in progress"),
        [116] = ("ESTALE", "Stale file handle"),
        [122] = ("EDQUOT", "Disk quota exceeded"),
        [125] = ("ECANCELED", "Operation canceled"),
        [126] = ("ENOKEY", "Required key not available"),
        [130] = ("EOWNERDEAD", "Owner died"),
        [131] = ("ENOTRECOVERABLE", "State not recoverable"),
        [132] = ("ERFKILL", "Operation not possible due to RF-kill"),
        [133] = ("EHWPOISON", "Memory page has hardware error"),
        [524] = ("ENOTSUPP", "Operation is not supported"),
    }.ToFrozenDictionary();

    /// <summary>The symbolic name (<c>EEXIST</c>) of <paramref name="errno"/>, or <c>errno N</c> when unknown.</summary>
    /// <param name="errno">A positive errno value.</param>
    public static string GetName(int errno) => Table.TryGetValue(errno, out var entry) ? entry.Name : $"errno {errno}";

    /// <summary>The strerror-style text (<c>File exists</c>) of <paramref name="errno"/>, or <c>Unknown error N</c>.</summary>
    /// <param name="errno">A positive errno value.</param>
    public static string GetDescription(int errno) => Table.TryGetValue(errno, out var entry) ? entry.Description : $"Unknown error {errno}";
}
