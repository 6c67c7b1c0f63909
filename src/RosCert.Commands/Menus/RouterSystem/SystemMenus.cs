using System.Globalization;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using static RosCert.Commands.Catalogue.PropertyAccess;

namespace RosCert.Commands.Menus.RouterSystem;

/// <summary>
/// <c>/system identity</c> (the name in the prompt, default <c>RosCert</c>) and <c>/system clock</c>
/// (the zone every date is printed in, default the host's; reference §1.8). Both are settings kept
/// in the store, so every process on one data dir prints the same.
/// </summary>
public static class SystemMenus
{
    public static Menu Build()
    {
        var system = new Menu("/system", MenuKind.Directory, "system settings");
        return system.Add(Identity()).Add(Clock()).Add(ScriptMenus.Script()).Add(ScriptMenus.Scheduler());
    }

    private static Menu Identity()
    {
        PropertyDef[] properties = [new("name", new StringType(255), ReadWrite, "name of this system, shown in the prompt") { Default = SystemSettings.DefaultIdentity }];
        var menu = new Menu(SystemSettings.IdentityMenu, MenuKind.Settings, "system identity") { Properties = properties };
        return menu.Add(SettingsCommands.For(menu.Path, properties).Select(c => c.Name == "print" ? WithOid(c) : c));
    }

    /// <summary>The 7.24 tree lists <c>oid</c> among identity's print arguments (SNMP); it prints the same.</summary>
    private static CommandDef WithOid(CommandDef print) =>
        print with { Arguments = [.. print.Arguments, PrintCommand.Flag("oid", "print SNMP object ids")] };

    private static Menu Clock()
    {
        PropertyDef[] properties =
        [
            new("time", BareTextType.Instance, ReadWrite, "time of day, set by the host"),
            new("date", BareTextType.Instance, ReadWrite, "date, set by the host"),
            new("time-zone-autodetect", BoolType.Instance, ReadWrite, "take the zone from the host") { Default = "yes" },
            new("time-zone-name", BareTextType.Instance, ReadWrite, "IANA time zone every date is shown in"),
            new("gmt-offset", BareTextType.Instance, ReadOnly, "offset of the zone from UTC now"),
            new("dst-active", BoolType.Instance, ReadOnly, "daylight saving time is in effect"),
        ];
        var menu = new Menu(SystemSettings.ClockMenu, MenuKind.Settings, "system clock") { Properties = properties };
        menu.Add(SettingsCommands.For(menu.Path, properties, ClockValue, ValidateClock));
        return menu.Add(Manual());
    }

    /// <summary>Values computed from the clock and the zone rather than stored.</summary>
    private static string? ClockValue(Invocation invocation, string property)
    {
        DateTimeOffset local = TimeZoneInfo.ConvertTime(invocation.Now, invocation.Zone);
        return property switch
        {
            "time" => local.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            "date" => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "time-zone-name" => invocation.Zone.Id,
            "gmt-offset" => (local.Offset < TimeSpan.Zero ? "-" : "+") + local.Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
            "dst-active" => invocation.Zone.IsDaylightSavingTime(local) ? "yes" : "no",
            _ => null,
        };
    }

    private static void ValidateClock(Invocation invocation, string property, RosValue value)
    {
        switch (property)
        {
            case "time" or "date":
                throw Errors.Failure("the clock is set by the host system");
            case "time-zone-name" when !TimeZoneInfo.TryFindSystemTimeZoneById(value.Text, out _):
                throw Errors.InputDoesNotMatch("time-zone-name");
        }
    }

    /// <summary><c>/system clock manual</c>: a fixed offset zone of RouterOS; RosCert follows IANA zones only.</summary>
    private static Menu Manual()
    {
        PropertyDef[] properties =
        [
            new("time-zone", BareTextType.Instance, ReadWrite, "manual UTC offset") { Default = "+00:00" },
            new("dst-delta", BareTextType.Instance, ReadWrite, "daylight saving shift") { Default = "+00:00" },
            new("dst-start", BareTextType.Instance, ReadWrite, "daylight saving start"),
            new("dst-end", BareTextType.Instance, ReadWrite, "daylight saving end"),
        ];
        var menu = new Menu("/system/clock/manual", MenuKind.Settings, "manual time zone") { Properties = properties };
        return menu.Add(SettingsCommands.For(menu.Path, properties));
    }
}
