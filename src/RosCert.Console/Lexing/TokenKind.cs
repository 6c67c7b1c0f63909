namespace RosCert.Console.Lexing;

/// <summary>What a token is, as decided by the parser (the role matters for completion).</summary>
public enum TokenKind
{
    /// <summary>A bare word in a command: menu path, command name or positional value.</summary>
    Word,

    /// <summary>The name before <c>=</c> of a named argument or an array item.</summary>
    ArgumentName,

    /// <summary><c>!name</c>; the text includes the <c>!</c>.</summary>
    NegatedName,

    /// <summary>The keyword <c>where</c>.</summary>
    Where,

    /// <summary>A bare word naming a property in a <c>where</c> condition.</summary>
    Property,

    /// <summary>A bare word in value position: after <c>=</c>, right of a comparison, in an array or expression.</summary>
    Value,

    /// <summary>A quoted string, quotes included (possibly unterminated).</summary>
    String,

    /// <summary><c>$name</c> or <c>$"name"</c>.</summary>
    Variable,

    /// <summary>An operator in an expression or condition, including <c>and or not in</c>.</summary>
    Operator,

    /// <summary>The <c>=</c> of <c>name=value</c>.</summary>
    Equals,

    OpenBracket,
    CloseBracket,
    OpenParen,
    CloseParen,
    OpenBrace,
    CloseBrace,

    /// <summary><c>;</c> or a newline that ends a statement.</summary>
    Separator,

    /// <summary>A <c>#</c> comment up to the end of its line.</summary>
    Comment,
}
