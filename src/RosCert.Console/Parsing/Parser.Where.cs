using RosCert.Console.Ast;
using RosCert.Console.Lexing;

namespace RosCert.Console.Parsing;

/// <summary>
/// The condition after <c>where</c>, up to the end of the statement. RouterOS forms:
/// <c>prop OP value</c> (OP one of <c>= != &lt; &gt; &lt;= &gt;= ~ in</c>), a boolean property alone
/// (<c>private-key</c>), <c>!</c>/<c>not</c>, <c>&amp;&amp;</c>/<c>and</c>, <c>||</c>/<c>or</c>, parentheses,
/// and juxtaposition meaning and (<c>where issued expires-after&lt;3w</c>, eworm's scripts).
/// A negation covers the whole comparison: <c>!trusted=yes</c> is <c>!(trusted=yes)</c>.
/// </summary>
internal sealed partial class Parser
{
    private int _whereParens;

    private void SkipWhereBlanks() => _s.SkipBlanks(newlines: _whereParens > 0);

    private Expression ParseWhereOr()
    {
        Expression left = ParseWhereAnd();
        while (true)
        {
            SkipWhereBlanks();
            SourcePosition position = _s.Position;
            if (!TryTakeLogical(BinaryOperator.Or))
            {
                return left;
            }

            left = Fold(BinaryOperator.Or, left, ParseWhereAnd(), position);
        }
    }

    private Expression ParseWhereAnd()
    {
        Expression left = ParseWhereNot();
        while (true)
        {
            SkipWhereBlanks();
            SourcePosition position = _s.Position;
            if (!TryTakeLogical(BinaryOperator.And) && !StartsWherePrimary())
            {
                return left;
            }

            left = Fold(BinaryOperator.And, left, ParseWhereNot(), position);
        }
    }

    private bool TryTakeLogical(BinaryOperator op)
    {
        string symbol = Operators.Text(op);
        int length = _s.StartsWith(symbol) ? symbol.Length
            : Operators.TryKeyword(_s.PeekWord(WordMode.Where), out BinaryOperator keyword) && keyword == op ? _s.PeekWord(WordMode.Where).Length
            : 0;
        if (length > 0)
        {
            _s.Take(TokenKind.Operator, length);
        }

        return length > 0;
    }

    private bool StartsWherePrimary()
    {
        if (_s.AtEnd)
        {
            return false;
        }

        char c = _s.Current;
        return c switch
        {
            '(' or '"' or '$' or '[' => true,
            '!' => _s.Peek(1) != '=',
            '|' when _s.StartsWith("||") => false,
            _ => !CharClasses.IsWordStop(c, WordMode.Where) && _s.PeekWord(WordMode.Where) != "or",
        };
    }

    private Expression ParseWhereNot()
    {
        SkipWhereBlanks();
        SourcePosition position = _s.Position;
        int length = _s.AtEnd ? 0
            : _s.Current == '!' && _s.Peek(1) != '=' ? 1
            : _s.PeekWord(WordMode.Where) == "not" ? 3
            : 0;
        if (length == 0)
        {
            return ParseWherePrimary();
        }

        Enter(_s.Offset);
        _s.Take(TokenKind.Operator, length);
        Expression operand = ParseWhereNot();
        Exit();
        return new Unary(UnaryOperator.Not, operand, position);
    }

    private Expression ParseWherePrimary()
    {
        SkipWhereBlanks();
        if (_s.AtEnd || _s.Current != '(')
        {
            return ParseComparison();
        }

        Enter(_s.Offset);
        _s.Take(TokenKind.OpenParen);
        _whereParens++;
        Expression inner = ParseWhereOr();
        SkipWhereBlanks();
        if (_s.AtEnd || _s.Current != ')')
        {
            throw Fail(_s.Offset);
        }

        _s.Take(TokenKind.CloseParen);
        _whereParens--;
        Exit();
        return inner;
    }

    private Expression ParseComparison()
    {
        Expression left = ParseWhereOperand(TokenKind.Property);
        SkipWhereBlanks();
        if (!TryPeekComparison(out BinaryOperator op, out int length))
        {
            return left;
        }

        SourcePosition position = _s.Position;
        _s.Take(TokenKind.Operator, length);
        SkipWhereBlanks();
        return Fold(op, left, ParseWhereOperand(TokenKind.Value), position);
    }

    private bool TryPeekComparison(out BinaryOperator op, out int length) =>
        TryPeekBinary(out op, out length) && Operators.IsComparison(op);

    /// <summary>A property name (left) or a value (right): a word, string, <c>$var</c>, <c>[cmd]</c>, <c>(expr)</c>.</summary>
    private Expression ParseWhereOperand(TokenKind wordKind)
    {
        if (!_s.AtEnd && _s.Current is '"' or '$' or '[' or '(' or '{')
        {
            return ParseValue(WordMode.Where, forceBlock: false);
        }

        SourcePosition position = _s.Position;
        int start = _s.Offset;
        string word = _s.ReadWord(WordMode.Where);
        if (word.Length == 0)
        {
            throw Fail(start);
        }

        _s.Record(wordKind, start);
        return new Word(word, position);
    }
}
