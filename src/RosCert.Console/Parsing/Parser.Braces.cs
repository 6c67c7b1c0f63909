using RosCert.Console.Ast;
using RosCert.Console.Lexing;

namespace RosCert.Console.Parsing;

internal sealed partial class Parser
{
    /// <summary><c>{ ... }</c>: an <see cref="ArrayLiteral"/> or a <see cref="Block"/> (see <see cref="LooksLikeArray"/>).</summary>
    private Expression ParseBrace(bool forceBlock)
    {
        SourcePosition position = _s.Position;
        Enter(_s.Offset);
        _s.Take(TokenKind.OpenBrace);
        Expression result = !forceBlock && LooksLikeArray()
            ? new ArrayLiteral(ParseArrayItems(), position)
            : new Block(ParseScript(ScriptEnd.Brace), position);
        _s.Take(TokenKind.CloseBrace);
        Exit();
        return result;
    }

    /// <summary>
    /// RouterOS reads <c>{</c> as an array when its first token is a string, a number, <c>$</c>,
    /// <c>(</c>, <c>[</c>, <c>{</c> or <c>key=</c>, or when it is empty (<c>{}</c>); otherwise as code.
    /// </summary>
    private bool LooksLikeArray()
    {
        string text = _s.Source.Text;
        int i = SkipBlanksAndComments(_s.Offset);
        if (i >= text.Length)
        {
            return false;
        }

        char c = text[i];
        if (c is '}' or '"' or '$' or '(' or '[' or '{' || char.IsAsciiDigit(c))
        {
            return true;
        }

        if (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
        {
            return true;
        }

        int length = _s.WordLength(i, WordMode.Command);
        return length > 0 && i + length < text.Length && text[i + length] == '=';
    }

    private int SkipBlanksAndComments(int offset)
    {
        string text = _s.Source.Text;
        while (offset < text.Length)
        {
            char c = text[offset];
            if (CharClasses.IsBlank(c) || c is '\n' or ';')
            {
                // Leading separators are skipped by both the array and the block parser.
                offset++;
            }
            else if (c == '#')
            {
                int newline = text.IndexOf('\n', offset);
                offset = newline < 0 ? text.Length : newline;
            }
            else if (_s.ContinuationLength(offset) is int length and > 0)
            {
                offset += length;
            }
            else
            {
                break;
            }
        }

        return offset;
    }

    /// <summary>Items separated by <c>;</c> (newlines are blanks here), up to <c>}</c> (left for the caller).</summary>
    private SyntaxList<ArrayItem> ParseArrayItems()
    {
        var items = new List<ArrayItem>();
        bool separatorDue = false;
        while (true)
        {
            _s.SkipBlanks(newlines: true);
            if (_s.AtEnd)
            {
                throw Fail(_s.Offset);
            }

            switch (_s.Current)
            {
                case '}':
                    return new(items);
                case ';':
                    _s.Take(TokenKind.Separator);
                    separatorDue = false;
                    break;
                case '#':
                    SkipComment();
                    break;
                default:
                    if (separatorDue)
                    {
                        throw Fail(_s.Offset);
                    }

                    items.Add(ParseArrayItem());
                    separatorDue = true;
                    break;
            }
        }
    }

    /// <summary><c>value</c>, <c>key=value</c> or <c>"key"=value</c>.</summary>
    private ArrayItem ParseArrayItem()
    {
        SourcePosition position = _s.Position;
        int start = _s.Offset;
        if (_s.Current == '"')
        {
            Expression value = ParseString(record: true);
            return _s.Current == '=' && !_s.AtEnd && value is StringLiteral key
                ? ParseArrayItemValue(key.Value, position)
                : new ArrayItem(null, value, position);
        }

        if (_s.Current is '$' or '[' or '(' or '{')
        {
            return new ArrayItem(null, ParseValue(WordMode.Command, forceBlock: false), position);
        }

        string word = _s.ReadWord(WordMode.Command);
        if (word.Length == 0)
        {
            throw Fail(start);
        }

        if (_s.Current == '=' && !_s.AtEnd)
        {
            _s.Record(TokenKind.ArgumentName, start);
            return ParseArrayItemValue(word, position);
        }

        _s.Record(TokenKind.Value, start);
        return new ArrayItem(null, new Word(word, position), position);
    }

    private ArrayItem ParseArrayItemValue(string key, SourcePosition position)
    {
        _s.Take(TokenKind.Equals);
        Expression value = AtValueEnd() ? new StringLiteral("", _s.Position) : ParseValue(WordMode.Command, forceBlock: false);
        return new ArrayItem(key, value, position);
    }
}
