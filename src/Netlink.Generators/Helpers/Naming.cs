using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Netlink.Generators.Model;

namespace Netlink.Generators.Helpers;

/// <summary>
/// The one place where spec names (kebab-case, snake_case) become C# names. Every name comes back
/// as an <see cref="Identifier"/>: the escaped identifier to emit and the bare name to build
/// other names from, so no caller strips '@' itself.
/// </summary>
internal static class Naming
{
    /// <summary>"ifla-mtu" -> IflaMtu, "802.3ad" -> _8023ad.</summary>
    public static Identifier Pascal(string name) => Escape(PascalText(name));

    /// <summary>"get-limits" -> getLimits, for parameters.</summary>
    public static Identifier Camel(string name)
    {
        string pascal = PascalText(name);
        return Escape(pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1));
    }

    /// <summary>An identifier for <paramref name="text"/> as given: empty -> "_", leading digit -> "_…", keyword -> "@…".</summary>
    public static Identifier Escape(string text)
    {
        if (text.Length == 0)
        {
            return new Identifier("_", "_");
        }

        if (char.IsDigit(text[0]))
        {
            text = "_" + text;
        }

        return SyntaxFacts.GetKeywordKind(text) != SyntaxKind.None
            ? new Identifier("@" + text, text)
            : new Identifier(text, text);
    }

    /// <summary>A name made from a stem and a suffix (<c>LinkAttrs</c> + <c>Reader</c>), escaped if needed.</summary>
    public static Identifier Compose(Identifier stem, string suffix) => Escape(stem.Bare + suffix);

    /// <summary>The C name of an operation's message (<c>rtm-</c> + <c>newlink</c> -> RTM_NEWLINK).</summary>
    public static string CName(string prefix, string name) => (prefix + name).Replace('-', '_').ToUpperInvariant();

    /// <summary>A C# string literal for <paramref name="text"/>.</summary>
    public static string Literal(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 32 || c > 126)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static string PascalText(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool upper = true;
        foreach (char c in name)
        {
            if (c < 128 && char.IsLetterOrDigit(c))
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return sb.ToString();
    }
}

/// <summary>Hands out unique identifiers in one declaration space; the first to ask keeps the plain name.</summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _used = new(System.StringComparer.Ordinal);

    public NameScope(params string[] reserved)
    {
        foreach (string name in reserved)
        {
            _used.Add(name);
        }
    }

    /// <summary>The identifier, or the identifier with 2, 3… appended if taken.</summary>
    public Identifier Reserve(Identifier desired)
    {
        if (_used.Add(desired.Bare))
        {
            return desired;
        }

        for (int i = 2; ; i++)
        {
            Identifier candidate = Naming.Escape(desired.Bare + i.ToString(CultureInfo.InvariantCulture));
            if (_used.Add(candidate.Bare))
            {
                return candidate;
            }
        }
    }

    /// <summary>As <see cref="Reserve(Identifier)"/> for a name built by the emitter.</summary>
    public string Reserve(string desired) => Reserve(Naming.Escape(desired)).Escaped;
}
