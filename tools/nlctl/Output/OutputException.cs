namespace Nlctl.Output;

/// <summary>Writing the results failed (a full disk, a closed file): reported as one line, exit status 1.</summary>
internal sealed class OutputException(IOException inner) : Exception($"Error: cannot write the output: {inner.Message}", inner);
