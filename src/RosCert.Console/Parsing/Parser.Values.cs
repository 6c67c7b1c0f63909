using System.Globalization;
using System.Text;
using RosCert.Console.Ast;
using RosCert.Console.Lexing;

namespace RosCert.Console.Parsing;

internal sealed partial class Parser
{
    /// <summary>One value: a string, <c>$var</c>, <c>[cmd]</c>, <c>(expr)</c>, <c>{...}</c> or a bare word.</summary>
    private Expression ParseValue(WordMode mode, bool forceBlock)
    {
        if (!_s.AtEnd)
        {
            switch (_s.Current)
            {
                case '"':
                    return ParseString(record: true);
                case '$':
                    return ParseVariable();
                case '[':
                    return ParseSubstitution();
                case '(':
                    return ParseParenthesized();
                case '{':
                    return ParseBrace(forceBlock);
            }
        }

        SourcePosition position = _s.Position;
        int start = _s.Offset;
        string word = _s.ReadWord(mode);
        if (word.Length == 0)
        {
            throw Fail(start);
        }

        _s.Record(TokenKind.Value, start);
        return new Word(word, position);
    }

    private CommandSubstitution ParseSubstitution()
    {
        SourcePosition position = _s.Position;
        Enter(_s.Offset);
        _s.Take(TokenKind.OpenBracket);
        Script script = ParseScript(ScriptEnd.Bracket);
        _s.Take(TokenKind.CloseBracket);
        Exit();
        return new CommandSubstitution(script, position);
    }

    /// <summary><c>( expr )</c>; the parentheses leave no node of their own.</summary>
    private Expression ParseParenthesized()
    {
        Enter(_s.Offset);
        _s.Take(TokenKind.OpenParen);
        Expression inner = ParseExpression();
        _s.SkipBlanks(newlines: true);
        if (_s.AtEnd || _s.Current != ')')
        {
            throw Fail(_s.Offset);
        }

        _s.Take(TokenKind.CloseParen);
        Exit();
        return inner;
    }

    /// <summary><c>$name</c> or <c>$"quoted name"</c>.</summary>
    private VariableRef ParseVariable()
    {
        SourcePosition position = _s.Position;
        int start = _s.Offset;
        _s.Advance();
        string name;
        if (_s.Current == '"' && !_s.AtEnd)
        {
            name = ParseString(record: false) is StringLiteral literal ? literal.Value : throw Fail(start);
        }
        else
        {
            while (!_s.AtEnd && CharClasses.IsVariableNameChar(_s.Current))
            {
                _s.Advance();
            }

            name = _s.Source.Text[(start + 1).._s.Offset];
            if (name.Length == 0)
            {
                throw Fail(start);
            }
        }

        _s.Record(TokenKind.Variable, start);
        return new VariableRef(name, position);
    }

    /// <summary>A quoted string; a <see cref="StringLiteral"/> unless it interpolates something.</summary>
    private Expression ParseString(bool record)
    {
        int start = _s.Offset;
        SourcePosition position = _s.Position;
        int slot = record ? _s.ReserveSlot() : -1;
        bool closed = false;
        Enter(start);
        try
        {
            _s.Advance();
            var parts = new List<StringPart>();
            var text = new StringBuilder();
            SourcePosition textPosition = _s.Position;
            while (!closed)
            {
                if (_s.AtEnd)
                {
                    throw Fail(_s.Offset);
                }

                if (text.Length == 0)
                {
                    textPosition = _s.Position;
                }

                switch (_s.Current)
                {
                    case '"':
                        _s.Advance();
                        closed = true;
                        break;
                    case '\\':
                        ReadEscape(text);
                        break;
                    case '$':
                        FlushText(parts, text, textPosition);
                        parts.Add(ParseInterpolation());
                        break;
                    default:
                        text.Append(_s.Current);
                        _s.Advance();
                        break;
                }
            }

            Exit();
            if (parts.Count == 0)
            {
                return new StringLiteral(text.ToString(), position);
            }

            FlushText(parts, text, textPosition);
            return new InterpolatedString(new(parts), position);
        }
        finally
        {
            if (record)
            {
                _s.FillSlot(slot, TokenKind.String, start, closed);
            }
        }
    }

    private static void FlushText(List<StringPart> parts, StringBuilder text, SourcePosition position)
    {
        if (text.Length > 0)
        {
            parts.Add(new TextPart(text.ToString(), position));
            text.Clear();
        }
    }

    /// <summary>One escape (see <see cref="StringEscapes"/>); <c>\</c> before a newline joins the lines.</summary>
    private void ReadEscape(StringBuilder text)
    {
        int start = _s.Offset;
        char next = _s.Peek(1);
        if (_s.ContinuationLength(start) is int join and > 0 && start + 1 < _s.Source.Length)
        {
            _s.Advance(join);
        }
        else if (CharClasses.IsHexDigit(next) && CharClasses.IsHexDigit(_s.Peek(2)) && start + 2 < _s.Source.Length)
        {
            text.Append((char)int.Parse(_s.Source.Text.AsSpan(start + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            _s.Advance(3);
        }
        else if (start + 1 < _s.Source.Length && StringEscapes.TryDecode(next, out char value))
        {
            text.Append(value);
            _s.Advance(2);
        }
        else
        {
            throw Fail(start + 1 < _s.Source.Length ? start : _s.Source.Length);
        }
    }

    /// <summary><c>$name</c>, <c>$"name"</c>, <c>$[command]</c> or <c>$(expression)</c> inside a string.</summary>
    private InterpolationPart ParseInterpolation()
    {
        SourcePosition position = _s.Position;
        Expression expression;
        switch (_s.Peek(1))
        {
            case '[':
                _s.Advance();
                expression = ParseSubstitution();
                break;
            case '(':
                _s.Advance();
                expression = ParseParenthesized();
                break;
            default:
                expression = ParseVariable();
                break;
        }

        return new InterpolationPart(expression, position);
    }
}
