using System.Text.Json;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Model;

namespace RosCert.Server.Rest;

/// <summary>A reply to send: its status and, unless it has none, how to write its JSON body.</summary>
internal readonly record struct RestReply(int Status, Action<Utf8JsonWriter>? Body)
{
    /// <summary>A successful <c>DELETE</c>: RouterOS sends no body (reference §5.1).</summary>
    public static readonly RestReply NoContent = new(204, null);

    public static RestReply Ok(Action<Utf8JsonWriter> body) => new(200, body);
}

/// <summary>
/// The verb mapping of the RouterOS REST page: <c>GET</c> = print, <c>PUT</c> = add, <c>PATCH</c> = set,
/// <c>DELETE</c> = remove, <c>POST</c> = any command. Every command comes from the catalogue and runs
/// through <see cref="CommandRunner"/>, so rights, types and errors are the console's.
/// </summary>
internal sealed class RestDispatcher(Session session, RestTarget target)
{
    private Menu Menu => target.Menu;

    public RestReply Get(RestArguments query)
    {
        if (target.Word is { } word)
        {
            return Menu.Kind == MenuKind.List ? OneItem(FindItem(word), query.Proplist) : throw RestException.NoSuchPath(word);
        }

        return Menu.Kind switch
        {
            MenuKind.List => Reply(Run("print", query, AsValue()), query.Proplist),
            MenuKind.Settings => Settings(query.Proplist),
            _ => throw RestException.NoSuchCommand("print"),
        };
    }

    public RestReply Put(RestArguments body)
    {
        if (target.Word is { } word)
        {
            throw RestException.NoSuchPath(word);
        }

        CommandResult added = Run("add", body, []);
        return added is ValueResult { Returned: RosId id }
            ? OneItem(FindItem(id.Value.ToString()), body.Proplist)
            : Reply(added, body.Proplist);
    }

    /// <summary><c>PATCH /rest/certificate/*1</c> sets that item; <c>PATCH /rest/certificate/settings</c> the settings.</summary>
    public RestReply Patch(RestArguments body)
    {
        if (Menu.Kind == MenuKind.Settings && target.Word is null)
        {
            Run("set", body, []);
            return Settings(body.Proplist);
        }

        ItemId id = ItemFromPath("set");
        Run("set", body, new() { ["numbers"] = RosValue.Of(id) });
        return OneItem(FindItem(id.ToString()), body.Proplist);
    }

    public RestReply Delete()
    {
        ItemId id = ItemFromPath("remove");
        Run("remove", RestArguments.Empty, new() { ["numbers"] = RosValue.Of(id) });
        return RestReply.NoContent;
    }

    /// <summary><c>POST /rest/certificate/sign {"number":"*1"}</c>: the command named by the last word.</summary>
    public RestReply Post(RestArguments body)
    {
        CommandDef command = target.Word is { } word ? target.Command(word) : throw new RestException(400, "no command given");
        return Reply(Run(command, body, []), body.Proplist, command);
    }

    private ItemId ItemFromPath(string command)
    {
        if (Menu.Kind != MenuKind.List || target.Word is null)
        {
            throw RestException.NoSuchCommand(target.Word ?? command);
        }

        (_, ItemView item) = FindItem(target.Word);
        return item.Id ?? throw RestException.NotFound();
    }

    private RestReply Settings(IReadOnlyList<string>? proplist)
    {
        CommandResult printed = Run("print", RestArguments.Empty, []);
        return printed is RecordResult record
            ? RestReply.Ok(w => RestJson.WriteRecord(w, Menu, record, proplist))
            : Reply(printed, proplist);
    }

    /// <summary>
    /// One item by <c>*id</c> or name through <c>print from=</c>; a name that is all digits is looked up
    /// with <c>where name=</c> instead, so REST never falls back to console print numbers.
    /// </summary>
    private (ListResult List, ItemView Item) FindItem(string word)
    {
        bool byReference = ItemId.TryParse(word, out _) || (!word.Contains(',', StringComparison.Ordinal) && !word.All(char.IsAsciiDigit));
        Dictionary<string, RosValue> selection = AsValue();
        if (byReference)
        {
            selection["from"] = RosValue.Of(word);
        }
        else
        {
            selection["where"] = new RosCondition(new CompareCondition("name", CompareOperator.Equal, RosValue.Of(word)));
        }

        try
        {
            CommandResult printed = Run("print", RestArguments.Empty, selection);
            return printed is ListResult { Items.Count: > 0 } list ? (list, list.Items[0]) : throw RestException.NotFound();
        }
        catch (RouterOsException e) when (e.Kind == ErrorKind.NoSuchItem)
        {
            throw RestException.NotFound();
        }
    }

    private static RestReply OneItem((ListResult List, ItemView Item) found, IReadOnlyList<string>? proplist) =>
        RestReply.Ok(w => RestJson.WriteItem(w, found.List, found.Item, proplist));

    private static Dictionary<string, RosValue> AsValue() => new(StringComparer.Ordinal) { ["as-value"] = RosValue.Of(true) };

    private CommandResult Run(string name, RestArguments given, Dictionary<string, RosValue> fixedArguments) =>
        Run(target.Command(name), given, fixedArguments);

    /// <summary>Binds the request's arguments to the command, adds the ones the verb implies, runs it.</summary>
    private CommandResult Run(CommandDef command, RestArguments given, Dictionary<string, RosValue> fixedArguments)
    {
        Dictionary<string, RosValue> arguments = given.Bind(command);
        foreach ((string name, RosValue value) in fixedArguments)
        {
            arguments[name] = value;
        }

        return CommandRunner.Run(session, Menu, command, arguments);
    }

    /// <summary>
    /// How a command's result is sent: items as an array of objects, a record as one object (an array
    /// of one for monitor-style commands such as <c>sign</c>, which RouterOS REST runs <c>once</c>), a
    /// returned value as <c>{"ret":…}</c> (RouterOS answers <c>add</c> so), anything else as <c>[]</c>.
    /// </summary>
    private RestReply Reply(CommandResult result, IReadOnlyList<string>? proplist, CommandDef? command = null) => result switch
    {
        ListResult { Options.Mode: PrintMode.CountOnly } list => RestReply.Ok(w => RestJson.WriteRet(w, Menu, RosValue.Of(list.Items.Count))),
        ListResult list => RestReply.Ok(w => RestJson.WriteItems(w, list, proplist)),
        RecordResult record when command?.Argument("once") is not null => RestReply.Ok(w =>
        {
            w.WriteStartArray();
            RestJson.WriteRecord(w, Menu, record, proplist);
            w.WriteEndArray();
        }),
        RecordResult record => RestReply.Ok(w => RestJson.WriteRecord(w, Menu, record, proplist)),
        ValueResult value => RestReply.Ok(w => RestJson.WriteRet(w, Menu, value.Returned)),
        _ => RestReply.Ok(RestJson.WriteEmptyArray),
    };
}
