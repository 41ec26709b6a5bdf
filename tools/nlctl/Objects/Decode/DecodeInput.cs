using Nlctl.Cli;

namespace Nlctl.Objects.Decode;

/// <summary>Reads decode's input (a file, or stdin for none or "-"), refusing more than a limit before holding it.</summary>
internal static class DecodeInput
{
    public static async Task<byte[]> ReadAsync(string? path, long maxBytes, CancellationToken cancellationToken)
    {
        Stream input;
        try
        {
            input = path is null or "-" ? Console.OpenStandardInput() : File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Error: cannot read {path}: {e.Message}");
        }

        await using (input)
        {
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[64 * 1024];
            while (true)
            {
                int read;
                try
                {
                    read = await input.ReadAsync(chunk, cancellationToken);
                }
                catch (IOException e)
                {
                    throw new UsageException($"Error: cannot read {path ?? "stdin"}: {e.Message}");
                }

                if (read == 0)
                {
                    return buffer.ToArray();
                }

                if (buffer.Length + read > maxBytes)
                {
                    throw new UsageException($"Error: the input is larger than {maxBytes} bytes; nothing was decoded (--max-bytes N raises the limit).");
                }

                buffer.Write(chunk, 0, read);
            }
        }
    }
}
