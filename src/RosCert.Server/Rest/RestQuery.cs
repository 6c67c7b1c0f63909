using RosCert.Commands.Items;
using RosCert.Commands.Values;

namespace RosCert.Server.Rest;

/// <summary>
/// Turns REST filters into one catalogue <see cref="Condition"/>, passed to <c>print</c> as its
/// <c>where</c> argument, so REST filters exactly as the console's <c>where</c> does.
/// </summary>
internal static class RestQuery
{
    /// <summary><c>GET /rest/certificate?trusted=true&amp;name=ca</c>: every pair must match.</summary>
    public static Condition? AllEqual(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        Condition? all = null;
        foreach ((string property, string value) in pairs)
        {
            all = And(all, new CompareCondition(property, CompareOperator.Equal, RosValue.Of(value)));
        }

        return all;
    }

    /// <summary>
    /// The <c>.query</c> words of <c>POST …/print</c>, read like the API's query words (API page,
    /// "Queries"): <c>name=value</c>, <c>&lt;name=value</c>, <c>&gt;name=value</c>, <c>name</c> (has a value),
    /// <c>-name</c> (has none) each push a condition; <c>#</c> followed by <c>|</c>, <c>&amp;</c>, <c>!</c>
    /// or <c>.</c> combines the top of the stack (or, and, not, duplicate). Whatever is left is ANDed.
    /// </summary>
    public static Condition? FromWords(IEnumerable<string> words)
    {
        var stack = new Stack<Condition>();
        foreach (string word in words)
        {
            if (word.StartsWith('#'))
            {
                Operate(stack, word);
            }
            else
            {
                stack.Push(Word(word));
            }
        }

        Condition? all = null;
        foreach (Condition condition in stack.Reverse())
        {
            all = And(all, condition);
        }

        return all;
    }

    public static Condition? And(Condition? left, Condition? right) =>
        left is null ? right : right is null ? left : new AndCondition(left, right);

    private static Condition Word(string word)
    {
        if (word.Length == 0)
        {
            throw Invalid(word);
        }

        CompareOperator op = word[0] switch
        {
            '<' => CompareOperator.Less,
            '>' => CompareOperator.Greater,
            _ => CompareOperator.Equal,
        };
        string rest = op == CompareOperator.Equal ? word : word[1..];
        int equals = rest.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            return new CompareCondition(rest[..equals], op, RosValue.Of(rest[(equals + 1)..]));
        }

        if (op != CompareOperator.Equal || rest.Length == 0)
        {
            throw Invalid(word);
        }

        // `name` asks for items where the property has a value, `-name` for items where it has none.
        return rest[0] == '-' && rest.Length > 1
            ? Empty(rest[1..])
            : new NotCondition(Empty(rest));
    }

    private static CompareCondition Empty(string property) => new(property, CompareOperator.Equal, RosValue.Of(""));

    private static void Operate(Stack<Condition> stack, string word)
    {
        foreach (char op in word.AsSpan(1))
        {
            switch (op)
            {
                case '!':
                    stack.Push(new NotCondition(Pop(stack, word)));
                    break;
                case '.':
                    stack.Push(stack.Count > 0 ? stack.Peek() : throw Invalid(word));
                    break;
                case '|' or '&':
                    Condition right = Pop(stack, word);
                    Condition left = Pop(stack, word);
                    stack.Push(op == '|' ? new OrCondition(left, right) : new AndCondition(left, right));
                    break;
                default:
                    throw Invalid(word);
            }
        }
    }

    private static Condition Pop(Stack<Condition> stack, string word) => stack.Count > 0 ? stack.Pop() : throw Invalid(word);

    private static RestException Invalid(string word) => new(400, $"invalid query word ({word})");
}
