using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Errors;

namespace RosCert.Commands.Standard;

/// <summary>
/// The generic <c>print</c> of a list menu (reference §2.4): every argument of the 7.24 tree is
/// recognised; the modes, <c>where</c>, <c>proplist</c>, <c>order-by</c>, <c>from</c> and <c>show-ids</c>
/// are carried out; continuous modes answer <c>not implemented yet</c>.
/// </summary>
public static class PrintCommand
{
    private static readonly string[] s_continuous = ["follow", "follow-only", "interval", "file", "append", "group-by", "on-event"];

    public static CommandDef For(bool sensitiveMenu, params IEnumerable<ArgumentDef> extras) =>
        new("print", "print values of item properties", Rights.Read, CommandKind.Query, [.. Arguments(sensitiveMenu), .. extras])
        {
            Handler = Print,
        };

    public static IReadOnlyList<ArgumentDef> Arguments(bool sensitiveMenu)
    {
        var arguments = new List<ArgumentDef>
        {
            Flag("append", "append output to the file"),
            Flag("as-value", "return the items as an array of values"),
            Flag("brief", "print one line per item (the default)"),
            Flag("comments", "print comments"),
            Flag("count-only", "print the number of items only"),
            Flag("detail", "print every property of each item"),
            new("file", StringType.Instance, "print into a file"),
            Flag("follow", "print items as they change"),
            Flag("follow-only", "print only changes"),
            new("from", ItemListType.Many, "print only these items"),
            new("group-by", BareTextType.Instance, "group items by a property"),
            new("interval", new DurationType(TimeSpan.FromMilliseconds(200), TimeSpan.MaxValue), "print again every interval"),
            new("on-event", ScriptType.Instance, "script run on each change"),
            new("order-by", BareTextType.Instance, "sort by properties (prefix - for descending)"),
            new("proplist", BareTextType.Instance, "print only these properties"),
            Flag("show-ids", "print internal ids instead of numbers"),
            Flag("terse", "print each item on one line, for machines"),
            Flag("timestamp", "print a time stamp"),
            Flag("value-list", "print properties one per line"),
            new("where", ConditionType.Instance, "print only items that match"),
            Flag("without-paging", "print everything at once"),
        };
        if (sensitiveMenu)
        {
            arguments.Add(Flag("show-sensitive", "print secrets too (full rights)"));
        }

        return arguments;
    }

    internal static ArgumentDef Flag(string name, string help) => new(name, FlagArgumentType.Instance, help);

    private static CommandResult Print(Invocation invocation)
    {
        string? continuous = s_continuous.FirstOrDefault(invocation.Has);
        if (continuous is not null)
        {
            throw Errors.NotImplementedYet();
        }

        PrintOptions options = Options(invocation);
        IReadOnlyList<ItemView> items = options.Mode == PrintMode.CountOnly && Count(invocation) is { } count
            ? new CountedItems(count)
            : Select(invocation);
        if (options.ShowSensitive && invocation.Session.Rights < Rights.Full)
        {
            throw Errors.NotPermitted();
        }

        if (options.Mode is not (PrintMode.AsValue or PrintMode.CountOnly))
        {
            invocation.Session.RememberPrintNumbers(invocation.Menu, items.Where(i => i.Id is not null).Select(i => i.Id!.Value));
        }

        return new ListResult(invocation.Menu, items, options);
    }

    /// <summary>
    /// <c>count-only</c> of the whole menu asks the menu's counter (one COUNT query for thousands of
    /// certificates) instead of building every item; <c>from</c> and <c>where</c> need the items.
    /// </summary>
    private static int? Count(Invocation invocation) =>
        invocation.Menu.Count is { } count && !invocation.Has("from") && !invocation.Has("where") ? count(invocation) : null;

    /// <summary>The items <c>from</c>, <c>where</c> and <c>order-by</c> select, in print order.</summary>
    public static IReadOnlyList<ItemView> Select(Invocation invocation)
    {
        IEnumerable<ItemView> items = invocation.Has("from") ? invocation.Targets("from") : invocation.Items();
        if (invocation.Argument("where") is RosCondition where)
        {
            var evaluator = new ConditionEvaluator(invocation.Menu);
            items = items.Where(i => evaluator.Matches(i, where.Condition));
        }

        string? orderBy = invocation.Text("order-by");
        return orderBy is null ? items.ToList() : Order(invocation.Menu, items, orderBy);
    }

    private static List<ItemView> Order(Menu menu, IEnumerable<ItemView> items, string orderBy)
    {
        var evaluator = new ConditionEvaluator(menu);
        IOrderedEnumerable<ItemView>? ordered = null;
        foreach (string key in orderBy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3))
        {
            bool descending = key.StartsWith('-');
            string property = key.TrimStart('-');
            Func<ItemView, string> selector = i => evaluator.Lookup(i, property).Text;
            ordered = (ordered, descending) switch
            {
                (null, false) => items.OrderBy(selector, StringComparer.Ordinal),
                (null, true) => items.OrderByDescending(selector, StringComparer.Ordinal),
                (_, false) => ordered.ThenBy(selector, StringComparer.Ordinal),
                _ => ordered.ThenByDescending(selector, StringComparer.Ordinal),
            };
        }

        return (ordered ?? items).ToList();
    }

    private static PrintOptions Options(Invocation invocation)
    {
        PrintMode mode = invocation switch
        {
            _ when invocation.Flag("count-only") => PrintMode.CountOnly,
            _ when invocation.Flag("as-value") => PrintMode.AsValue,
            _ when invocation.Flag("detail") => PrintMode.Detail,
            _ when invocation.Flag("terse") => PrintMode.Terse,
            _ when invocation.Flag("value-list") => PrintMode.ValueList,
            _ => PrintMode.Brief,
        };
        string? proplist = invocation.Text("proplist");
        return new PrintOptions(mode)
        {
            Proplist = proplist?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            ShowIds = invocation.Flag("show-ids"),
            ShowSensitive = invocation.Flag("show-sensitive"),
            WithoutPaging = invocation.Flag("without-paging"),
        };
    }
}

/// <summary>The <c>where</c> argument: a condition built by the face.</summary>
public sealed class ConditionType : Values.ValueType
{
    public static readonly ConditionType Instance = new();

    public override string Description => "expression";

    public override RosValue Read(string argument, RosValue input) =>
        input is RosCondition ? input : throw Errors.InvalidValue(argument, "expected expression");
}
