using Netlink;
using Nlctl.Output;

namespace Nlctl.Cli;

/// <summary>Turns what went wrong into ip's one line and exit status: 1 for usage, 2 for the kernel's refusals.</summary>
internal static class ErrorText
{
    /// <summary>Exit status for a mistake on the command line (and other failures that are not the kernel's answer).</summary>
    public const int Usage = 1;

    /// <summary>Exit status for a request the kernel refused.</summary>
    public const int Kernel = 2;

    /// <summary>The line to print and the exit status.</summary>
    public static (string Line, int ExitCode) Describe(Exception error) => error switch
    {
        UsageException => (error.Message, Usage),
        OutputException => (error.Message, Usage),
        NetlinkDumpInterruptedException => ("Dump was interrupted and may be inconsistent.", Kernel),
        NetlinkException kernel when kernel.RequestType is not null => (Refusal(kernel), Kernel),
        NetlinkException other => ($"Error: {other.Message}", Kernel),
        ArgumentException argument => ($"Error: {Plain(argument)}{(Plain(argument).EndsWith('.') ? string.Empty : ".")}", Usage),
        UnauthorizedAccessException => ($"Error: {error.Message} (this needs root: CAP_NET_ADMIN)", Usage),
        IOException or TimeoutException or InvalidOperationException or NotSupportedException => ($"Error: {error.Message}", Usage),
        _ => ($"Error: internal error ({error.GetType().Name}): {error.Message}", 3),
    };

    /// <summary>An exception's message without .NET's "(Parameter 'x')" suffix.</summary>
    public static string Plain(Exception error) =>
        error is ArgumentException { ParamName: { } name } argument
            ? argument.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal)
            : error.Message;

    /// <summary>
    /// ip's words for a refusal: the kernel's extended-ACK text if any, else the errno's text; for
    /// EPERM also the capability the kernel wanted (which ip leaves the user to guess).
    /// </summary>
    private static string Refusal(NetlinkException error)
    {
        string needs = error.RequiredCapability is { } capability ? $" (needs {capability})" : string.Empty;
        if (!string.IsNullOrEmpty(error.ExtendedAckMessage))
        {
            string message = error.ExtendedAckMessage;
            return $"Error: {message}{(message.EndsWith('.') ? string.Empty : ".")}{needs}";
        }

        return $"RTNETLINK answers: {Errno.GetDescription(error.Errno)}{needs}";
    }
}
