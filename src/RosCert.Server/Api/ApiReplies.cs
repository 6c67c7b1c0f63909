using RosCert.Commands.Execution;
using RosCert.Commands.Values;
using RosCert.Core.Errors;

namespace RosCert.Server.Api;

/// <summary>
/// The reply sentences of one command (API manual, "Reply word"): <c>!re</c> per item, <c>!done</c>
/// (with <c>=ret=</c> for a returned value such as the id <c>add</c> made), <c>!trap</c> followed by
/// <c>!done</c>, and <c>!fatal</c> before the router closes the connection. Every sentence of a
/// tagged command carries its <c>.tag=</c> word, as RouterOS sends it (librouteros and
/// node-routeros match replies on <c>.tag=</c>).
/// </summary>
public sealed class ApiReplies(string? tag)
{
    private readonly List<List<string>> _sentences = [];

    public IReadOnlyList<IReadOnlyList<string>> Sentences => _sentences;

    public void Re(IEnumerable<KeyValuePair<string, string>> attributes) => Add("!re", attributes);

    public void Done(string? ret = null) => Add("!done", ret is null ? [] : [new("ret", ret)]);

    /// <summary>A failed command: <c>!trap</c> with the RouterOS text and, where it is plain, the category; then <c>!done</c>.</summary>
    public void Trap(string message, int? category = null)
    {
        var attributes = new List<KeyValuePair<string, string>>();
        if (category is { } c)
        {
            attributes.Add(new("category", c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        attributes.Add(new("message", message));
        Add("!trap", attributes);
        Done();
    }

    /// <summary>
    /// API trap categories: 0 missing item or command, 1 argument value failure, 2 interrupted,
    /// 3 scripting, 4 general failure, 5 API failure, 6 TTY, 7 :return value. Only the plain ones are sent.
    /// </summary>
    public void Trap(RouterOsException error) => Trap(error.Message, error.Kind switch
    {
        ErrorKind.NoSuchItem => 0,
        ErrorKind.BadValue => 1,
        _ => null,
    });

    /// <summary><c>!fatal</c> carries its reason as a plain word; the connection closes after it.</summary>
    public void Fatal(string reason)
    {
        List<string> words = ["!fatal", reason];
        AddTag(words);
        _sentences.Add(words);
    }

    /// <summary>Renders what a command returned, with <c>.proplist</c> applied to items.</summary>
    public void Result(CommandResult result, IReadOnlyList<string>? proplist)
    {
        switch (result)
        {
            case ListResult { Options.Mode: PrintMode.CountOnly } list:
                Done(RosValue.Of(list.Items.Count).Text);
                return;
            case ListResult list:
                Items(list, proplist ?? list.Options.Proplist);
                break;
            case RecordResult record:
                Re(record.Fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.Text)));
                break;
            case ValueResult { Returned: not RosNothing } value:
                Done(value.Returned.Text);
                return;
            case TextResult text:
                Done(string.Join('\n', text.Lines));
                return;
        }

        Done();
    }

    /// <summary>Each item as REST shows it: <c>.id</c>, properties, flags as <c>true</c>/<c>false</c>; secrets only with show-sensitive.</summary>
    private void Items(ListResult list, IReadOnlyList<string>? proplist)
    {
        foreach (Commands.Items.ItemView item in list.Items)
        {
            IEnumerable<RosArrayElement> elements = list.ToArray(item).Elements
                .Where(e => list.Options.ShowSensitive || list.Menu.Property(e.Key!)?.Sensitive != true)
                .Where(e => proplist is null || proplist.Contains(e.Key!));
            Re(elements.Select(e => new KeyValuePair<string, string>(e.Key!, e.Value.Text)));
        }
    }

    private void Add(string reply, IEnumerable<KeyValuePair<string, string>> attributes)
    {
        List<string> words = [reply, .. attributes.Select(a => "=" + a.Key + "=" + a.Value)];
        AddTag(words);
        _sentences.Add(words);
    }

    private void AddTag(List<string> words)
    {
        if (tag is not null)
        {
            words.Add(".tag=" + tag);
        }
    }
}
