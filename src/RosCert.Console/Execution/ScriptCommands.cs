using RosCert.Commands.Values;
using RosCert.Console.Ast;
using RosCert.Core.Errors;

namespace RosCert.Console.Execution;

/// <summary>
/// The scripting commands certificate scripts use (<c>:put</c>, <c>:local</c>, <c>:global</c>,
/// <c>:set</c>, <c>:if</c>, <c>:foreach</c>, <c>:delay</c>, <c>:len</c>, <c>:log</c>, <c>:typeof</c>,
/// <c>:error</c>), with RouterOS's argument forms: positional values first, then <c>do=</c>,
/// <c>else=</c>, <c>in=</c>.
/// </summary>
internal sealed class ScriptCommands(ConsoleEngine engine, Evaluator evaluator)
{
    public static bool Handles(Command command) =>
        command.Parts.Count > 0 && command.Parts[0] is PositionalPart { Value: Word { Text: [':', ..] } };

    public RosValue Run(Command command, Scope scope)
    {
        var word = (Word)((PositionalPart)command.Parts[0]).Value;
        var positional = command.Parts.Skip(1).OfType<PositionalPart>().Select(p => p.Value).ToArray();
        var named = command.Parts.OfType<NamedArgument>().ToDictionary(n => n.Name, n => n.Value, StringComparer.Ordinal);
        switch (word.Text)
        {
            case ":put":
                engine.Output.WriteLine(Value(positional, named, "message", 0, scope).Text);
                return RosValue.Nothing;
            case ":local":
                scope.Declare(Name(positional, word), Value(positional, named, "value", 1, scope));
                return RosValue.Nothing;
            case ":global":
                engine.DeclareGlobal(Name(positional, word), positional.Length > 1 || named.ContainsKey("value") ? Value(positional, named, "value", 1, scope) : null);
                return RosValue.Nothing;
            case ":set":
                engine.Assign(Name(positional, word), Value(positional, named, "value", 1, scope), scope);
                return RosValue.Nothing;
            case ":len":
                return Length(Value(positional, named, "value", 0, scope));
            case ":typeof":
                return RosValue.Of(Value(positional, named, "value", 0, scope).TypeName);
            case ":delay":
                Delay(Value(positional, named, "delay-time", 0, scope), word);
                return RosValue.Nothing;
            case ":log":
                engine.Log(Name(positional, word), Value(positional, named, "message", 1, scope).Text);
                return RosValue.Nothing;
            case ":error":
                throw Errors.Failure(Value(positional, named, "message", 0, scope).Text);
            case ":if":
                return If(positional, named, scope, word);
            case ":foreach":
                return ForEach(positional, named, scope, word);
            default:
                throw Errors.BadCommandName(word.Text, word.Position.Line, word.Position.Column);
        }
    }

    private RosValue Value(Expression[] positional, Dictionary<string, Expression> named, string name, int position, Scope scope)
    {
        if (named.TryGetValue(name, out Expression? value))
        {
            return evaluator.Evaluate(value, scope);
        }

        return position < positional.Length ? evaluator.Evaluate(positional[position], scope) : RosValue.Nothing;
    }

    private static string Name(Expression[] positional, Word command) =>
        positional.Length > 0 && positional[0] is Word name
            ? name.Text
            : throw Errors.SyntaxError(command.Position.Line, command.Position.Column + command.Text.Length + 1);

    private static RosValue Length(RosValue value) => value switch
    {
        RosArray array => RosValue.Of(array.Elements.Count),
        RosNothing => RosValue.Of(0),
        _ => RosValue.Of(value.Text.Length),
    };

    private static void Delay(RosValue value, Word word)
    {
        if (!Durations.TryParse(value.Text.Length == 0 ? "1s" : value.Text, out TimeSpan delay) || delay < TimeSpan.Zero)
        {
            throw Errors.SyntaxError(word.Position.Line, word.Position.Column);
        }

        Thread.Sleep(delay);
    }

    private RosValue If(Expression[] positional, Dictionary<string, Expression> named, Scope scope, Word word)
    {
        RosValue condition = Value(positional, named, "condition", 0, scope);
        string branch = Evaluator.IsTrue(condition) ? "do" : "else";
        return named.TryGetValue(branch, out Expression? body) ? RunBody(body, scope, word) : RosValue.Nothing;
    }

    private RosValue ForEach(Expression[] positional, Dictionary<string, Expression> named, Scope scope, Word word)
    {
        string variable = Name(positional, word);
        RosValue items = named.TryGetValue("in", out Expression? source) ? evaluator.Evaluate(source, scope) : RosValue.Nothing;
        Expression body = named.GetValueOrDefault("do") ?? throw Errors.MissingArguments(["do"]);
        IEnumerable<RosValue> values = items switch
        {
            RosArray array => array.Elements.Select(e => e.Value),
            RosNothing => [],
            _ => [items],
        };
        foreach (RosValue value in values)
        {
            var inner = new Scope(scope);
            inner.Declare(variable, value);
            RunBody(body, inner, word);
        }

        return RosValue.Nothing;
    }

    private RosValue RunBody(Expression body, Scope scope, Word word) => evaluator.Evaluate(body, scope) switch
    {
        RosCode code => engine.RunNested(code.Body, new Scope(scope)),
        _ => throw Errors.SyntaxError(word.Position.Line, word.Position.Column),
    };
}
