using System.Text;

namespace RosCert.Console.Ast;

/// <summary>
/// A quoted string with at least one <c>$name</c>, <c>$"name"</c>, <c>$[command]</c> or
/// <c>$(expression)</c> inside. Literal parts are merged and never empty.
/// </summary>
public sealed record InterpolatedString(SyntaxList<StringPart> Parts, SourcePosition Position)
    : Expression(Position, HeightOf(Parts))
{
    public override void Print(StringBuilder builder)
    {
        builder.Append('"');
        for (int i = 0; i < Parts.Count; i++)
        {
            bool nameCharFollows = i + 1 < Parts.Count
                && Parts[i + 1] is TextPart next
                && SyntaxText.IsVariableNameChar(next.Text[0]);
            switch (Parts[i])
            {
                case TextPart text:
                    SyntaxText.AppendEscaped(builder, text.Text);
                    break;
                case InterpolationPart interpolation:
                    interpolation.PrintInside(builder, nameCharFollows);
                    break;
            }
        }

        builder.Append('"');
    }
}

/// <summary>A piece of an <see cref="InterpolatedString"/>.</summary>
public abstract record StringPart : Node
{
    protected StringPart(SourcePosition position, int height)
        : base(position, height)
    {
    }
}

/// <summary>Literal text, escapes decoded.</summary>
public sealed record TextPart(string Text, SourcePosition Position) : StringPart(Position, 1)
{
    public override void Print(StringBuilder builder) => SyntaxText.AppendEscaped(builder, Text);
}

/// <summary>
/// <c>$name</c> (a <see cref="VariableRef"/>), <c>$[cmd]</c> (a <see cref="CommandSubstitution"/>)
/// or <c>$(expr)</c> (any other expression) inside a string.
/// </summary>
public sealed record InterpolationPart(Expression Expression, SourcePosition Position)
    : StringPart(Position, Expression.Height + 1)
{
    public override void Print(StringBuilder builder) => PrintInside(builder, nameCharFollows: false);

    internal void PrintInside(StringBuilder builder, bool nameCharFollows)
    {
        switch (Expression)
        {
            case VariableRef variable:
                SyntaxText.AppendVariable(builder, variable.Name, forceQuotes: nameCharFollows);
                break;
            case CommandSubstitution substitution:
                builder.Append('$');
                substitution.Print(builder);
                break;
            default:
                builder.Append("$(");
                Expression.Print(builder);
                builder.Append(')');
                break;
        }
    }
}
