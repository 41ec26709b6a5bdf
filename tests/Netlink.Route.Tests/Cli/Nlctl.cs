using Netlink.Route.Tests.Routes;

namespace Netlink.Route.Tests.Cli;

/// <summary>Runs the built nlctl (copied next to the tests) as a process, for route/neigh/rule command tests.</summary>
internal static class Nlctl
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "nlctl.dll");

    /// <summary>Runs <c>nlctl ARGS</c>; returns stdout, throws with stderr on a non-zero exit.</summary>
    public static string Run(string arguments) => RouteNamespace.Run("dotnet", $"{Dll} {arguments}");
}
