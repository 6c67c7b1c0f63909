using RosCert.Console.Lexing;

namespace RosCert.Console.Parsing;

/// <summary>What the token at the end of a half-typed line is, for <c>?</c> help and Tab.</summary>
public enum CompletionSlot
{
    /// <summary>A bare command word: menu path, command name, argument name or positional value
    /// (the binder tells which from <see cref="CompletionContext.CommandTokens"/>).</summary>
    Word,

    /// <summary>The value of the named argument <see cref="CompletionContext.Name"/>.</summary>
    ArgumentValue,

    /// <summary>A property after <c>!</c> (<c>set x !prop</c>).</summary>
    NegatedName,

    /// <summary>A property name in a <c>where</c> condition.</summary>
    WhereProperty,

    /// <summary>A value compared with the property <see cref="CompletionContext.Name"/> in a <c>where</c> condition.</summary>
    WhereValue,

    /// <summary>A value inside an expression or array.</summary>
    ExpressionValue,

    /// <summary>A variable name after <c>$</c>.</summary>
    Variable,

    /// <summary>Nothing sensible to complete (inside a string, after an operator that is not a comparison, ...).</summary>
    None,
}

/// <summary>
/// The state at the end of a (possibly half-typed) line.
/// <see cref="Prefix"/> is the token that ends exactly at the end of the text (the one being typed),
/// or null when the text ends in a blank, separator or opening bracket. <see cref="CommandTokens"/>
/// are the tokens of the innermost unfinished command before the prefix (a finished <c>[...]</c>
/// inside it is included; an unfinished one is where the innermost command starts).
/// <see cref="Name"/> is the argument name for <see cref="CompletionSlot.ArgumentValue"/> (also for a
/// string being typed as a value) and the property for <see cref="CompletionSlot.WhereValue"/>.
/// </summary>
public sealed record CompletionContext(
    CompletionSlot Slot,
    Token? Prefix,
    string? Name,
    IReadOnlyList<Token> CommandTokens,
    ParseResult Parse)
{
    /// <summary>The typed part of the prefix ("" when there is none).</summary>
    public string PrefixText => Prefix?.Text ?? "";

    /// <summary>True when the prefix is a string whose closing quote is still missing.</summary>
    public bool IsInsideString => Prefix is { Kind: TokenKind.String, IsComplete: false };
}
