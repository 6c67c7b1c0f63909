using RosCert.Commands.Catalogue;
using RosCert.Commands.Values;

namespace RosCert.Console.Repl;

/// <summary>One thing that may be typed at the cursor, with its one-line help (for Tab and <c>?</c>).</summary>
public sealed record CompletionItem(string Text, string Help);

/// <summary>
/// What may be typed at the cursor of a half-typed line: menus and commands while the leading
/// words walk the tree, then the command's arguments (<c>name=</c>), enum values after
/// <c>arg=</c> and item names for item arguments. Works on the raw text, so it never fails.
/// </summary>
public static class Completion
{
    public static IReadOnlyList<CompletionItem> At(Catalogue catalogue, Menu current, string line, Func<Menu, IEnumerable<string>> itemNames)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool atNewWord = line.Length == 0 || line[^1] == ' ';
        string partial = atNewWord ? "" : words[^1];
        string[] complete = atNewWord ? words : words[..^1];

        Menu menu = current;
        CommandDef? command = null;
        foreach (string word in complete)
        {
            if (command is not null)
            {
                break;
            }

            (menu, command) = Walk(catalogue, menu, word);
        }

        IEnumerable<CompletionItem> candidates = command is null
            ? MenuItems(catalogue, menu, ref partial)
            : ArgumentItems(command, menu, partial, itemNames, out partial);
        string prefix = partial;
        return candidates.Where(c => c.Text.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
    }

    /// <summary>The longest text every candidate starts with (what Tab inserts when several match).</summary>
    public static string CommonPrefix(IReadOnlyList<CompletionItem> items)
    {
        if (items.Count == 0)
        {
            return "";
        }

        string prefix = items[0].Text;
        foreach (CompletionItem item in items)
        {
            int length = 0;
            while (length < prefix.Length && length < item.Text.Length && prefix[length] == item.Text[length])
            {
                length++;
            }

            prefix = prefix[..length];
        }

        return prefix;
    }

    private static (Menu, CommandDef?) Walk(Catalogue catalogue, Menu menu, string word)
    {
        Menu at = word.StartsWith('/') ? catalogue.Root : menu;
        foreach (string segment in word.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                at = at.Parent ?? at;
            }
            else if (at.Child(segment) is { } child)
            {
                at = child;
            }
            else if (at.Command(segment) is { } command)
            {
                return (at, command);
            }
        }

        return (at, null);
    }

    private static IEnumerable<CompletionItem> MenuItems(Catalogue catalogue, Menu menu, ref string partial)
    {
        int slash = partial.LastIndexOf('/');
        if (slash >= 0)
        {
            (menu, _) = Walk(catalogue, menu, partial[..(slash + 1)]);
            partial = partial[(slash + 1)..];
        }

        return menu.Children.Select(c => new CompletionItem(c.Name, c.Help))
            .Concat(menu.Commands.Select(c => new CompletionItem(c.Name, c.Help)))
            .OrderBy(c => c.Text, StringComparer.Ordinal);
    }

    private static IEnumerable<CompletionItem> ArgumentItems(CommandDef command, Menu menu, string partial, Func<Menu, IEnumerable<string>> itemNames, out string prefix)
    {
        int equals = partial.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            prefix = partial;
            IEnumerable<CompletionItem> arguments = command.Arguments.Select(a => a.Type is FlagArgumentType
                ? new CompletionItem(a.Name, a.Help)
                : new CompletionItem(a.Name + "=", $"{a.Help} ({a.Type.Description})"));
            IEnumerable<CompletionItem> items = command.PositionalArguments.Any(a => a.Type is ItemListType)
                ? itemNames(menu).Select(n => new CompletionItem(n, "item"))
                : [];
            return arguments.Concat(items).OrderBy(c => c.Text, StringComparer.Ordinal);
        }

        ArgumentDef? argument = command.Argument(partial[..equals]);
        string value = partial[(equals + 1)..];
        int comma = value.LastIndexOf(',');
        prefix = comma >= 0 ? value[(comma + 1)..] : value;
        return argument?.Type switch
        {
            null => [],
            ItemReferenceType reference => itemNames(menu).Concat(reference.Specials).Select(n => new CompletionItem(n, "item")),
            ItemListType => itemNames(menu).Select(n => new CompletionItem(n, "item")),
            var type => type.Completions.Select(v => new CompletionItem(v, type.Description)),
        };
    }
}
