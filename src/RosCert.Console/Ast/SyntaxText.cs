using System.Globalization;
using System.Text;
using RosCert.Console.Lexing;

namespace RosCert.Console.Ast;

/// <summary>Where a value is printed, for the few words that cannot stand bare everywhere.</summary>
internal enum ValueSlot
{
    Named,
    Positional,
    FirstPositional,
    ArrayItem,
    FirstArrayItem,
}

/// <summary>Shared pieces of the canonical printer.</summary>
internal static class SyntaxText
{
    /// <summary>A value where a single token is expected (a command part, after <c>name=</c>, an
    /// array item): operators need parentheses there, and so does a word that came from parentheses
    /// but would read differently bare (see <see cref="WordNeedsParentheses"/>).</summary>
    public static void AppendValue(StringBuilder builder, Expression value, ValueSlot slot = ValueSlot.Named) =>
        AppendGrouped(builder, value, value is Unary or Binary || (value is Word word && WordNeedsParentheses(word.Text, slot)));

    /// <summary>
    /// <c>(where)</c> bare would start a where clause; <c>(#x)</c> bare at a statement or array-item
    /// start would be a comment; a first array item <c>(abc)</c> bare would turn <c>{abc}</c> into code.
    /// </summary>
    private static bool WordNeedsParentheses(string text, ValueSlot slot) => slot switch
    {
        ValueSlot.Positional => text == "where",
        ValueSlot.FirstPositional => text == "where" || text.StartsWith('#'),
        ValueSlot.ArrayItem => text.StartsWith('#'),
        ValueSlot.FirstArrayItem => !StartsLikeNumber(text),
        _ => false,
    };

    private static bool StartsLikeNumber(string text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || (text.Length > 1 && text[0] == '-' && char.IsAsciiDigit(text[1])));

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
