using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Ports;

namespace RosCert.Commands.Standard;

/// <summary>
/// The commands of a single-record settings menu (<c>/system/identity</c>, <c>/system/clock</c>,
/// <c>/certificate/settings</c>): <c>print</c>, <c>get</c>, <c>set</c>, <c>reset</c>, <c>edit</c>,
/// <c>export</c>, all derived from the declared properties and kept in the store's settings table.
/// </summary>
public static class SettingsCommands
{
    /// <summary>Checks a value before it is stored (e.g. that a time zone exists).</summary>
    public delegate void Validator(Invocation invocation, string property, RosValue value);

    public static IEnumerable<CommandDef> For(string menuPath, IReadOnlyList<PropertyDef> properties, Func<Invocation, string, string?>? computedDefault = null, Validator? validate = null)
    {
        IReadOnlyList<ArgumentDef> writable = ListCommands.WritableArguments(properties);
        yield return new CommandDef("print", "print the settings", Rights.Read, CommandKind.Query,
        [
            PrintCommand.Flag("as-value", "return the settings as an array"),
            PrintCommand.Flag("comments", "print comments"),
            new ArgumentDef("file", StringType.Instance, "print into a file"),
            new ArgumentDef("interval", new DurationType(TimeSpan.FromMilliseconds(200), TimeSpan.MaxValue), "print again every interval"),
            PrintCommand.Flag("without-paging", "print everything at once"),
        ])
        {
            Handler = inv => inv.Has("file") || inv.Has("interval")
                ? throw Errors.NotImplementedYet()
                : new RecordResult(Values(inv, menuPath, properties, computedDefault)),
        };
        yield return new CommandDef("get", "get the value of a setting", Rights.Read, CommandKind.Query,
        [
            new ArgumentDef("value-name", new EnumType([.. properties.Select(p => p.Name)]), "setting") { Position = 0 },
            PrintCommand.Flag("as-string", "return the value as a string"),
            PrintCommand.Flag("as-string-value", "return the value as a string"),
        ])
        {
            Handler = inv => new ValueResult(Get(inv, menuPath, properties, computedDefault)),
        };
        yield return new CommandDef("set", "change settings", Rights.Write, CommandKind.Change, writable)
        {
            Handler = inv => Store(inv, menuPath, validate, reset: false),
        };
        yield return new CommandDef("reset", "reset settings to their defaults", Rights.Write, CommandKind.Change, writable)
        {
            Handler = inv => Store(inv, menuPath, validate, reset: true),
        };
        yield return new CommandDef("edit", "edit a setting in the console editor", Rights.Write, CommandKind.Query,
            [new ArgumentDef("value-name", BareTextType.Instance, "setting") { Position = 0 }])
        {
            Handler = _ => throw Errors.Failure("edit is not available here, use set"),
        };
        yield return ExportCommand.For(inv => ExportLines(inv, menuPath, properties));
    }

    public static IReadOnlyList<KeyValuePair<string, RosValue>> Values(Invocation invocation, string menuPath, IReadOnlyList<PropertyDef> properties, Func<Invocation, string, string?>? computedDefault) =>
        properties.Select(p => new KeyValuePair<string, RosValue>(p.Name, RosValue.Of(Read(invocation, menuPath, p, computedDefault)))).ToArray();

    private static string Read(Invocation invocation, string menuPath, PropertyDef property, Func<Invocation, string, string?>? computedDefault) =>
        invocation.Reader.Setting(menuPath, property.Name) ?? computedDefault?.Invoke(invocation, property.Name) ?? property.Default ?? "";

    private static RosValue Get(Invocation invocation, string menuPath, IReadOnlyList<PropertyDef> properties, Func<Invocation, string, string?>? computedDefault)
    {
        IReadOnlyList<KeyValuePair<string, RosValue>> values = Values(invocation, menuPath, properties, computedDefault);
        string? name = invocation.Text("value-name");
        return name is null
            ? new RosArray(values.Select(v => new RosArrayElement(v.Key, v.Value)).ToArray())
            : values.First(v => v.Key == name).Value;
    }

    private static CommandResult Store(Invocation invocation, string menuPath, Validator? validate, bool reset)
    {
        foreach ((string name, RosValue value) in invocation.Arguments)
        {
            validate?.Invoke(invocation, name, value);
            invocation.Writer.SetSetting(menuPath, name, reset ? null : Text(value));
        }

        return CommandResult.None;
    }

    /// <summary>Booleans are kept as RouterOS prints them (<c>yes</c>/<c>no</c>).</summary>
    private static string Text(RosValue value) => value is RosBool b ? (b.Value ? "yes" : "no") : value.Text;

    private static IEnumerable<string> ExportLines(Invocation invocation, string menuPath, IReadOnlyList<PropertyDef> properties)
    {
        IStoreReader reader = invocation.Reader;
        string[] changed = properties
            .Where(p => p.Access != PropertyAccess.ReadOnly && reader.Setting(menuPath, p.Name) is { } v && v != p.Default)
            .Select(p => p.Name + "=" + ExportCommand.Quote(reader.Setting(menuPath, p.Name)!))
            .ToArray();
        return changed.Length == 0 ? [] : [menuPath, "set " + string.Join(' ', changed)];
    }
}
