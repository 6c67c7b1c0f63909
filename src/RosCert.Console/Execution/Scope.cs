using RosCert.Commands.Values;

namespace RosCert.Console.Execution;

/// <summary>
/// Variables of one block (<c>:local</c>); blocks nest, so an inner <c>do={}</c> sees the outer
/// locals. Globals (<c>:global</c>) live in the engine and outlast a statement.
/// </summary>
internal sealed class Scope(Scope? parent)
{
    private readonly Dictionary<string, RosValue> _locals = new(StringComparer.Ordinal);

    public Scope? Parent { get; } = parent;

    public void Declare(string name, RosValue value) => _locals[name] = value;

    public bool TryGet(string name, out RosValue value)
    {
        for (Scope? scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._locals.TryGetValue(name, out RosValue? found))
            {
                value = found;
                return true;
            }
        }

        value = RosValue.Nothing;
        return false;
    }

    public bool TrySet(string name, RosValue value)
    {
        for (Scope? scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._locals.ContainsKey(name))
            {
                scope._locals[name] = value;
                return true;
            }
        }

        return false;
    }
}

/// <summary>Code as a value: the body of <c>do={…}</c>, run by <c>:if</c>, <c>:foreach</c> and friends.</summary>
public sealed record RosCode(Ast.Script Body) : RosValue
{
    public override string Text => Body.ToString();

    public override string TypeName => "code";
}
