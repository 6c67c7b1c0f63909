using RosCert.Console.Ast;
using RosCert.Console.Lexing;

namespace RosCert.Console.Parsing;

/// <summary>Answers "what is being typed at the end of this text, and where does it belong".</summary>
public static class LineAnalyzer
{
    public static CompletionContext Analyze(string text)
    {
        ParseResult parse = ScriptParser.Parse(text);
        IReadOnlyList<Token> tokens = parse.Tokens;
        int commandStart = InnermostCommandStart(tokens);
        int end = tokens.Count;
        Token? prefix = end > commandStart && IsTypeable(tokens[end - 1]) && tokens[end - 1].End == text.Length
            ? tokens[end - 1]
            : null;
        int beforePrefix = prefix is null ? end : end - 1;
        var command = new List<Token>();
        for (int i = commandStart; i < beforePrefix; i++)
        {
            command.Add(tokens[i]);
        }

        (CompletionSlot slot, string? name) = Classify(command, prefix, text.Length);
        return new CompletionContext(slot, prefix, name, command, parse);
    }

    /// <summary>Index of the first token of the command still open at the end: after the last
    /// separator at the innermost open <c>[</c>, <c>{</c> or <c>(</c>.</summary>
    private static int InnermostCommandStart(IReadOnlyList<Token> tokens)
    {
        var starts = new Stack<int>();
        starts.Push(0);
        for (int i = 0; i < tokens.Count; i++)
        {
            switch (tokens[i].Kind)
            {
                case TokenKind.OpenBracket or TokenKind.OpenBrace or TokenKind.OpenParen:
                    starts.Push(i + 1);
                    break;
                case TokenKind.CloseBracket or TokenKind.CloseBrace or TokenKind.CloseParen when starts.Count > 1:
                    starts.Pop();
                    break;
                case TokenKind.Separator or TokenKind.Comment:
                    starts.Pop();
                    starts.Push(i + 1);
                    break;
            }
        }

        return starts.Peek();
    }

    private static bool IsTypeable(Token token) => token.Kind is TokenKind.Word or TokenKind.ArgumentName
        or TokenKind.NegatedName or TokenKind.Where or TokenKind.Property or TokenKind.Value
        or TokenKind.String or TokenKind.Variable;

    private static (CompletionSlot Slot, string? Name) Classify(List<Token> command, Token? prefix, int textLength)
    {
        Token? previous = command.Count > 0 ? command[^1] : null;
        Token? beforePrevious = command.Count > 1 ? command[^2] : null;
        bool afterEquals = previous is { Kind: TokenKind.Equals } && (prefix is not null || previous.End == textLength);
        bool afterComparison = previous is { Kind: TokenKind.Operator } && IsComparison(previous.Text)
            && command.Exists(t => t.Kind == TokenKind.Where);
        return prefix?.Kind switch
        {
            TokenKind.NegatedName => (CompletionSlot.NegatedName, null),
            TokenKind.Variable => (CompletionSlot.Variable, null),
            TokenKind.Property => (CompletionSlot.WhereProperty, null),
            TokenKind.Value or TokenKind.String when afterEquals => (CompletionSlot.ArgumentValue, beforePrevious?.Text),
            TokenKind.Value or TokenKind.String when afterComparison => (CompletionSlot.WhereValue, beforePrevious?.Text),
            TokenKind.Value => (CompletionSlot.ExpressionValue, null),
            TokenKind.String => (CompletionSlot.None, null),
            not null => (CompletionSlot.Word, null),
            null when afterEquals => (CompletionSlot.ArgumentValue, beforePrevious?.Text),
            null when afterComparison => (CompletionSlot.WhereValue, beforePrevious?.Text),
            null when command.Exists(t => t.Kind == TokenKind.Where) => (CompletionSlot.WhereProperty, null),
            null when previous is { Kind: TokenKind.Operator } => (CompletionSlot.ExpressionValue, null),
            null => (CompletionSlot.Word, null),
        };
    }

    private static bool IsComparison(string text) =>
        Enum.GetValues<BinaryOperator>().Any(op => Operators.IsComparison(op) && Operators.Text(op) == text);
}
