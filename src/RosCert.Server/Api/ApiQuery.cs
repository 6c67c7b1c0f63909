using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Errors;

namespace RosCert.Server.Api;

/// <summary>
/// Query words of <c>print</c> (API manual, "Queries"): each word pushes a test on a stack, then
/// <c>?#</c> words combine them; an item is printed when every value left on the stack is true.
/// <code>
/// ?name=x  ?=name=x   property equals x        ?name    item has the property
/// ?-name              item lacks the property   ?&lt;name=x  ?&gt;name=x  less / greater than x
/// ?#ops   | pops two, pushes OR; &amp; pops two, pushes AND; ! negates the top;
///         digits are a stack index (top is 0): followed by another character they push a copy
///         of that value, at the end of the word they replace the stack with it; . after an
///         index does nothing, after anything else pushes a copy of the top
/// </code>
/// </summary>
public static class ApiQuery
{
    /// <summary>The condition of the query words (without their <c>?</c>); null when there are none.</summary>
    public static Condition? Build(IReadOnlyList<string> queries)
    {
        var stack = new List<Condition>();
        foreach (string query in queries)
        {
            if (query.StartsWith('#'))
            {
                Operate(stack, query[1..]);
            }
            else
            {
                stack.Add(Test(query));
            }
        }

        return stack.Count == 0 ? null : stack.Aggregate((left, right) => new AndCondition(left, right));
    }

    private static Condition Test(string query)
    {
        if (query.StartsWith('-'))
        {
            return new NotCondition(Present(query[1..]));
        }

        CompareOperator op = query.StartsWith('<') ? CompareOperator.Less : query.StartsWith('>') ? CompareOperator.Greater : CompareOperator.Equal;
        string body = op == CompareOperator.Equal ? query.TrimStart('=') : query[1..];
        int equals = body.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            return op == CompareOperator.Equal && body.Length > 0 ? Present(body) : throw InvalidQuery();
        }

        return new CompareCondition(body[..equals], op, RosValue.Of(body[(equals + 1)..]));
    }

    /// <summary>"Has a value": unset properties are left out of an item, so any character matches a set one.</summary>
    private static CompareCondition Present(string property) =>
        property.Length == 0 ? throw InvalidQuery() : new CompareCondition(property, CompareOperator.Matches, RosValue.Of("(.|\n)"));

    private static void Operate(List<Condition> stack, string operations)
    {
        int i = 0;
        while (i < operations.Length)
        {
            if (char.IsAsciiDigit(operations[i]))
            {
                int start = i;
                while (i < operations.Length && char.IsAsciiDigit(operations[i]))
                {
                    i++;
                }

                Index(stack, operations[start..i], atEnd: i == operations.Length);
                if (i < operations.Length && operations[i] == '.')
                {
                    i++;
                }

                continue;
            }

            Apply(stack, operations[i]);
            i++;
        }
    }

    private static void Index(List<Condition> stack, string digits, bool atEnd)
    {
        if (!int.TryParse(digits, out int index) || index >= stack.Count)
        {
            throw InvalidQuery();
        }

        Condition value = stack[stack.Count - 1 - index];
        if (atEnd)
        {
            stack.Clear();
        }

        stack.Add(value);
    }

    private static void Apply(List<Condition> stack, char operation)
    {
        switch (operation)
        {
            case '!':
                stack.Add(new NotCondition(Pop(stack)));
                break;
            case '&' or '|':
                Condition right = Pop(stack);
                Condition left = Pop(stack);
                stack.Add(operation == '&' ? new AndCondition(left, right) : new OrCondition(left, right));
                break;
            case '.':
                stack.Add(stack.Count > 0 ? stack[^1] : throw InvalidQuery());
                break;
            default:
                throw InvalidQuery();
        }
    }

    private static Condition Pop(List<Condition> stack)
    {
        if (stack.Count == 0)
        {
            throw InvalidQuery();
        }

        Condition top = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return top;
    }

    private static RouterOsException InvalidQuery() => new(ErrorKind.BadValue, "invalid query");
}
