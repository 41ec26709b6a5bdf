namespace Nlctl.Cli;

/// <summary>A mistake in what the user asked for: printed as one line, never with a stack trace.</summary>
internal sealed class UserErrorException(string message) : Exception(message);
