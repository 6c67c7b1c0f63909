using System.Runtime.CompilerServices;
using RosCert.Console.Ast;
using RosCert.Console.Lexing;

namespace RosCert.Console.Parsing;

/// <summary>
/// Recursive-descent parser over a <see cref="Scanner"/>. Failures unwind through
/// <see cref="ParseFailure"/>, caught once in <see cref="Run"/>; nesting is capped at
/// <see cref="MaxDepth"/> and operator chains at <see cref="MaxHeight"/>, so no input can exhaust
/// the stack here or later in printing and equality.
/// </summary>
internal sealed partial class Parser
{
    public const int MaxDepth = 200;
    public const int MaxHeight = 1000;

    private readonly Scanner _s;
    private int _depth;

    public Parser(string text)
    {
        _s = new Scanner(text);
    }

    private enum ScriptEnd
    {
        EndOfText,
        Bracket,
        Brace,
    }

    public ParseResult Run()
    {
        try
        {
            return ParseResult.Success(ParseScript(ScriptEnd.EndOfText), _s.Tokens);
        }
        catch (ParseFailure failure)
        {
            return ParseResult.Failure(failure.Error, _s.Tokens);
        }
    }

    /// <summary>Statements separated by newlines or <c>;</c>, up to the end or the closer of
    /// <paramref name="end"/> (left for the caller). <c>#</c> at a statement start is a comment.</summary>
    private Script ParseScript(ScriptEnd end)
    {
        SourcePosition position = _s.Position;
        var commands = new List<Command>();
        while (true)
        {
            _s.SkipBlanks(newlines: false);
            if (_s.AtEnd)
            {
                return end == ScriptEnd.EndOfText ? new Script(new(commands), position) : throw Fail(_s.Offset);
            }

            char c = _s.Current;
            if (c is '\n' or ';')
            {
                _s.Take(TokenKind.Separator);
            }
            else if (c == '#')
            {
                SkipComment();
            }
            else if (IsCloserOf(c, end))
            {
                return new Script(new(commands), position);
            }
            else
            {
                commands.Add(ParseCommand(end));
            }
        }
    }

    private Command ParseCommand(ScriptEnd end)
    {
        SourcePosition position = _s.Position;
        var parts = new List<Part>();
        while (true)
        {
            _s.SkipBlanks(newlines: false);
            if (AtCommandEnd(end))
            {
                return new Command(new(parts), position);
            }

            Part part = ParsePart();
            parts.Add(part);
            if (part is WhereClause)
            {
                // The condition ran as far as it could; anything left cannot belong to it.
                _s.SkipBlanks(newlines: false);
                return AtCommandEnd(end)
                    ? new Command(new(parts), position)
                    : throw Fail(_s.Offset, ParseErrorKind.ExpectedEndOfCommand);
            }
        }
    }

    private bool AtCommandEnd(ScriptEnd end) =>
        _s.AtEnd || _s.Current is ';' or '\n' || IsCloserOf(_s.Current, end);

    private static bool IsCloserOf(char c, ScriptEnd end) =>
        (c == ']' && end == ScriptEnd.Bracket) || (c == '}' && end == ScriptEnd.Brace);

    private void SkipComment()
    {
        int start = _s.Offset;
        while (!_s.AtEnd && _s.Current != '\n')
        {
            _s.Advance();
        }

        _s.Record(TokenKind.Comment, start);
    }

    private void Enter(int offset)
    {
        if (++_depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Fail(offset);
        }
    }

    private void Exit() => _depth--;

    private static Binary Fold(BinaryOperator op, Expression left, Expression right, SourcePosition position)
    {
        var node = new Binary(op, left, right, position);
        return node.Height <= MaxHeight ? node : throw new ParseFailure(new(ParseErrorKind.SyntaxError, position));
    }

    private ParseFailure Fail(int offset, ParseErrorKind kind = ParseErrorKind.SyntaxError) =>
        new(new ParseError(kind, _s.Source.PositionAt(offset)));
}

/// <summary>Unwinds the parser to <see cref="Parser.Run"/>; never escapes it.</summary>
internal sealed class ParseFailure(ParseError error) : Exception(error.Message)
{
    public ParseError Error { get; } = error;
}
