using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Core.Model;

namespace RosCert.Commands.Catalogue;

public enum MenuKind
{
    /// <summary>A menu that only holds sub-menus (<c>/system</c>, <c>/ip</c>).</summary>
    Directory,

    /// <summary>A list of items with ids (<c>/certificate</c>, <c>/file</c>).</summary>
    List,

    /// <summary>One record of settings (<c>/system/identity</c>, <c>/certificate/settings</c>).</summary>
    Settings,
}

/// <summary>Produces the items a menu shows, inside the command's transaction.</summary>
public delegate IReadOnlyList<ItemView> ItemSource(Invocation invocation);

/// <summary>Finds one item by name or id without listing the menu (large menus: thousands of certificates).</summary>
public delegate ItemView? ItemLookup(Invocation invocation, string? name, ItemId? id);

/// <summary>How many items <see cref="ItemSource"/> would produce, without producing them; null when it cannot tell.</summary>
public delegate int? ItemCounter(Invocation invocation);

/// <summary>
/// A node of the RouterOS menu tree, declared once as data: its properties, flags, default brief
/// columns, commands and sub-menus. The console, REST and the binary API all walk this tree.
/// </summary>
public sealed class Menu
{
    private readonly List<Menu> _children = [];
    private readonly List<CommandDef> _commands = [];

    public Menu(string path, MenuKind kind, string help)
    {
        Path = path;
        Kind = kind;
        Help = help;
        Name = path == "/" ? "" : path[(path.LastIndexOf('/') + 1)..];
    }

    /// <summary>Absolute path with <c>/</c> separators (<c>/certificate/crl</c>; <c>/</c> for the root).</summary>
    public string Path { get; }

    public string Name { get; }

    public MenuKind Kind { get; }

    public string Help { get; }

    public Menu? Parent { get; private set; }

    public IReadOnlyList<PropertyDef> Properties { get; init; } = [];

    public IReadOnlyList<FlagDef> Flags { get; init; } = [];

    /// <summary>Columns of <c>print</c> without <c>detail</c>, in order.</summary>
    public IReadOnlyList<string> BriefColumns { get; init; } = [];

    /// <summary>What <c>what</c> names in messages (<c>certificate with the same name already exists</c>).</summary>
    public string ItemNoun { get; init; } = "item";

    public ItemSource? Items { get; init; }

    /// <summary>Optional direct lookup; without it lookups scan <see cref="Items"/>.</summary>
    public ItemLookup? Lookup { get; init; }

    /// <summary>Optional count for <c>print count-only</c>; without it (or when it answers null) the items are listed and counted.</summary>
    public ItemCounter? Count { get; init; }

    public IReadOnlyList<Menu> Children => _children;

    public IReadOnlyList<CommandDef> Commands => _commands;

    public Menu Add(Menu child)
    {
        child.Parent = this;
        _children.Add(child);
        return this;
    }

    public Menu Add(params IEnumerable<CommandDef> commands)
    {
        _commands.AddRange(commands);
        return this;
    }

    public Menu? Child(string name) => _children.FirstOrDefault(c => c.Name == name);

    public CommandDef? Command(string name) => _commands.FirstOrDefault(c => c.Name == name);

    public PropertyDef? Property(string name) => Properties.FirstOrDefault(p => p.Name == name);

    /// <summary>Finds a menu below this one by relative path segments.</summary>
    public Menu? Descend(IEnumerable<string> segments)
    {
        Menu? current = this;
        foreach (string segment in segments)
        {
            current = segment == ".." ? current.Parent ?? current : current.Child(segment);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    public override string ToString() => Path;
}
