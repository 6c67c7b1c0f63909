using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using static RosCert.Commands.Catalogue.PropertyAccess;

namespace RosCert.Commands.Menus.RouterSystem;

/// <summary>
/// <c>/system script</c> and <c>/system scheduler</c> (issue 5, reference §7 item 19): where users
/// keep their renewal scripts. Scripts run in the session's language with the rights of the user
/// who runs them; the daemon's scheduler runs <c>on-event</c> with the rights of the entry's owner.
/// </summary>
public static class ScriptMenus
{
    public const string ScriptPath = "/system/script";
    public const string SchedulerPath = "/system/scheduler";

    public static Menu Script()
    {
        PropertyDef[] properties =
        [
            new("name", StringType.Instance, ReadWrite, "script name") { Required = true },
            new("owner", BareTextType.Instance, ReadWrite, "user whose rights the script has (default: who added it)"),
            new("policy", BareTextType.Instance, ReadWrite, "RouterOS policies (kept; rights come from the owner's group)") { Default = "ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon" },
            new("dont-require-permissions", BoolType.Instance, ReadWrite, "kept for compatibility") { Default = "no" },
            new("source", new StringType(1 << 20), ReadWrite, "the script"),
            new("comment", StringType.Instance, ReadWrite, "comment"),
            new("last-started", BareTextType.Instance, ReadOnly, "when it last ran"),
            new("run-count", BareTextType.Instance, ReadOnly, "how often it ran") { RightAligned = true },
        ];
        var menu = new Menu(ScriptPath, MenuKind.List, "scripts")
        {
            Properties = properties,
            BriefColumns = ["name", "owner", "last-started", "run-count"],
            ItemNoun = "script",
            Items = RecordBackend.View,
        };
        var backend = new OwnedRecordBackend(menu);
        menu.Add(ListCommands.Queries(properties, sensitive: false));
        menu.Add(ListCommands.Changes(properties, backend));
        menu.Add(CommentCommand(backend), ExportCommand.For(_ => []));
        menu.Add(RuntimeList("environment", "global variables of running consoles (each process keeps its own; none are shared)", "value"));
        menu.Add(RuntimeList("job", "running scripts (none are listed: scripts run inside the command that started them)", "started", "type"));
        menu.Add(new CommandDef("run", "run a script", Rights.Write, CommandKind.Unbound,
            [new("number", ItemListType.One, "script") { Required = true, Position = 0 }, PrintCommand.Flag("use-script-permissions", "run with the owner's rights")])
        {
            Handler = Run,
        });
        return menu;
    }

    public static Menu Scheduler()
    {
        PropertyDef[] properties =
        [
            new("name", StringType.Instance, ReadWrite, "entry name") { Required = true },
            new("start-date", BareTextType.Instance, ReadWrite, "first day (YYYY-MM-DD, default today)"),
            new("start-time", BareTextType.Instance, ReadWrite, "first time (HH:MM:SS or startup)") { Default = "startup" },
            new("interval", new DurationType(TimeSpan.Zero, TimeSpan.FromDays(3650)), ReadWrite, "run again after this long (0s: once)") { Default = "0s" },
            new("on-event", new StringType(1 << 20), ReadWrite, "a script name, or script source"),
            new("owner", BareTextType.Instance, ReadOnly, "user whose rights the entry runs with"),
            new("policy", BareTextType.Instance, ReadWrite, "RouterOS policies (kept; rights come from the owner's group)") { Default = "ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon" },
            new("days", BareTextType.Instance, ReadWrite, "week days (kept)"),
            new("comment", StringType.Instance, ReadWrite, "comment"),
            new("disabled", BoolType.Instance, ReadWrite, "do not run") { Default = "no" },
            new("run-count", BareTextType.Instance, ReadOnly, "how often it ran") { RightAligned = true },
            new("next-run", BareTextType.Instance, ReadOnly, "when it runs next"),
        ];
        var menu = new Menu(SchedulerPath, MenuKind.List, "scheduled scripts")
        {
            Properties = properties,
            Flags = [new('X', "DISABLED", "disabled", 0)],
            BriefColumns = ["name", "start-date", "start-time", "interval", "on-event", "run-count"],
            ItemNoun = "scheduler entry",
            Items = RecordBackend.View,
        };
        var backend = new OwnedRecordBackend(menu);
        menu.Add(ListCommands.Queries(properties, sensitive: false));
        menu.Add(ListCommands.Changes(properties, backend));
        menu.Add(ListCommands.EnableDisable(backend.Records));
        menu.Add(CommentCommand(backend), ExportCommand.For(_ => []));
        return menu;
    }

    /// <summary>
    /// <c>environment</c> and <c>job</c>: RouterOS lists of in-memory state. RosCert keeps none across
    /// processes, so they are empty lists whose commands are known to the console.
    /// </summary>
    private static Menu RuntimeList(string name, string help, params string[] writable)
    {
        PropertyDef[] properties =
        [
            new("name", BareTextType.Instance, ReadOnly, "name"),
            new("comment", StringType.Instance, ReadWrite, "comment"),
            .. writable.Select(w => new PropertyDef(w, BareTextType.Instance, ReadWrite, w)),
        ];
        var menu = new Menu(ScriptPath + "/" + name, MenuKind.List, help) { Properties = properties, BriefColumns = ["name"], Items = _ => [] };
        var backend = new OwnedRecordBackend(menu);
        menu.Add(ListCommands.Queries(properties, sensitive: false));
        menu.Add(ListCommands.Changes(properties, backend).Where(c => c.Name is "set" or "reset" or "remove"));
        return menu.Add(CommentCommand(backend));
    }

    /// <summary>Source of an <c>on-event</c>: a script's source when it names one, else itself.</summary>
    public static string EventSource(IStoreReader reader, string onEvent) =>
        reader.Items(ScriptPath).FirstOrDefault(s => s.Name == onEvent)?.Properties.GetValueOrDefault("source") ?? onEvent;

    private static CommandDef CommentCommand(OwnedRecordBackend backend) =>
        new("comment", "set the comment of items", Rights.Write, CommandKind.Change,
            [new("numbers", ItemListType.Many, "items") { Required = true, Position = 0 }, new("comment", StringType.Instance, "comment") { Position = 1 }])
        {
            Handler = inv =>
            {
                foreach (ItemView target in inv.Targets())
                {
                    backend.Records.SetProperty(inv, target, "comment", inv.Text("comment") ?? "");
                }

                return CommandResult.None;
            },
        };

    private static CommandResult Run(Invocation invocation)
    {
        ItemView script = invocation.Targets("number").Single();
        IScriptHost host = invocation.Session.ScriptHost
            ?? invocation.Environment.ScriptHostFactory?.Invoke(invocation.Session)
            ?? throw Errors.NotSupported();
        string source = invocation.Environment.Store.Write(writer => Started(invocation, writer, script.Id!.Value));
        host.RunScript(source);
        return CommandResult.None;
    }

    /// <summary>Counts the run and stamps its start, in its own transaction; returns the source.</summary>
    public static string Started(Invocation invocation, IStoreWriter writer, ItemId id)
    {
        ItemRecord record = writer.Items(ScriptPath).FirstOrDefault(r => r.Id == id) ?? throw Errors.NoSuchItem();
        int count = int.TryParse(record.Properties.GetValueOrDefault("run-count"), out int n) ? n : 0;
        var properties = new Dictionary<string, string>(record.Properties, StringComparer.Ordinal)
        {
            ["run-count"] = (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["last-started"] = SystemSettings.FormatDate(invocation.Now, invocation.Zone),
        };
        writer.PutItem(record with { Properties = properties });
        return record.Properties.GetValueOrDefault("source", "");
    }
}

/// <summary>A record menu whose new items remember who added them (<c>owner</c>).</summary>
internal sealed class OwnedRecordBackend(Menu menu) : IListBackend
{
    public RecordBackend Records { get; } = new(menu);

    public ItemId Add(Invocation invocation)
    {
        ItemId id = Records.Add(invocation);
        if (invocation.Text("owner") is null)
        {
            ItemView added = invocation.Find(null, id) ?? RecordBackend.View(invocation).First(i => i.Id == id);
            Records.SetProperty(invocation, added, "owner", invocation.Session.User);
        }

        return id;
    }

    public void Set(Invocation invocation, ItemView target) => Records.Set(invocation, target);

    public void Unset(Invocation invocation, ItemView target, IReadOnlyList<string> properties) => Records.Unset(invocation, target, properties);

    public void Reset(Invocation invocation, ItemView target) => Records.Reset(invocation, target);

    public void Remove(Invocation invocation, IReadOnlyList<ItemView> targets) => Records.Remove(invocation, targets);
}
