using RosCert.Commands.Values;

namespace RosCert.Commands.Items;

public enum CompareOperator
{
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Matches,
    In,
}

/// <summary>
/// A filter over items: the console's <c>where</c>, REST's <c>?prop=value</c> and <c>.query</c>, and
/// the API's <c>?</c> words all become one of these; <see cref="ConditionEvaluator"/> runs it.
/// </summary>
public abstract record Condition;

public sealed record CompareCondition(string Property, CompareOperator Operator, RosValue Value) : Condition;

/// <summary>A property used as a boolean (<c>where private-key</c>).</summary>
public sealed record TruthCondition(string Property) : Condition;

public sealed record NotCondition(Condition Operand) : Condition;

public sealed record AndCondition(Condition Left, Condition Right) : Condition;

public sealed record OrCondition(Condition Left, Condition Right) : Condition;

/// <summary>Carries a condition as an argument value (the <c>where</c> argument of print and find).</summary>
public sealed record RosCondition(Condition Condition) : RosValue
{
    public override string Text => "";

    public override string TypeName => "condition";
}
