using System.Text;

namespace RosCert.Console.Ast;

public enum UnaryOperator
{
    /// <summary><c>!x</c> or <c>not x</c>.</summary>
    Not,

    /// <summary><c>-x</c>.</summary>
    Negate,
}

/// <summary>Binary operators; <see cref="Operators"/> holds their text and precedence.</summary>
public enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Match,
    In,
    Concat,

    /// <summary><c>$list, $item</c>: joins values into an array (RouterOS <c>:set a ($a, $x)</c>).</summary>
    Join,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Element,
}

/// <summary>
/// The operator table, once, as data. Precedence (higher binds tighter), all binary operators
/// left-associative: <c>||</c> 1, <c>&amp;&amp;</c> 2, comparisons (<c>= != &lt; &gt; &lt;= &gt;= ~ in</c>) 3,
/// <c>. ,</c> 4, <c>+ -</c> 5, <c>* / %</c> 6, unary <c>! - not</c> 7, <c>-&gt;</c> 8. RouterOS documents no
/// precedence table; this is the usual C order with <c>.</c> below arithmetic (so <c>"n" . $i + 1</c>
/// concatenates the sum). Parentheses always work.
/// </summary>
public static class Operators
{
    public const int UnaryPrecedence = 7;

    public const int ComparisonPrecedence = 3;

    private static readonly (string Text, int Precedence)[] s_binary =
    [
        ("||", 1), ("&&", 2),
        ("=", 3), ("!=", 3), ("<", 3), (">", 3), ("<=", 3), (">=", 3), ("~", 3), ("in", 3),
        (".", 4), (",", 4), ("+", 5), ("-", 5), ("*", 6), ("/", 6), ("%", 6), ("->", 8),
    ];

    /// <summary>Word spellings accepted besides the symbols (<c>and</c>, <c>or</c>, <c>in</c>).</summary>
    private static readonly (string Text, BinaryOperator Operator)[] s_keywords =
    [
        ("and", BinaryOperator.And), ("or", BinaryOperator.Or), ("in", BinaryOperator.In),
    ];

    /// <summary>Symbols longest first, so <c>&lt;=</c> wins over <c>&lt;</c> when scanning.</summary>
    public static IReadOnlyList<BinaryOperator> SymbolsLongestFirst { get; } =
        [.. Enum.GetValues<BinaryOperator>()
            .Where(op => !char.IsLetter(Text(op)[0]))
            .OrderByDescending(op => Text(op).Length)];

    public static string Text(BinaryOperator op) => s_binary[(int)op].Text;

    public static string Text(UnaryOperator op) => op == UnaryOperator.Not ? "!" : "-";

    public static int Precedence(BinaryOperator op) => s_binary[(int)op].Precedence;

    public static bool IsComparison(BinaryOperator op) => Precedence(op) == ComparisonPrecedence;

    public static bool TryKeyword(string word, out BinaryOperator op)
    {
        foreach ((string text, BinaryOperator keywordOp) in s_keywords)
        {
            if (text == word)
            {
                op = keywordOp;
                return true;
            }
        }

        op = default;
        return false;
    }

    /// <summary>Comparisons and <c>-&gt;</c> print without blanks (<c>trusted=no</c>, <c>$a->"k"</c>);
    /// the others with one blank on each side.</summary>
    internal static bool IsCompact(BinaryOperator op) =>
        op == BinaryOperator.Element || (IsComparison(op) && op != BinaryOperator.In);
}

/// <summary><c>!x</c>, <c>not x</c>, <c>-x</c>.</summary>
public sealed record Unary(UnaryOperator Operator, Expression Operand, SourcePosition Position)
    : Expression(Position, Operand.Height + 1)
{
    public override void Print(StringBuilder builder)
    {
        builder.Append(Operators.Text(Operator));
        bool parenthesize = Operand is Binary binary && Operators.Precedence(binary.Operator) < Operators.UnaryPrecedence;
        SyntaxText.AppendGrouped(builder, Operand, parenthesize);
    }
}

/// <summary><c>left op right</c>; <see cref="Node.Position"/> is the operator's.</summary>
public sealed record Binary(BinaryOperator Operator, Expression Left, Expression Right, SourcePosition Position)
    : Expression(Position, Math.Max(Left.Height, Right.Height) + 1)
{
    public override void Print(StringBuilder builder)
    {
        SyntaxText.AppendGrouped(builder, Left, NeedsParentheses(Left, isRight: false));
        string text = Operators.Text(Operator);
        if (Operators.IsCompact(Operator))
        {
            // A word may end in '-' (`a-`); `a- > b` printed as `a->b` would read as `->`.
            if (text[0] == '>' && builder.Length > 0 && builder[^1] == '-')
            {
                builder.Append(' ');
            }

            builder.Append(text);
        }
        else if (Operator == BinaryOperator.Join)
        {
            // `0,2` is one word: a word on the left needs a blank before the comma.
            builder.Append(EndsWithWord(Left) ? " , " : ", ");
        }
        else
        {
            builder.Append(' ').Append(text).Append(' ');
        }

        SyntaxText.AppendGrouped(builder, Right, NeedsParentheses(Right, isRight: true));
    }

    private static bool EndsWithWord(Expression expression)
    {
        while (true)
        {
            switch (expression)
            {
                case Binary binary:
                    expression = binary.Right;
                    break;
                case Unary unary:
                    expression = unary.Operand;
                    break;
                default:
                    return expression is Word;
            }
        }
    }

    /// <summary>
    /// Operands of comparisons and of <c>-&gt;</c> are parenthesized unless atomic: in a <c>where</c>
    /// clause a comparison's operands must be single values, so one rule serves both grammars.
    /// </summary>
    private bool NeedsParentheses(Expression operand, bool isRight)
    {
        bool strictParent = Operators.IsComparison(Operator) || Operator == BinaryOperator.Element;
        return operand switch
        {
            Unary => strictParent,
            Binary when strictParent && Operator != BinaryOperator.Element => true,
            Binary child => Operators.Precedence(child.Operator) < Operators.Precedence(Operator)
                || (isRight && Operators.Precedence(child.Operator) == Operators.Precedence(Operator)),
            _ => false,
        };
    }
}
