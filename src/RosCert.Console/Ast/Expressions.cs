using System.Text;

namespace RosCert.Console.Ast;

/// <summary>A value or an expression.</summary>
public abstract record Expression : Node
{
    protected Expression(SourcePosition position, int height)
        : base(position, height)
    {
    }
}

/// <summary>
/// An unquoted word: <c>print</c>, <c>/certificate/crl</c>, <c>..</c>, <c>0,2</c>, <c>*1F</c>,
/// <c>3w</c>, <c>key-cert-sign,crl-sign</c>. The text is kept verbatim; the path helpers let the
/// binder tell menu paths apart without re-parsing.
/// </summary>
public sealed record Word(string Text, SourcePosition Position) : Expression(Position, 1)
{
    /// <summary>A leading <c>/</c>: the path starts at the root (<c>/</c> alone is the root).</summary>
    public bool IsAbsolutePath => Text.StartsWith('/');

    /// <summary><c>..</c>: the parent menu.</summary>
    public bool IsParentPath => Text == "..";

    /// <summary>The word split on <c>/</c> without empty segments: <c>/certificate/crl</c> gives
    /// <c>certificate, crl</c>; <c>/</c> gives none; <c>..</c> gives <c>..</c>.</summary>
    public IReadOnlyList<string> PathSegments => Text.Split('/', StringSplitOptions.RemoveEmptyEntries);

    public override void Print(StringBuilder builder) => builder.Append(Text);
}

/// <summary>A quoted string without interpolation; <see cref="Value"/> has its escapes decoded.</summary>
public sealed record StringLiteral(string Value, SourcePosition Position) : Expression(Position, 1)
{
    public override void Print(StringBuilder builder) => SyntaxText.AppendQuoted(builder, Value);
}

/// <summary><c>$name</c> or <c>$"any name"</c>.</summary>
public sealed record VariableRef(string Name, SourcePosition Position) : Expression(Position, 1)
{
    public override void Print(StringBuilder builder) => SyntaxText.AppendVariable(builder, Name, forceQuotes: false);
}

/// <summary><c>[ script ]</c>: runs the nested script and yields its value.</summary>
public sealed record CommandSubstitution(Script Script, SourcePosition Position) : Expression(Position, Script.Height + 1)
{
    public override void Print(StringBuilder builder)
    {
        builder.Append('[');
        Script.PrintInline(builder);
        builder.Append(']');
    }
}

/// <summary>
/// <c>{ commands }</c>: code, as the value of <c>do=</c>, <c>else=</c>, <c>on-event=</c>,
/// <c>on-error=</c>, or a <c>{ }</c> whose first token is none of those that make an array.
/// </summary>
public sealed record Block(Script Body, SourcePosition Position) : Expression(Position, Body.Height + 1)
{
    public override void Print(StringBuilder builder)
    {
        if (Body.Commands.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        builder.Append("{ ");
        Body.PrintInline(builder);
        builder.Append(" }");
    }
}

/// <summary><c>{"a";"b"}</c> or <c>{name=x;size=2}</c>: items separated by <c>;</c>.</summary>
public sealed record ArrayLiteral(SyntaxList<ArrayItem> Items, SourcePosition Position)
    : Expression(Position, HeightOf(Items))
{
    public override void Print(StringBuilder builder)
    {
        builder.Append('{');
        for (int i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(';');
            }

            Items[i].PrintAt(builder, isFirst: i == 0);
        }

        builder.Append('}');
    }
}

/// <summary>One array element; <see cref="Key"/> is null for a plain list element.</summary>
public sealed record ArrayItem(string? Key, Expression Value, SourcePosition Position) : Node(Position, Value.Height + 1)
{
    public override void Print(StringBuilder builder) => PrintAt(builder, isFirst: false);

    internal void PrintAt(StringBuilder builder, bool isFirst)
    {
        if (Key is not null)
        {
            SyntaxText.AppendKey(builder, Key);
            builder.Append('=');
            SyntaxText.AppendValue(builder, Value);
            return;
        }

        SyntaxText.AppendValue(builder, Value, isFirst ? ValueSlot.FirstArrayItem : ValueSlot.ArrayItem);
    }
}
