using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Netlink.Testing;

/// <summary>
/// Runs code as an unprivileged caller without leaving the test process: a dedicated thread drops
/// every capability (capset(2) changes only the calling thread) and runs the code, then ends, so
/// no other work ever runs without them. Sockets opened there keep the opener's (empty)
/// capabilities in their file credentials, which is what the kernel checks for netlink requests;
/// threads started from there (e.g. to enter a namespace) inherit the empty set too.
/// </summary>
public static partial class WithoutCapabilities
{
    /// <summary>_LINUX_CAPABILITY_VERSION_3: two 32-bit words per set.</summary>
    private const uint CapabilityVersion3 = 0x20080522;

    /// <summary>Runs <paramref name="action"/> on a new thread that holds no capabilities, and returns its result.</summary>
    public static T Run<T>(Func<T> action)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                DropAll();
                result = action();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = "no-capabilities",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    /// <summary>Runs <paramref name="action"/> without capabilities (see <see cref="Run{T}(Func{T})"/>).</summary>
    public static void Run(Action action) => Run(() =>
    {
        action();
        return true;
    });

    private static unsafe void DropAll()
    {
        var header = new CapabilityHeader { Version = CapabilityVersion3, Pid = 0 };
        CapabilityData* sets = stackalloc CapabilityData[2];
        sets[0] = default;
        sets[1] = default;
        if (CapSet(&header, sets) != 0)
        {
            throw new InvalidOperationException($"capset failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "capset", SetLastError = true)]
    private static unsafe partial int CapSet(CapabilityHeader* header, CapabilityData* data);

    [StructLayout(LayoutKind.Sequential)]
    private struct CapabilityHeader
    {
        public uint Version;
        public int Pid;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct CapabilityData
    {
        public uint Effective;
        public uint Permitted;
        public uint Inheritable;
    }
}
