using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using static RosCert.Commands.Catalogue.PropertyAccess;

namespace RosCert.Commands.Menus.Users;

/// <summary>
/// <c>/user</c> (RouterOS 7.24 tree: add, find, get, print, remove, set), <c>/user group</c> and a
/// read-only <c>/user active</c>. Users and groups are <c>full</c> work (Rights.Full): whoever
/// may change them may give themselves any right. The password is write-only: it is hashed
/// before it is stored (<see cref="PasswordHash"/>) and no print, get or export ever shows it.
/// </summary>
public static class UserMenu
{
    public static Menu Build()
    {
        Menu users = Users();
        return users.Add(GroupMenu.Build()).Add(Active()).Add(UserSettingsMenu.Build());
    }

    private static Menu Users()
    {
        PropertyDef[] properties =
        [
            new("name", new StringType(64), ReadWrite, "user name") { Required = true },
            new("group", new ItemReferenceType(UserDirectory.GroupsMenu), ReadWrite, "group whose policy the user has") { Required = true },
            new("password", StringType.Instance, ReadWrite, "password (write-only, stored as a salted hash)") { Sensitive = true },
            new("address", AddressListType.Instance, ReadWrite, "networks the user may log in from; empty: any"),
            new("comment", StringType.Instance, ReadWrite, "short description of the user"),
            new("disabled", BoolType.Instance, ReadWrite, "the user may not log in") { Default = "no" },
            new("inactivity-policy", new EnumType("none", "lockscreen", "logout"), ReadWrite, "what happens to an idle session") { Default = "none" },
            new("inactivity-timeout", new DurationType(TimeSpan.FromMinutes(1), TimeSpan.FromDays(1)), ReadWrite, "idle time before the policy applies") { Default = "10m" },
            new("last-logged-in", BareTextType.Instance, ReadOnly, "time of the last login"),
        ];
        var menu = new Menu(UserDirectory.UsersMenu, MenuKind.List, "users")
        {
            Properties = properties,
            Flags = [new('X', "DISABLED", "disabled", 0)],
            BriefColumns = ["name", "group", "address", "last-logged-in"],
            ItemNoun = "user",
            Items = inv => UserDirectory.View(inv.Menu, UserDirectory.Users(inv.Reader)),
        };
        var backend = new UserBackend(menu);
        menu.Add(ListCommands.Queries(properties, sensitive: true).Where(c => c.Name != "edit"));
        return menu.Add(ListCommands.Changes(properties, backend, Rights.Full).Where(c => c.Name is "add" or "set" or "remove"));
    }

    /// <summary>
    /// <c>/user active</c>: the sessions logged in now. RosCert does not track sessions yet, so the list
    /// is empty; <c>add</c> and <c>remove</c> exist as in the tree and find nothing to act on.
    /// </summary>
    private static Menu Active()
    {
        PropertyDef[] properties =
        [
            new("name", BareTextType.Instance, ReadOnly, "user name"),
            new("address", BareTextType.Instance, ReadOnly, "address the user came from"),
            new("via", BareTextType.Instance, ReadOnly, "service used"),
            new("when", BareTextType.Instance, ReadOnly, "time of login"),
            new("group", BareTextType.Instance, ReadOnly, "group of the user"),
        ];
        var menu = new Menu("/user/active", MenuKind.List, "users logged in now")
        {
            Properties = properties,
            BriefColumns = ["when", "name", "address", "via"],
            Items = _ => [],
        };
        menu.Add(ListCommands.Queries(properties, sensitive: false).Where(c => c.Name != "edit"));
        ArgumentDef numbers = new("numbers", ItemListType.Many, "sessions to end") { Required = true, Position = 0 };
        return menu.Add(
            new CommandDef("add", "not available: sessions start by logging in", Rights.Full, CommandKind.Change,
                [new("copy-from", ItemListType.One, "session to copy")]),
            new CommandDef("remove", "end sessions", Rights.Full, CommandKind.Change, [numbers])
            {
                Handler = inv => inv.Targets().Count == 0 ? CommandResult.None : throw Core.Errors.Errors.NoSuchItem(), // the list is empty: always no such item
            });
    }
}
