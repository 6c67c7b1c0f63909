using RosCert.Commands.Catalogue;
using RosCert.Commands.Items;
using RosCert.Commands.Values;

namespace RosCert.Server.Rest;

/// <summary>
/// The arguments of one REST request as given (body members or query-string pairs), before they are
/// bound to a command. <c>.proplist</c> and <c>.query</c> are REST's own (RouterOS REST page, "POST
/// method"); the rest are command arguments, checked by <see cref="Bind"/>.
/// </summary>
internal sealed class RestArguments
{
    /// <summary>Names REST clients use for the item a command works on (reference §5.2: sign takes <c>number</c>, clients send <c>numbers</c> or <c>.id</c>).</summary>
    private static readonly string[] s_itemAliases = [".id", "numbers", "number"];

    private readonly List<KeyValuePair<string, RosValue>> _values = [];

    public static RestArguments Empty => new();

    /// <summary>The properties to reply with (<c>.proplist</c>); null for all.</summary>
    public IReadOnlyList<string>? Proplist { get; set; }

    /// <summary>The filter of <c>.query</c> or the query string; null for none.</summary>
    public Condition? Query { get; set; }

    public int Count => _values.Count;

    public void Add(string name, RosValue value) => _values.Add(new(name, value));

    /// <summary>
    /// Maps the given names onto <paramref name="command"/>'s declared arguments. A name the command
    /// does not declare is <c>unknown parameter x</c> (400), as RouterOS REST answers; the values
    /// themselves are checked by <c>CommandRunner</c> exactly as for the console.
    /// </summary>
    public Dictionary<string, RosValue> Bind(CommandDef command)
    {
        var bound = new Dictionary<string, RosValue>(_values.Count + 1, StringComparer.Ordinal);
        foreach ((string name, RosValue value) in _values)
        {
            bound[ArgumentName(command, name)] = value;
        }

        if (Query is not null)
        {
            _ = command.Argument("where") ?? throw RestException.UnknownParameter(".query");
            bound["where"] = new RosCondition(Query);
        }

        return bound;
    }

    private static string ArgumentName(CommandDef command, string name)
    {
        if (command.Argument(name) is not null)
        {
            return name;
        }

        if (s_itemAliases.Contains(name) && (command.Argument("numbers") ?? command.Argument("number")) is { } item)
        {
            return item.Name;
        }

        throw RestException.UnknownParameter(name);
    }

    /// <summary><c>.proplist</c> as RouterOS takes it: a comma list, or (in a JSON body) an array of names.</summary>
    public static string[] SplitProplist(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
