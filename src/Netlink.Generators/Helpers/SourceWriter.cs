using System;
using System.Text;

namespace Netlink.Generators.Helpers;

/// <summary>Writes C# source line by line, tracking the indentation of braces.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _sb = new();

    public int Indentation { get; set; }

    public SourceWriter Line(string text = "")
    {
        if (text.Length == 0)
        {
            _sb.Append('\n');
            return this;
        }

        foreach (string line in text.Split('\n'))
        {
            if (line.Length > 0)
            {
                _sb.Append(' ', Indentation * 4);
            }

            _sb.Append(line).Append('\n');
        }

        return this;
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and indents.</summary>
    public SourceWriter Open(string header)
    {
        if (header.Length > 0)
        {
            Line(header);
        }

        Line("{");
        Indentation++;
        return this;
    }

    /// <summary>Unindents and writes a closing brace (plus an optional suffix such as ";").</summary>
    public SourceWriter Close(string suffix = "")
    {
        Indentation--;
        if (Indentation < 0)
        {
            throw new InvalidOperationException("unbalanced braces in generated source");
        }

        Line("}" + suffix);
        return this;
    }

    /// <summary>Writes an XML doc summary if <paramref name="doc"/> is not empty.</summary>
    public SourceWriter Doc(string? doc)
    {
        if (string.IsNullOrWhiteSpace(doc))
        {
            return this;
        }

        string text = doc!.Trim();
        if (text.IndexOf('\n') < 0)
        {
            Line("/// <summary>" + Escape(text) + "</summary>");
            return this;
        }

        Line("/// <summary>");
        foreach (string line in text.Split('\n'))
        {
            Line("/// " + Escape(line.TrimEnd()));
        }

        Line("/// </summary>");
        return this;
    }

    /// <summary>The lines written so far (for a caller that decides how to wrap them).</summary>
    public string[] Lines() => _sb.ToString().TrimEnd('\n').Split('\n');

    public override string ToString()
    {
        if (Indentation != 0)
        {
            throw new InvalidOperationException("generated source ends with indentation " + Indentation);
        }

        return _sb.ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
