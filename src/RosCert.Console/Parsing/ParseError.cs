using RosCert.Console.Ast;
using RosCert.Core.Errors;

namespace RosCert.Console.Parsing;

public enum ParseErrorKind
{
    /// <summary><c>syntax error (line L column C)</c>.</summary>
    SyntaxError,

    /// <summary><c>expected end of command (line L column C)</c>: a complete <c>where</c>
    /// condition followed by something that cannot continue it.</summary>
    ExpectedEndOfCommand,
}

/// <summary>
/// A parse failure at the 1-based position of the offending character. For input that stops too
/// early (an unterminated string, <c>[</c>, <c>(</c> or <c>{</c>) that is the position just past the
/// end of the text, where the missing character was expected.
/// </summary>
public sealed record ParseError(ParseErrorKind Kind, SourcePosition Position)
{
    /// <summary>The RouterOS text, e.g. <c>syntax error (line 1 column 12)</c>.</summary>
    public string Message => ToException().Message;

    public RouterOsException ToException() => Kind switch
    {
        ParseErrorKind.ExpectedEndOfCommand => Errors.ExpectedEndOfCommand(Position.Line, Position.Column),
        _ => Errors.SyntaxError(Position.Line, Position.Column),
    };
}
