using RosCert.Console.Ast;

namespace RosCert.Console.Lexing;

/// <summary>
/// One token as the parser met it. <see cref="Offset"/>/<see cref="Length"/> index the input text;
/// <see cref="Text"/> is the raw source (a string keeps its quotes and escapes).
/// <see cref="IsComplete"/> is false only for a string cut off by the end of the input.
/// </summary>
public sealed record Token(TokenKind Kind, string Text, int Offset, SourcePosition Position, bool IsComplete = true)
{
    public int Length => Text.Length;

    public int End => Offset + Text.Length;
}
