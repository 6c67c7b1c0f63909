using RosCert.Commands.Catalogue;
using RosCert.Commands.Items;
using RosCert.Commands.Values;

namespace RosCert.Commands.Execution;

/// <summary>What a command hands back to the face that ran it; each face renders it its own way.</summary>
public abstract record CommandResult
{
    public static readonly CommandResult None = new NoResult();

    /// <summary>The value the command returns to a script (<c>:local id [add …]</c>, <c>[get x name]</c>).</summary>
    public virtual RosValue Value => RosValue.Nothing;
}

public sealed record NoResult : CommandResult;

/// <summary>A returned value: an id from <c>add</c>, a property from <c>get</c>, ids from <c>find</c>.</summary>
public sealed record ValueResult(RosValue Returned) : CommandResult
{
    public override RosValue Value => Returned;
}

/// <summary>Items to print (<c>print</c> of a list menu) with the options that shape the output.</summary>
public sealed record ListResult(Menu Menu, IReadOnlyList<ItemView> Items, PrintOptions Options) : CommandResult
{
    public override RosValue Value => Options.Mode == PrintMode.CountOnly
        ? RosValue.Of(Items.Count)
        : RosArray.FromList(Items.Select(ToArray));

    /// <summary>An item as the array <c>print as-value</c> returns: <c>.id</c>, properties, flag booleans.</summary>
    public RosArray ToArray(ItemView item)
    {
        var elements = new List<RosArrayElement>();
        if (item.Id is { } id)
        {
            elements.Add(new(".id", RosValue.Of(id)));
        }

        elements.AddRange(item.Values.Select(v => new RosArrayElement(v.Key, v.Value)));
        elements.AddRange(Menu.Flags
            .Where(f => item[f.Property] is null)
            .Select(f => new RosArrayElement(f.Property, RosValue.Of(item.HasFlag(f.Letter)))));
        return new RosArray(elements);
    }
}

/// <summary>
/// Named values printed as a right-aligned key/value block: a settings menu's <c>print</c>, the import
/// counters, a monitor command's final state (<c>progress: done</c>).
/// </summary>
public sealed record RecordResult(IReadOnlyList<KeyValuePair<string, RosValue>> Fields) : CommandResult
{
    /// <summary>The console ends the block with an empty line (the import counters do, reference §4.10).</summary>
    public bool BlankLineAfter { get; init; }

    public override RosValue Value => new RosArray(Fields.Select(f => new RosArrayElement(f.Key, f.Value)).ToArray());
}

public enum PrintMode
{
    Brief,
    Detail,
    Terse,
    ValueList,
    AsValue,
    CountOnly,
}

public sealed record PrintOptions(PrintMode Mode)
{
    public IReadOnlyList<string>? Proplist { get; init; }

    public bool ShowIds { get; init; }

    public bool ShowSensitive { get; init; }

    public bool WithoutPaging { get; init; }
}

/// <summary>Plain lines of text (configuration <c>export</c>).</summary>
public sealed record TextResult(IReadOnlyList<string> Lines) : CommandResult
{
    public override RosValue Value => RosValue.Of(string.Join('\n', Lines));
}
