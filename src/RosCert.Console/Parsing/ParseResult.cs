using System.Diagnostics.CodeAnalysis;
using RosCert.Console.Ast;
using RosCert.Console.Lexing;

namespace RosCert.Console.Parsing;

/// <summary>
/// Either a <see cref="Script"/> or a <see cref="ParseError"/>, plus the tokens met on the way
/// (all of them on success; up to the failure otherwise, with an unterminated string as a token
/// whose <see cref="Token.IsComplete"/> is false).
/// </summary>
public sealed class ParseResult
{
    private ParseResult(Script? script, ParseError? error, IReadOnlyList<Token> tokens)
    {
        Script = script;
        Error = error;
        Tokens = tokens;
    }

    public Script? Script { get; }

    public ParseError? Error { get; }

    /// <summary>Tokens in source order (a string's token comes before the tokens of its interpolations).</summary>
    public IReadOnlyList<Token> Tokens { get; }

    [MemberNotNullWhen(true, nameof(Script))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>The script, or the RouterOS error as <see cref="RosCert.Core.Errors.RouterOsException"/>.</summary>
    public Script GetScriptOrThrow() => Succeeded ? Script : throw Error.ToException();

    internal static ParseResult Success(Script script, IReadOnlyList<Token> tokens) => new(script, null, tokens);

    internal static ParseResult Failure(ParseError error, IReadOnlyList<Token> tokens) => new(null, error, tokens);
}
