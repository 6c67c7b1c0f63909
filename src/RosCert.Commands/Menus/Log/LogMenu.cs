using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using static RosCert.Commands.Catalogue.PropertyAccess;

namespace RosCert.Commands.Menus.Log;

/// <summary>
/// <c>/log</c> (RouterOS 7.24 tree: <c>print</c>, <c>find</c>, <c>get</c> and the script levels
/// <c>info</c>, <c>warning</c>, <c>error</c>, <c>debug</c>; no <c>add</c>, <c>set</c> or <c>remove</c>):
/// the audit trail and script messages (decision 0051). Entries are appended by the command runner
/// and by the level commands only; no face can change or remove one.
/// </summary>
public static class LogMenu
{
    public const string Path = "/log";

    public static Menu Build()
    {
        PropertyDef[] properties =
        [
            new("time", BareTextType.Instance, ReadOnly, "when it happened, in the /system clock zone"),
            new("topics", BareTextType.Instance, ReadOnly, "comma list: audit or script, then the level"),
            new("message", BareTextType.Instance, ReadOnly, "what happened; for audit: what, by whom, via which face, from where"),
        ];
        var menu = new Menu(Path, MenuKind.List, "log")
        {
            Properties = properties,
            BriefColumns = ["time", "topics", "message"],
            ItemNoun = "log entry",
            Items = RecordBackend.View,
        };
        menu.Add(ListCommands.Queries(properties, sensitive: false));
        foreach (string level in new[] { "info", "warning", "error", "debug" })
        {
            menu.Add(new CommandDef(level, $"add a {level} message (topics script,{level})", Rights.Write, CommandKind.Change,
                [new("message", StringType.Instance, "the message") { Required = true, Position = 0 }])
            {
                Handler = invocation =>
                {
                    AuditLog.Append(invocation.Writer, invocation.Now, invocation.Environment.HostZone, "script," + level, invocation.Text("message")!);
                    return CommandResult.None;
                },
            });
        }

        return menu;
    }
}
