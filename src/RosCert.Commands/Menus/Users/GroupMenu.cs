using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using RosCert.Core.Ports;
using static RosCert.Commands.Catalogue.PropertyAccess;

namespace RosCert.Commands.Menus.Users;

/// <summary>
/// <c>/user group</c>: named policies. The built-in <c>read</c>, <c>write</c> and <c>full</c> map to
/// <see cref="Rights.Read"/>, <see cref="Rights.Write"/> and <see cref="Rights.Full"/> through
/// their policy (<see cref="UserDirectory.RightsOf(ItemRecord)"/>), so a custom group with the
/// same policy words grants the same right.
/// </summary>
public static class GroupMenu
{
    public static Menu Build()
    {
        PropertyDef[] properties =
        [
            new("name", new StringType(64), ReadWrite, "group name") { Required = true },
            new("policy", new EnumSetType("Policy", UserDirectory.Policies), ReadWrite, "what members may do"),
            new("skin", BareTextType.Instance, ReadWrite, "WebFig skin") { Default = "default" },
            new("comment", StringType.Instance, ReadWrite, "short description of the group"),
        ];
        var menu = new Menu(UserDirectory.GroupsMenu, MenuKind.List, "user groups")
        {
            Properties = properties,
            BriefColumns = ["name", "policy", "skin"],
            ItemNoun = "group",
            Items = inv => UserDirectory.View(inv.Menu, UserDirectory.Groups(inv.Reader)),
        };
        var backend = new UserBackend(menu);
        menu.Add(ListCommands.Queries(properties, sensitive: false));
        menu.Add(ListCommands.Changes(properties, backend, Rights.Full).Where(c => c.Name is "add" or "set" or "reset" or "remove"));
        menu.Add(Comment(backend));
        return menu.Add(ExportCommand.For(ExportLines));
    }

    private static CommandDef Comment(UserBackend backend) =>
        new("comment", "set the comment of items", Rights.Full, CommandKind.Change,
        [
            new("numbers", ItemListType.Many, "items") { Required = true, Position = 0 },
            new("comment", StringType.Instance, "comment") { Required = true, Position = 1 },
        ])
        {
            Handler = inv =>
            {
                foreach (ItemView target in inv.Targets())
                {
                    backend.SetProperty(inv, target, "comment", inv.Text("comment")!);
                }

                return CommandResult.None;
            },
        };

    /// <summary>Groups other than the built-in ones, as the <c>add</c> commands that recreate them.</summary>
    private static IEnumerable<string> ExportLines(Invocation invocation)
    {
        string[] adds = UserDirectory.Groups(invocation.Reader)
            .Where(g => !UserDirectory.DefaultGroupNames.Contains(g.Name))
            .Select(AddLine)
            .ToArray();
        return adds.Length == 0 ? [] : [UserDirectory.GroupsMenu, .. adds];
    }

    private static string AddLine(ItemRecord group)
    {
        string[] order = ["name", "policy", "skin", "comment"];
        IEnumerable<string> values = order
            .Where(k => group.Properties.TryGetValue(k, out string? v) && v.Length > 0 && !(k == "skin" && v == "default"))
            .Select(k => k + "=" + ExportCommand.Quote(group.Properties[k]));
        return "add " + string.Join(' ', values);
    }
}
