using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Netlink.Generators.Helpers;

/// <summary>The one place where spec names (kebab-case, snake_case) become C# identifiers.</summary>
internal static class Naming
{
    /// <summary>"ifla-mtu" -> "IflaMtu", "ipv4" -> "Ipv4", "802.3ad" -> "_8023ad"; keywords get '@'.</summary>
    public static string ToPascal(string name)
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

        return Escape(sb.ToString());
    }

    /// <summary>Makes any string a valid identifier: empty -> "_", leading digit -> "_", keyword -> "@keyword".</summary>
    public static string Escape(string identifier)
    {
        if (identifier.Length == 0)
        {
            return "_";
        }

        if (char.IsDigit(identifier[0]))
        {
            return "_" + identifier;
        }

        return SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;
    }

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

    public string Reserve(string desired)
    {
        string name = desired;
        for (int i = 2; !_used.Add(name); i++)
        {
            name = desired + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }
}
