namespace Nlctl.Output;

/// <summary>Writes one object's lines: one per line, or, with -o, joined by '\' on a single line as ip does.</summary>
internal static class TextLines
{
    public static void Write(TextWriter output, IEnumerable<string> lines, bool oneline)
    {
        if (oneline)
        {
            output.WriteLine(string.Join('\\', lines));
            return;
        }

        foreach (string line in lines)
        {
            output.WriteLine(line);
        }
    }
}
