using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Values;
using RosCert.Console.Ast;
using RosCert.Core.Errors;

namespace RosCert.Console.Execution;

/// <summary>
/// Evaluates value expressions of the RouterOS language: words, strings with <c>$var</c>
/// interpolation, <c>[command]</c> substitution, arrays, and the operators of <c>( … )</c>.
/// </summary>
internal sealed class Evaluator(ConsoleEngine engine)
{
    /// <summary>
    /// The menu <c>[ … ]</c> runs in: the statement's menu, and while a command's arguments are
    /// evaluated, that command's menu (RouterOS resolves <c>/ip address set [find …]</c> there).
    /// </summary>
    public Menu? Menu { get; set; }

    public RosValue Evaluate(Expression expression, Scope scope) => expression switch
    {
        Word word => RosValue.Of(word.Text),
        StringLiteral literal => RosValue.Of(literal.Value),
        InterpolatedString interpolated => Interpolate(interpolated, scope),
        VariableRef variable => engine.Lookup(variable.Name, scope),
        CommandSubstitution substitution => engine.Substitute(substitution.Script, scope, Menu),
        Block block => new RosCode(block.Body),
        ArrayLiteral array => new RosArray(array.Items.Select(i => new RosArrayElement(i.Key, Evaluate(i.Value, scope))).ToArray()),
        Unary unary => EvaluateUnary(unary, scope),
        Binary binary => EvaluateBinary(binary, scope),
        _ => throw Errors.SyntaxError(expression.Position.Line, expression.Position.Column),
    };

    private RosValue Interpolate(InterpolatedString interpolated, Scope scope)
    {
        var text = new StringBuilder();
        foreach (StringPart part in interpolated.Parts)
        {
            text.Append(part switch
            {
                TextPart literal => literal.Text,
                InterpolationPart inner => Evaluate(inner.Expression, scope).Text,
                _ => "",
            });
        }

        return RosValue.Of(text.ToString());
    }

    private RosValue EvaluateUnary(Unary unary, Scope scope)
    {
        RosValue operand = Numeric(Evaluate(unary.Operand, scope));
        return unary.Operator switch
        {
            UnaryOperator.Not => RosValue.Of(!IsTrue(operand)),
            _ => operand is RosNumber n ? RosValue.Of(-n.Value) : throw Errors.Failure("cannot negate " + operand.TypeName),
        };
    }

    private RosValue EvaluateBinary(Binary binary, Scope scope)
    {
        RosValue left = Evaluate(binary.Left, scope);
        if (binary.Operator is BinaryOperator.And or BinaryOperator.Or)
        {
            bool leftTrue = IsTrue(left);
            return binary.Operator == BinaryOperator.And
                ? RosValue.Of(leftTrue && IsTrue(Evaluate(binary.Right, scope)))
                : RosValue.Of(leftTrue || IsTrue(Evaluate(binary.Right, scope)));
        }

        RosValue right = binary.Operator == BinaryOperator.Element && binary.Right is Word key
            ? RosValue.Of(key.Text)
            : Evaluate(binary.Right, scope);
        return binary.Operator switch
        {
            BinaryOperator.Concat => Concat(left, right),
            BinaryOperator.Element => Element(left, right),
            BinaryOperator.Match => RosValue.Of(Regex.IsMatch(left.Text, right.Text, RegexOptions.NonBacktracking)),
            BinaryOperator.In => RosValue.Of(right is RosArray array ? array.Elements.Any(e => e.Value.Text == left.Text) : right.Text.Contains(left.Text, StringComparison.Ordinal)),
            BinaryOperator.Equal => RosValue.Of(Compare(left, right) == 0),
            BinaryOperator.NotEqual => RosValue.Of(Compare(left, right) != 0),
            BinaryOperator.Less => RosValue.Of(Compare(left, right) < 0),
            BinaryOperator.Greater => RosValue.Of(Compare(left, right) > 0),
            BinaryOperator.LessOrEqual => RosValue.Of(Compare(left, right) <= 0),
            BinaryOperator.GreaterOrEqual => RosValue.Of(Compare(left, right) >= 0),
            _ => Arithmetic(binary.Operator, Numeric(left), Numeric(right)),
        };
    }

    public static bool IsTrue(RosValue value) => value switch
    {
        RosBool b => b.Value,
        RosNumber n => n.Value != 0,
        RosNothing => false,
        _ => value.Text is "true" or "yes",
    };

    /// <summary>Words that look like numbers, durations or booleans act as such in expressions.</summary>
    private static RosValue Numeric(RosValue value)
    {
        if (value is not RosString text)
        {
            return value;
        }

        if (long.TryParse(text.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
        {
            return RosValue.Of(number);
        }

        if (text.Value is "true" or "false")
        {
            return RosValue.Of(text.Value == "true");
        }

        return text.Value.Length > 0 && char.IsAsciiDigit(text.Value[0]) && Durations.TryParse(text.Value, out TimeSpan duration)
            ? new RosDuration(duration)
            : value;
    }

    private static int Compare(RosValue left, RosValue right)
    {
        (RosValue l, RosValue r) = (Numeric(left), Numeric(right));
        return (l, r) switch
        {
            (RosNumber a, RosNumber b) => a.Value.CompareTo(b.Value),
            (RosDuration a, RosDuration b) => a.Value.CompareTo(b.Value),
            (RosDuration a, RosNumber b) => a.Value.CompareTo(TimeSpan.FromSeconds(b.Value)),
            (RosBool a, RosBool b) => a.Value.CompareTo(b.Value),
            (RosArray a, RosArray b) => a.Equals(b) ? 0 : 1,
            _ => string.CompareOrdinal(left.Text, right.Text),
        };
    }

    private static RosValue Concat(RosValue left, RosValue right) => (left, right) switch
    {
        (RosArray a, RosArray b) => new RosArray([.. a.Elements, .. b.Elements]),
        _ => RosValue.Of(left.Text + right.Text),
    };

    private static RosValue Element(RosValue container, RosValue key)
    {
        if (container is not RosArray array)
        {
            return RosValue.Nothing;
        }

        if (key is RosNumber or RosString && long.TryParse(key.Text, NumberStyles.None, CultureInfo.InvariantCulture, out long index) && array[key.Text] is null)
        {
            return index < array.Elements.Count ? array.Elements[(int)index].Value : RosValue.Nothing;
        }

        return array[key.Text] ?? RosValue.Nothing;
    }

    private static RosValue Arithmetic(BinaryOperator op, RosValue left, RosValue right) => (op, left, right) switch
    {
        (BinaryOperator.Add, RosNumber a, RosNumber b) => RosValue.Of(a.Value + b.Value),
        (BinaryOperator.Subtract, RosNumber a, RosNumber b) => RosValue.Of(a.Value - b.Value),
        (BinaryOperator.Multiply, RosNumber a, RosNumber b) => RosValue.Of(a.Value * b.Value),
        (BinaryOperator.Divide, RosNumber a, RosNumber b) => b.Value == 0 ? throw Errors.Failure("division by zero") : RosValue.Of(a.Value / b.Value),
        (BinaryOperator.Modulo, RosNumber a, RosNumber b) => b.Value == 0 ? throw Errors.Failure("division by zero") : RosValue.Of(a.Value % b.Value),
        (BinaryOperator.Add, RosDuration a, RosDuration b) => new RosDuration(a.Value + b.Value),
        (BinaryOperator.Subtract, RosDuration a, RosDuration b) => new RosDuration(a.Value - b.Value),
        (BinaryOperator.Multiply, RosDuration a, RosNumber b) => new RosDuration(a.Value * b.Value),
        _ => throw Errors.Failure($"cannot apply {Operators.Text(op)} to {left.TypeName} and {right.TypeName}"),
    };
}
