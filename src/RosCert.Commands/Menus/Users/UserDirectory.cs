using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Commands.Menus.Users;

/// <summary>
/// The users and groups as every face sees them. RouterOS ships the groups <c>read</c>, <c>write</c>
/// and <c>full</c> and the user <c>admin</c> (group full, empty password). RosCert shows these
/// built-in defaults while the store holds none, and writes them to the store (same ids,
/// <c>*1</c>…) the first time a command changes the menu, marking the menu as seeded in the
/// settings table so that removing every stored item never brings the defaults back.
/// </summary>
public static class UserDirectory
{
    public const string UsersMenu = "/user";
    public const string GroupsMenu = "/user/group";
    public const string DefaultUser = "admin";

    /// <summary>The RouterOS 7 group policies.</summary>
    public static readonly IReadOnlyList<string> Policies =
        ["local", "telnet", "ssh", "ftp", "reboot", "read", "write", "policy", "test", "winbox", "password", "web", "sniff", "sensitive", "api", "romon", "rest-api"];

    private const string SeededProperty = "defaults-stored";

    private static readonly string s_readPolicy = "local,telnet,ssh,reboot,read,test,winbox,password,web,sniff,sensitive,api,romon,rest-api";
    private static readonly string s_writePolicy = "local,telnet,ssh,reboot,read,write,test,winbox,password,web,sniff,sensitive,api,romon,rest-api";

    /// <summary>The built-in groups, in RouterOS order.</summary>
    public static IReadOnlyList<string> DefaultGroupNames { get; } = ["read", "write", "full"];

    public static IReadOnlyList<ItemRecord> Users(IStoreReader reader) =>
        IsSeeded(reader, UsersMenu) ? reader.Items(UsersMenu) : DefaultUsers();

    public static IReadOnlyList<ItemRecord> Groups(IStoreReader reader) =>
        IsSeeded(reader, GroupsMenu) ? reader.Items(GroupsMenu) : DefaultGroups();

    /// <summary>Writes the built-in items of <paramref name="menu"/> unless that was done before.</summary>
    public static void EnsureSeeded(IStoreWriter writer, string menu)
    {
        if (IsSeeded(writer, menu))
        {
            return;
        }

        foreach (ItemRecord item in menu == UsersMenu ? DefaultUsers() : DefaultGroups())
        {
            ItemId id = writer.AllocateId(menu);
            writer.PutItem(item with { Id = id });
        }

        writer.SetSetting(menu, SeededProperty, "yes");
    }

    /// <summary>
    /// The right a group grants, from its policy: <c>policy</c> (change users and policies) is
    /// <see cref="Rights.Full"/>, <c>write</c> is <see cref="Rights.Write"/>, <c>read</c> is
    /// <see cref="Rights.Read"/>; a group with none of them may not log in (null).
    /// </summary>
    public static Rights? RightsOf(ItemRecord group)
    {
        string[] policy = group.Properties.GetValueOrDefault("policy", "").Split(',', StringSplitOptions.TrimEntries);
        return policy switch
        {
            _ when policy.Contains("policy") => Rights.Full,
            _ when policy.Contains("write") => Rights.Write,
            _ when policy.Contains("read") => Rights.Read,
            _ => null,
        };
    }

    /// <summary>The right of a user through its group; null when the group is missing or grants nothing.</summary>
    public static Rights? RightsOf(IStoreReader reader, ItemRecord user)
    {
        string? groupName = user.Properties.GetValueOrDefault("group");
        ItemRecord? group = Groups(reader).FirstOrDefault(g => g.Name == groupName);
        return group is null ? null : RightsOf(group);
    }

    /// <summary>Items as the menu shows them: declared properties only, so the stored password hash never appears.</summary>
    public static IReadOnlyList<ItemView> View(Menu menu, IEnumerable<ItemRecord> records) =>
        records.Select(r => ToView(menu, r)).ToArray();

    private static ItemView ToView(Menu menu, ItemRecord record)
    {
        var builder = new ItemViewBuilder();
        foreach (PropertyDef property in menu.Properties.Where(p => !p.Sensitive))
        {
            if (record.Properties.TryGetValue(property.Name, out string? text))
            {
                builder.Add(property.Name, property.Type is BoolType ? RosValue.Of(text == "yes") : RosValue.Of(text));
            }
        }

        foreach (FlagDef flag in menu.Flags)
        {
            builder.Flag(flag.Letter, record.Properties.GetValueOrDefault(flag.Property) == "yes");
        }

        return builder.Build(record.Id);
    }

    private static bool IsSeeded(IStoreReader reader, string menu) => reader.Setting(menu, SeededProperty) is not null;

    private static ItemRecord[] DefaultUsers() =>
    [
        Record(UsersMenu, 1, DefaultUser, ("group", "full"), ("password", ""), ("disabled", "no"),
            ("inactivity-policy", "none"), ("inactivity-timeout", "10m"), ("comment", "system default user")),
    ];

    private static ItemRecord[] DefaultGroups() =>
    [
        Record(GroupsMenu, 1, "read", ("policy", s_readPolicy), ("skin", "default")),
        Record(GroupsMenu, 2, "write", ("policy", s_writePolicy), ("skin", "default")),
        Record(GroupsMenu, 3, "full", ("policy", string.Join(',', Policies)), ("skin", "default")),
    ];

    private static ItemRecord Record(string menu, uint id, string name, params (string Key, string Value)[] properties)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = name };
        foreach ((string key, string value) in properties)
        {
            values[key] = value;
        }

        return new ItemRecord(menu, new ItemId(id), name, values);
    }

    /// <summary>Seeds the menu of an invocation inside its write transaction.</summary>
    internal static void EnsureSeeded(Invocation invocation) => EnsureSeeded(invocation.Writer, invocation.Menu.Path);
}
