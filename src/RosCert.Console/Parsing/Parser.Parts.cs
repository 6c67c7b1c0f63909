using RosCert.Console.Ast;
using RosCert.Console.Lexing;

namespace RosCert.Console.Parsing;

internal sealed partial class Parser
{
    /// <summary>Arguments whose <c>{ }</c> is always code, even when empty or starting with a value.</summary>
    private static readonly string[] s_blockArgumentNames = ["do", "else", "on-event", "on-error"];

    private Part ParsePart()
    {
        int start = _s.Offset;
        SourcePosition position = _s.Position;
        char c = _s.Current;
        if (c is '"' or '$' or '[' or '(' or '{')
        {
            return new PositionalPart(ParseValue(WordMode.Command, forceBlock: false), position);
        }

        if (c == '!')
        {
            return ParseNegatedName(position);
        }

        string word = _s.ReadWord(WordMode.Command);
        if (word.Length == 0)
        {
            // `=`, a closer that closes nothing here, or a `\` that is not a line continuation.
            throw Fail(start);
        }

        if (_s.Current == '=' && !_s.AtEnd)
        {
            _s.Record(TokenKind.ArgumentName, start);
            return ParseNamedArgument(word, position);
        }

        if (word == "where")
        {
            _s.Record(TokenKind.Where, start);
            return ParseWhereClause(position);
        }

        _s.Record(TokenKind.Word, start);
        return new PositionalPart(new Word(word, position), position);
    }

    /// <summary><c>!name</c> (RouterOS <c>set x !prop</c>); <c>!name=value</c> is refused.</summary>
    private NegatedName ParseNegatedName(SourcePosition position)
    {
        int start = _s.Offset;
        _s.Advance();
        string name = _s.ReadWord(WordMode.Command);
        if (name.Length == 0 || (_s.Current == '=' && !_s.AtEnd))
        {
            throw Fail(_s.Offset);
        }

        _s.Record(TokenKind.NegatedName, start);
        return new NegatedName(name, position);
    }

    private NamedArgument ParseNamedArgument(string name, SourcePosition position)
    {
        _s.Take(TokenKind.Equals);
        bool forceBlock = s_blockArgumentNames.Contains(name);
        Expression value = AtValueEnd() ? new StringLiteral("", _s.Position) : ParseValue(WordMode.Command, forceBlock);
        return new NamedArgument(name, value, position);
    }

    /// <summary>Nothing follows <c>name=</c>: RouterOS takes that as the empty string.</summary>
    private bool AtValueEnd() =>
        _s.AtEnd
        || CharClasses.IsBlank(_s.Current)
        || _s.Current is '\n' or ';' or ')' or ']' or '}'
        || _s.ContinuationLength(_s.Offset) > 0;

    private WhereClause ParseWhereClause(SourcePosition position)
    {
        // A `[find where ...]` inside a parenthesized condition starts its own count.
        int outerParens = _whereParens;
        _whereParens = 0;
        _s.SkipBlanks(newlines: false);
        Expression condition = ParseWhereOr();
        _whereParens = outerParens;
        return new WhereClause(condition, position);
    }
}
