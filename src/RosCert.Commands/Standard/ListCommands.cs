using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Errors;

namespace RosCert.Commands.Standard;

/// <summary>
/// Builds the generic commands of a list menu from its property declarations, so each property
/// is declared once and every command, face and help text follows from it.
/// </summary>
public static class ListCommands
{
    public static IEnumerable<CommandDef> Queries(IReadOnlyList<PropertyDef> properties, bool sensitive, params IEnumerable<ArgumentDef> printExtras)
    {
        yield return PrintCommand.For(sensitive, printExtras);
        yield return Get(properties);
        yield return Find(properties);
        yield return Edit();
    }

    public static IEnumerable<CommandDef> Changes(IReadOnlyList<PropertyDef> properties, IListBackend backend, Rights rights = Rights.Write, bool withUnset = true)
    {
        IReadOnlyList<ArgumentDef> writable = WritableArguments(properties);
        ArgumentDef numbers = new("numbers", ItemListType.Many, "items to change") { Required = true, Position = 0 };
        ArgumentDef copyFrom = new("copy-from", ItemListType.One, "item to copy the settings from");

        yield return new CommandDef("add", "create a new item", rights, CommandKind.Change, [.. writable, copyFrom])
        {
            Handler = inv => new ValueResult(RosValue.Of(backend.Add(inv))),
        };
        yield return new CommandDef("set", "change item properties (!name unsets one)", rights, CommandKind.Change, [numbers, .. writable])
        {
            AcceptsUnset = true,
            Handler = inv => ForEach(inv, target => SetAndUnset(inv, target, backend)),
        };
        yield return new CommandDef("reset", "reset item properties to their defaults", rights, CommandKind.Change, [numbers, .. writable])
        {
            Handler = inv => ForEach(inv, target => backend.Reset(inv, target)),
        };
        if (withUnset)
        {
            yield return Unset(writable, backend, rights, numbers);
        }

        yield return new CommandDef("remove", "remove items", rights, CommandKind.Change, [numbers])
        {
            Handler = inv =>
            {
                backend.Remove(inv, inv.Targets());
                return CommandResult.None;
            },
        };
    }

    /// <summary><c>enable</c> and <c>disable</c> of menus whose items have a <c>disabled</c> property.</summary>
    public static IEnumerable<CommandDef> EnableDisable(RecordBackend backend)
    {
        ArgumentDef numbers = new("numbers", ItemListType.Many, "items") { Required = true, Position = 0 };
        yield return new CommandDef("enable", "enable items", Rights.Write, CommandKind.Change, [numbers])
        {
            Handler = inv => ForEach(inv, target => backend.SetProperty(inv, target, "disabled", "no")),
        };
        yield return new CommandDef("disable", "disable items", Rights.Write, CommandKind.Change, [numbers])
        {
            Handler = inv => ForEach(inv, target => backend.SetProperty(inv, target, "disabled", "yes")),
        };
    }

    private static CommandDef Unset(IReadOnlyList<ArgumentDef> writable, IListBackend backend, Rights rights, ArgumentDef numbers) =>
        new("unset", "unset item properties", rights, CommandKind.Change,
        [
            numbers,
            new ArgumentDef("value-name", new EnumSetType("ValueName", writable.Select(a => a.Name).ToArray()), "properties to unset") { Required = true, Position = 1 },
        ])
        {
            Handler = inv => ForEach(inv, target => backend.Unset(inv, target, inv.Text("value-name")!.Split(','))),
        };

    /// <summary>Arguments for every writable property, with the property's type and help.</summary>
    public static IReadOnlyList<ArgumentDef> WritableArguments(IReadOnlyList<PropertyDef> properties) =>
        properties.Where(p => p.Access != PropertyAccess.ReadOnly)
            .Select(p => new ArgumentDef(p.Name, p.Type, p.Help) { Sensitive = p.Sensitive })
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToArray();

    /// <summary><c>set x a=1 !b</c>: the assignments, then the unsets, in the command's one transaction.</summary>
    private static void SetAndUnset(Invocation invocation, ItemView target, IListBackend backend)
    {
        backend.Set(invocation, target);
        string[] cleared = invocation.Arguments.Where(a => a.Value is RosUnset).Select(a => a.Key).ToArray();
        if (cleared.Length > 0)
        {
            backend.Unset(invocation, target, cleared);
        }
    }

    private static CommandResult ForEach(Invocation invocation, Action<ItemView> change)
    {
        foreach (ItemView target in invocation.Targets())
        {
            change(target);
        }

        return CommandResult.None;
    }

    private static CommandDef Get(IReadOnlyList<PropertyDef> properties) =>
        new("get", "get the value of an item property", Rights.Read, CommandKind.Query,
        [
            new ArgumentDef("number", ItemListType.One, "item") { Required = true, Position = 0 },
            new ArgumentDef("value-name", BareTextType.Instance, "property") { Position = 1 },
            PrintCommand.Flag("as-string", "return the value as a string"),
            PrintCommand.Flag("as-string-value", "return the value as a string"),
        ])
        {
            Handler = inv => new ValueResult(GetValue(inv, inv.Targets("number")[0], properties)),
        };

    private static RosValue GetValue(Invocation invocation, ItemView item, IReadOnlyList<PropertyDef> properties)
    {
        string? name = invocation.Text("value-name");
        if (name is null)
        {
            return new ListResult(invocation.Menu, [item], new PrintOptions(PrintMode.AsValue)).ToArray(item);
        }

        bool known = name == ".id" || properties.Any(p => p.Name == name) || invocation.Menu.Flags.Any(f => f.Property == name);
        if (!known)
        {
            throw Errors.InputDoesNotMatch("value-name");
        }

        RosValue value = name == ".id" && item.Id is { } id ? RosValue.Of(id) : new ConditionEvaluator(invocation.Menu).Lookup(item, name);
        return invocation.Flag("as-string") || invocation.Flag("as-string-value") ? RosValue.Of(value.Text) : value;
    }

    private static CommandDef Find(IReadOnlyList<PropertyDef> properties) =>
        new("find", "find items by value", Rights.Read, CommandKind.Query,
        [
            new ArgumentDef("where", ConditionType.Instance, "find only items that match"),
            .. properties.Select(p => new ArgumentDef(p.Name, BareTextType.Instance, p.Help)),
        ])
        {
            Handler = FindItems,
        };

    /// <summary><c>find</c> returns the ids of matching items; <c>prop=value</c> arguments must all match.</summary>
    private static CommandResult FindItems(Invocation invocation)
    {
        IEnumerable<ItemView> items = PrintCommand.Select(invocation);
        var evaluator = new ConditionEvaluator(invocation.Menu);
        foreach ((string name, RosValue value) in invocation.Arguments.Where(a => a.Key != "where"))
        {
            var equal = new CompareCondition(name, CompareOperator.Equal, value);
            items = items.Where(i => evaluator.Matches(i, equal));
        }

        return new ValueResult(RosArray.FromList(items.Where(i => i.Id is not null).Select(i => RosValue.Of(i.Id!.Value))));
    }

    private static CommandDef Edit() =>
        new("edit", "edit a property in the console editor", Rights.Write, CommandKind.Query,
        [
            new ArgumentDef("number", ItemListType.One, "item") { Position = 0 },
            new ArgumentDef("value-name", BareTextType.Instance, "property") { Position = 1 },
        ])
        {
            Handler = _ => throw Errors.Failure("edit is not available here, use set"),
        };
}
