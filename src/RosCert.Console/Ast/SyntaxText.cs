using System.Globalization;
using System.Text;
using RosCert.Console.Lexing;

namespace RosCert.Console.Ast;

/// <summary>Shared pieces of the canonical printer.</summary>
internal static class SyntaxText
{
    /// <summary>A value where a single token is expected (a command part, after <c>name=</c>, an
    /// array item): operators need parentheses there.</summary>
    public static void AppendValue(StringBuilder builder, Expression value) =>
        AppendGrouped(builder, value, value is Unary or Binary);

    public static void AppendGrouped(StringBuilder builder, Expression expression, bool parenthesize)
    {
        if (parenthesize)
        {
            builder.Append('(');
        }

        expression.Print(builder);
        if (parenthesize)
        {
            builder.Append(')');
        }
    }

    public static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        AppendEscaped(builder, text);
        builder.Append('"');
    }

    /// <summary>Escapes for the inside of a string. <c>$</c> and <c>?</c> are escaped so the text
    /// survives interpolation and the console's <c>?</c> help key.</summary>
    public static void AppendEscaped(StringBuilder builder, string text)
    {
        foreach (char c in text)
        {
            if (StringEscapes.TryEncode(c, out char letter))
            {
                builder.Append('\\').Append(letter);
            }
            else if (c < ' ' || c == '\x7F')
            {
                builder.Append('\\').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
    }

    public static void AppendVariable(StringBuilder builder, string name, bool forceQuotes)
    {
        builder.Append('$');
        if (!forceQuotes && IsPlainVariableName(name))
        {
            builder.Append(name);
        }
        else
        {
            AppendQuoted(builder, name);
        }
    }

    /// <summary>An array key prints bare when it would read back as one word, else quoted.</summary>
    public static void AppendKey(StringBuilder builder, string key)
    {
        bool plain = key.Length > 0 && key[0] != '#' && key.All(c => !CharClasses.IsWordStop(c, WordMode.Command));
        if (plain)
        {
            builder.Append(key);
        }
        else
        {
            AppendQuoted(builder, key);
        }
    }

    public static bool IsVariableNameChar(char c) => CharClasses.IsVariableNameChar(c);

    public static bool IsPlainVariableName(string name) => name.Length > 0 && name.All(IsVariableNameChar);
}
