using System.Text;

namespace RosCert.Console.Ast;

/// <summary>
/// A sequence of commands: the whole input, the inside of <c>[ ]</c> or of a <c>{ }</c> block.
/// Empty statements and comments are not kept. Canonical text: one command per line at the top,
/// <c>; </c> between commands when nested.
/// </summary>
public sealed record Script(SyntaxList<Command> Commands, SourcePosition Position)
    : Node(Position, HeightOf(Commands))
{
    public override void Print(StringBuilder builder) => PrintJoined(builder, "\n");

    /// <summary>Prints the commands on one line, joined by <c>; </c> (the form used inside brackets and blocks).</summary>
    public void PrintInline(StringBuilder builder) => PrintJoined(builder, "; ");

    private void PrintJoined(StringBuilder builder, string separator)
    {
        for (int i = 0; i < Commands.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            Commands[i].Print(builder);
        }
    }
}

/// <summary>
/// One statement: a flat list of parts in source order (path words, the command word, positional
/// values, named arguments, <c>!name</c>, a final <c>where</c>). The binder decides which words are
/// menu paths and which is the command; the parser knows no catalogue.
/// </summary>
public sealed record Command(SyntaxList<Part> Parts, SourcePosition Position) : Node(Position, HeightOf(Parts))
{
    public override void Print(StringBuilder builder)
    {
        for (int i = 0; i < Parts.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            if (Parts[i] is PositionalPart positional)
            {
                positional.PrintAt(builder, isFirst: i == 0);
            }
            else
            {
                Parts[i].Print(builder);
            }
        }
    }
}
