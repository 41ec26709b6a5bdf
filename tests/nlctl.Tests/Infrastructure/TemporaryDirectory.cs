namespace Nlctl.Tests.Infrastructure;

/// <summary>A directory under /tmp, deleted with everything in it on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nlctl-tests-" + Guid.NewGuid().ToString("n"));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
