using RosCert.Commands.Catalogue;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Commands.Execution;

/// <summary>
/// One run of one command: its session, menu, checked arguments and the transaction it runs in.
/// Handlers read everything they need from here.
/// </summary>
public sealed class Invocation
{
    private readonly IStoreWriter? _writer;
    private IReadOnlyList<ItemView>? _items;
    private TimeZoneInfo? _zone;

    public Invocation(Session session, Menu menu, CommandDef command, IReadOnlyDictionary<string, RosValue> arguments, IStoreReader reader, IStoreWriter? writer)
    {
        Session = session;
        Menu = menu;
        Command = command;
        Arguments = arguments;
        Reader = reader;
        _writer = writer;
        Now = session.Environment.Clock.GetUtcNow();
    }

    public Session Session { get; }

    /// <summary>The same command reading through <paramref name="reader"/> (one transaction of its own,
    /// for a command that manages its transactions), so its lookups share that snapshot.</summary>
    public Invocation Reading(IStoreReader reader) => new(Session, Menu, Command, Arguments, reader, _writer);

    public Menu Menu { get; }

    public CommandDef Command { get; }

    public IReadOnlyDictionary<string, RosValue> Arguments { get; }

    public IStoreReader Reader { get; }

    /// <summary>The write transaction; only commands of kind <see cref="CommandKind.Change"/> have one.</summary>
    public IStoreWriter Writer => _writer ?? throw new InvalidOperationException($"{Command.Name} runs in a read transaction");

    public CommandEnvironment Environment => Session.Environment;

    /// <summary>The time the command started; every date it writes uses this one instant.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The <c>/system clock</c> zone every date is printed in.</summary>
    public TimeZoneInfo Zone => _zone ??= SystemSettings.Zone(Reader, Environment.HostZone);

    /// <summary>The audit entry still to record for this command, if it is audited (see <see cref="RecordAudit"/>).</summary>
    internal Action<IStoreWriter>? PendingAudit { get; set; }

    /// <summary>
    /// Records the command's audit entry in the transaction of <paramref name="writer"/>, so it commits
    /// with the change: commands that run their own transactions (<c>sign</c>) call it in their last
    /// write; the runner records it in a transaction of its own for those that do not.
    /// </summary>
    public void RecordAudit(IStoreWriter writer)
    {
        if (PendingAudit is { } record)
        {
            record(writer);
            PendingAudit = null;
        }
    }

    public RosValue? Argument(string name) => Arguments.GetValueOrDefault(name);

    public bool Has(string name) => Arguments.ContainsKey(name);

    public string? Text(string name) => Arguments.TryGetValue(name, out RosValue? value) ? value.Text : null;

    public bool Flag(string name) => Arguments.TryGetValue(name, out RosValue? value) && value is RosBool { Value: true };

    /// <summary>The menu's items as of this transaction (built once per invocation).</summary>
    public IReadOnlyList<ItemView> Items() => _items ??= Menu.Items?.Invoke(this) ?? [];

    /// <summary>One item by name or id: the menu's direct lookup when it has one, else a scan.</summary>
    public ItemView? Find(string? name, ItemId? id) =>
        Menu.Lookup is { } lookup
            ? lookup(this, name, id)
            : Items().FirstOrDefault(i => (name is not null && i.Name == name) || (id is not null && i.Id == id));

    /// <summary>The items an item-list argument names (<c>numbers</c> by default), in the order given.</summary>
    public IReadOnlyList<ItemView> Targets(string argument = "numbers") =>
        Arguments.TryGetValue(argument, out RosValue? value)
            ? ItemResolver.Resolve(this, value)
            : throw Core.Errors.Errors.MissingArguments([argument]);
}
