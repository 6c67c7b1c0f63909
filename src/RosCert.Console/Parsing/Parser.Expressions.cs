using RosCert.Console.Ast;
using RosCert.Console.Lexing;

namespace RosCert.Console.Parsing;

/// <summary>
/// Expressions inside <c>( )</c>, by the precedence in <see cref="Operators"/>. Newlines are
/// blanks here. An operator is recognised only where an operator can stand, so <c>2026-01-01</c>,
/// <c>*1F</c> and <c>.id</c> stay words; write blanks around arithmetic (<c>$a - 1</c>).
/// </summary>
internal sealed partial class Parser
{
    private const int LowestBinaryPrecedence = 1;
    private const int HighestInfixPrecedence = 6;

    private Expression ParseExpression() => ParseBinary(LowestBinaryPrecedence);

    private Expression ParseBinary(int precedence)
    {
        if (precedence > HighestInfixPrecedence)
        {
            return ParseUnary();
        }

        Expression left = ParseBinary(precedence + 1);
        while (true)
        {
            _s.SkipBlanks(newlines: true);
            if (!TryPeekBinary(out BinaryOperator op, out int length) || Operators.Precedence(op) != precedence)
            {
                return left;
            }

            SourcePosition position = _s.Position;
            _s.Take(TokenKind.Operator, length);
            left = Fold(op, left, ParseBinary(precedence + 1), position);
        }
    }

    private Expression ParseUnary()
    {
        _s.SkipBlanks(newlines: true);
        SourcePosition position = _s.Position;
        (UnaryOperator Op, int Length)? unary = _s.AtEnd ? null : _s.Current switch
        {
            '-' => (UnaryOperator.Negate, 1),
            '!' => (UnaryOperator.Not, 1),
            _ when _s.PeekWord(WordMode.Expression) == "not" => (UnaryOperator.Not, 3),
            _ => null,
        };
        if (unary is not { } found)
        {
            return ParseElementChain();
        }

        Enter(_s.Offset);
        _s.Take(TokenKind.Operator, found.Length);
        Expression operand = ParseUnary();
        Exit();
        return new Unary(found.Op, operand, position);
    }

    /// <summary><c>$arr-&gt;"key"-&gt;0</c>: element access binds tightest.</summary>
    private Expression ParseElementChain()
    {
        Expression left = ParseOperand();
        while (true)
        {
            _s.SkipBlanks(newlines: true);
            if (!_s.StartsWith("->"))
            {
                return left;
            }

            SourcePosition position = _s.Position;
            _s.Take(TokenKind.Operator, 2);
            left = Fold(BinaryOperator.Element, left, ParseOperand(), position);
        }
    }

    private Expression ParseOperand()
    {
        _s.SkipBlanks(newlines: true);
        return ParseValue(WordMode.Expression, forceBlock: false);
    }

    private bool TryPeekBinary(out BinaryOperator op, out int length)
    {
        foreach (BinaryOperator candidate in Operators.SymbolsLongestFirst)
        {
            string text = Operators.Text(candidate);
            if (_s.StartsWith(text))
            {
                (op, length) = (candidate, text.Length);
                return true;
            }
        }

        string word = _s.PeekWord(WordMode.Expression);
        length = word.Length;
        return Operators.TryKeyword(word, out op);
    }
}
