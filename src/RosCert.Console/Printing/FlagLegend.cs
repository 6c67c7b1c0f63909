using System.Text;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Items;

namespace RosCert.Console.Printing;

/// <summary>
/// The <c>Flags:</c> legend and flag block (reference §4.1, §4.10): groups joined by <c>; </c>,
/// members of one group (<c>I - ISSUED, R - REVOKED</c>) by <c>, </c>. Brief prints name and
/// reserve a column only for flags present in the rows; detail and terse name every flag.
/// </summary>
public sealed class FlagLegend
{
    private readonly IReadOnlyList<int> _groups;
    private readonly IReadOnlyList<FlagDef> _shown;

    private FlagLegend(IReadOnlyList<FlagDef> shown)
    {
        _shown = shown;
        _groups = shown.Select(f => f.Group).Distinct().ToArray();
    }

    public static FlagLegend All(Menu menu) => new(menu.Flags);

    public static FlagLegend Present(Menu menu, IReadOnlyList<ItemView> items) =>
        new(menu.Flags.Where(f => items.Any(i => i.HasFlag(f.Letter))).ToArray());

    /// <summary>Width of the flag block: one position per group.</summary>
    public int Width => _groups.Count;

    public string? Line()
    {
        if (_shown.Count == 0)
        {
            return null;
        }

        IEnumerable<string> groups = _shown
            .GroupBy(f => f.Group)
            .Select(g => string.Join(", ", g.Select(f => $"{f.Letter} - {f.LegendName}")));
        return "Flags: " + string.Join("; ", groups);
    }

    /// <summary>The flag block of one item: the letter of each group it has, else a blank.</summary>
    public string Block(ItemView item) => AppendBlock(new StringBuilder(_groups.Count), item).ToString();

    /// <summary><see cref="Block"/> appended to <paramref name="text"/>.</summary>
    public StringBuilder AppendBlock(StringBuilder text, ItemView item)
    {
        foreach (int group in _groups)
        {
            text.Append(Letter(group, item));
        }

        return text;
    }

    private char Letter(int group, ItemView item)
    {
        foreach (FlagDef flag in _shown)
        {
            if (flag.Group == group && item.HasFlag(flag.Letter))
            {
                return flag.Letter;
            }
        }

        return ' ';
    }
}
