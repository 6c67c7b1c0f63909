using RosCert.Commands.Catalogue;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Console.Ast;
using RosCert.Core.Errors;

namespace RosCert.Console.Execution;

/// <summary>
/// Resolves a parsed statement against the catalogue, as the RouterOS console does: leading words
/// walk menus (<c>/certificate</c>, <c>crl</c>, <c>..</c>, <c>/certificate/print</c>) until one names a
/// command; the rest are its arguments, named (<c>name=x</c>), by position (<c>sign Server</c>) or
/// as bare flag words (<c>print detail</c>). Unique prefixes of menu, command and argument names are
/// accepted. Unknown names give <c>bad command name</c> or <c>expected end of command</c> at their column.
/// </summary>
internal sealed class CommandBinder(Catalogue catalogue, Evaluator evaluator)
{
    public BoundCommand Bind(Command command, Menu current, Scope scope)
    {
        Menu menu = current;
        int index = 0;
        CommandDef? definition = null;
        for (; index < command.Parts.Count && definition is null; index++)
        {
            if (command.Parts[index] is not PositionalPart { Value: Word word })
            {
                break;
            }

            (menu, definition) = Walk(menu, word);
        }

        if (definition is null)
        {
            if (index < command.Parts.Count)
            {
                SourcePosition position = command.Parts[index].Position;
                throw Errors.ExpectedEndOfCommand(position.Line, position.Column);
            }

            return new BoundCommand(menu, null, new Dictionary<string, RosValue>());
        }

        return BindArguments(menu, definition, command, index, scope);
    }

    /// <summary>Follows one path word; returns the menu reached and the command when the word ends in one.</summary>
    private (Menu Menu, CommandDef? Command) Walk(Menu menu, Word word)
    {
        Menu at = word.IsAbsolutePath ? catalogue.Root : menu;
        IReadOnlyList<string> segments = word.PathSegments;
        for (int i = 0; i < segments.Count; i++)
        {
            string segment = segments[i];
            if (segment == "..")
            {
                at = at.Parent ?? at;
                continue;
            }

            bool last = i == segments.Count - 1;
            object? target = Resolve(at, segment, last, word);
            if (target is Menu child)
            {
                at = child;
                continue;
            }

            if (target is CommandDef definition)
            {
                return (at, definition);
            }

            throw Errors.BadCommandName(segment, word.Position.Line, word.Position.Column);
        }

        return (at, null);
    }

    /// <summary>
    /// A menu or (as the last segment) a command: exact names first, then the one menu or command
    /// the segment is a prefix of (<c>pri</c> for <c>print</c>); several prefixes is a syntax error.
    /// </summary>
    private static object? Resolve(Menu at, string segment, bool last, Word word)
    {
        if (at.Child(segment) is { } exactMenu)
        {
            return exactMenu;
        }

        if (last && at.Command(segment) is { } exactCommand)
        {
            return exactCommand;
        }

        object[] prefixed =
        [
            .. at.Children.Where(c => c.Name.StartsWith(segment, StringComparison.Ordinal)),
            .. last ? at.Commands.Where(c => c.Name.StartsWith(segment, StringComparison.Ordinal)) : [],
        ];
        return prefixed.Length switch
        {
            1 => prefixed[0],
            0 => null,
            _ => throw Errors.SyntaxError(word.Position.Line, word.Position.Column),
        };
    }

    /// <summary>An exact name, else the one name the word is a prefix of; several is ambiguous.</summary>
    private static T? Match<T>(IReadOnlyList<T> candidates, string text, Func<T, string> name, Node node)
        where T : class
    {
        T? exact = candidates.FirstOrDefault(c => name(c) == text);
        if (exact is not null)
        {
            return exact;
        }

        T[] prefixed = candidates.Where(c => name(c).StartsWith(text, StringComparison.Ordinal)).ToArray();
        return prefixed.Length switch
        {
            1 => prefixed[0],
            0 => null,
            _ => throw Errors.SyntaxError(node.Position.Line, node.Position.Column),
        };
    }

    private BoundCommand BindArguments(Menu menu, CommandDef definition, Command command, int start, Scope scope)
    {
        Menu? outer = evaluator.Menu;
        evaluator.Menu = menu; // [find] among the arguments runs in the command's menu
        try
        {
            return BindArgumentsIn(menu, definition, command, start, scope);
        }
        finally
        {
            evaluator.Menu = outer;
        }
    }

    private BoundCommand BindArgumentsIn(Menu menu, CommandDef definition, Command command, int start, Scope scope)
    {
        var arguments = new Dictionary<string, RosValue>(StringComparer.Ordinal);
        Queue<ArgumentDef> positional = new(definition.PositionalArguments);
        for (int i = start; i < command.Parts.Count; i++)
        {
            Part part = command.Parts[i];
            switch (part)
            {
                case NamedArgument named:
                    ArgumentDef argument = Match(definition.Arguments, named.Name, a => a.Name, named)
                        ?? throw Errors.ExpectedEndOfCommand(named.Position.Line, named.Position.Column);
                    arguments[argument.Name] = evaluator.Evaluate(named.Value, scope);
                    break;
                case NegatedName negated when definition.AcceptsUnset:
                    ArgumentDef cleared = Match(definition.Arguments, negated.Name, a => a.Name, negated)
                        ?? throw Errors.ExpectedEndOfCommand(negated.Position.Line, negated.Position.Column);
                    arguments[cleared.Name] = RosUnset.Instance;
                    break;
                case WhereClause where when definition.Argument("where") is not null:
                    arguments["where"] = new RosCondition(ToCondition(where.Condition, scope));
                    break;
                case PositionalPart { Value: Word word } when IsFlagWord(definition, word.Text, arguments) is { } flag:
                    arguments[flag.Name] = RosValue.Of(true);
                    break;
                case PositionalPart value when positional.Count > 0:
                    ArgumentDef next = positional.Dequeue();
                    arguments[next.Name] = evaluator.Evaluate(value.Value, scope);
                    break;
                default:
                    throw Errors.ExpectedEndOfCommand(part.Position.Line, part.Position.Column);
            }
        }

        return new BoundCommand(menu, definition, arguments);
    }

    /// <summary>A bare word naming a flag argument of the command (<c>detail</c>, <c>count-only</c>, <c>once</c>).</summary>
    private static ArgumentDef? IsFlagWord(CommandDef definition, string text, Dictionary<string, RosValue> given)
    {
        ArgumentDef? exact = definition.Arguments.FirstOrDefault(a => a.Name == text && a.Type is FlagArgumentType);
        return exact is not null && !given.ContainsKey(exact.Name) ? exact : null;
    }

    /// <summary>Turns a <c>where</c> expression into a catalogue condition; values are evaluated once, here.</summary>
    private Condition ToCondition(Expression expression, Scope scope) => expression switch
    {
        Binary { Operator: BinaryOperator.And } and => new AndCondition(ToCondition(and.Left, scope), ToCondition(and.Right, scope)),
        Binary { Operator: BinaryOperator.Or } or => new OrCondition(ToCondition(or.Left, scope), ToCondition(or.Right, scope)),
        Unary { Operator: UnaryOperator.Not } not => new NotCondition(ToCondition(not.Operand, scope)),
        Word word => new TruthCondition(word.Text),
        Binary { Left: Word property } compare when Comparison(compare.Operator) is { } op =>
            new CompareCondition(property.Text, op, evaluator.Evaluate(compare.Right, scope)),
        _ => throw Errors.SyntaxError(expression.Position.Line, expression.Position.Column),
    };

    private static CompareOperator? Comparison(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => CompareOperator.Equal,
        BinaryOperator.NotEqual => CompareOperator.NotEqual,
        BinaryOperator.Less => CompareOperator.Less,
        BinaryOperator.Greater => CompareOperator.Greater,
        BinaryOperator.LessOrEqual => CompareOperator.LessOrEqual,
        BinaryOperator.GreaterOrEqual => CompareOperator.GreaterOrEqual,
        BinaryOperator.Match => CompareOperator.Matches,
        BinaryOperator.In => CompareOperator.In,
        _ => null,
    };
}
