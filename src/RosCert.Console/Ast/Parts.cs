using System.Text;

namespace RosCert.Console.Ast;

/// <summary>One element of a <see cref="Command"/>.</summary>
public abstract record Part : Node
{
    protected Part(SourcePosition position, int height)
        : base(position, height)
    {
    }
}

/// <summary>
/// A value without a name: a bare <see cref="Word"/> (menu path, command name, item number, value)
/// or any other value (<c>"text"</c>, <c>$var</c>, <c>[cmd]</c>, <c>(expr)</c>, <c>{...}</c>).
/// </summary>
public sealed record PositionalPart(Expression Value, SourcePosition Position) : Part(Position, Value.Height + 1)
{
    public override void Print(StringBuilder builder) => PrintAt(builder, isFirst: false);

    internal void PrintAt(StringBuilder builder, bool isFirst) =>
        SyntaxText.AppendValue(builder, Value, isFirst ? ValueSlot.FirstPositional : ValueSlot.Positional);
}

/// <summary><c>name=value</c>; <c>name=</c> alone is the empty string (printed <c>name=""</c>).</summary>
public sealed record NamedArgument(string Name, Expression Value, SourcePosition Position)
    : Part(Position, Value.Height + 1)
{
    public override void Print(StringBuilder builder)
    {
        builder.Append(Name).Append('=');
        SyntaxText.AppendValue(builder, Value);
    }
}

/// <summary><c>!name</c>: RouterOS <c>set x !prop</c> unsets <c>prop</c>.</summary>
public sealed record NegatedName(string Name, SourcePosition Position) : Part(Position, 1)
{
    public override void Print(StringBuilder builder) => builder.Append('!').Append(Name);
}

/// <summary>
/// <c>where condition</c>, always the last part. In the condition a bare <see cref="Word"/> on the
/// left of a comparison, or standing alone, is a property name (alone: a boolean property such as
/// <c>private-key</c>); juxtaposed conditions are joined with <see cref="BinaryOperator.And"/>.
/// </summary>
public sealed record WhereClause(Expression Condition, SourcePosition Position) : Part(Position, Condition.Height + 1)
{
    public override void Print(StringBuilder builder)
    {
        builder.Append("where ");
        Condition.Print(builder);
    }
}
