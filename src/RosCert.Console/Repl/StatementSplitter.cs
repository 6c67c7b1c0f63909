namespace RosCert.Console.Repl;

/// <summary>
/// Decides when typed or piped lines form complete statements: a line that ends inside a string,
/// inside <c>{ }</c>, <c>[ ]</c> or <c>( )</c>, or with a <c>\</c> continuation is continued by the
/// next line, as the RouterOS console does.
/// </summary>
public static class StatementSplitter
{
    public static bool IsComplete(string text)
    {
        int depth = 0;
        bool inString = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                if (i == text.Length - 1 || (i == text.Length - 2 && text[^1] == '\n'))
                {
                    return false;
                }

                i++;
                continue;
            }

            if (!inString && depth <= 0 && c == '#' && AtLineStart(text, i))
            {
                int end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end;
                continue;
            }

            if (c == '"')
            {
                inString = !inString;
            }
            else if (!inString && c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (!inString && c is '}' or ']' or ')')
            {
                depth--;
            }
        }

        return !inString && depth <= 0;
    }

    /// <summary>A <c>#</c> that starts a statement is a comment: nothing in it opens a string or a block.</summary>
    private static bool AtLineStart(string text, int index)
    {
        for (int k = index - 1; k >= 0 && text[k] != '\n'; k--)
        {
            if (!char.IsWhiteSpace(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Groups lines into complete statements (a trailing incomplete group is returned too, to fail with its error).</summary>
    public static IEnumerable<string> Split(TextReader reader)
    {
        var pending = new System.Text.StringBuilder();
        while (reader.ReadLine() is { } line)
        {
            pending.Append(line).Append('\n');
            if (IsComplete(pending.ToString()))
            {
                yield return pending.ToString();
                pending.Clear();
            }
        }

        if (pending.Length > 0)
        {
            yield return pending.ToString();
        }
    }
}
