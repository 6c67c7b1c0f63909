using System.Text;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;

namespace RosCert.Console.Printing;

/// <summary>
/// The brief table (reference §4.1, §4.10): <c>Flags:</c> (present flags only), <c>Columns:</c>,
/// the header, then one row per item; the index right-aligned, one blank, the flag block, one blank,
/// columns two blanks apart, numbers right-aligned, every line padded to the table width.
/// Columns empty in every row are dropped.
/// </summary>
public static class TablePrinter
{
    public static void Print(ListResult result, TextWriter output)
    {
        FlagLegend legend = FlagLegend.Present(result.Menu, result.Items);
        PropertyDef[] columns = Columns(result);
        string[][] cells = result.Items.Select(i => columns.Select(c => Cell(i, c)).ToArray()).ToArray();
        int[] widths = columns.Select((c, k) => Math.Max(c.ColumnTitle.Length, cells.Select(r => r[k].Length).DefaultIfEmpty(0).Max())).ToArray();
        string[] labels = result.Items.Select((_, i) => ListPrinter.Label(result, i)).ToArray();
        int labelWidth = Math.Max(1, labels.Select(l => l.Length).DefaultIfEmpty(1).Max());
        string prefixPad = new(' ', legend.Width + 2);

        if (legend.Line() is { } flags)
        {
            output.WriteLine(flags);
        }

        output.WriteLine("Columns: " + string.Join(", ", columns.Select(c => c.ColumnTitle)));
        var lines = new List<string> { (result.Options.ShowIds ? "*" : "#").PadLeft(labelWidth) + prefixPad + Join(columns.Select(c => c.ColumnTitle).ToArray(), columns, widths, header: true) };
        for (int i = 0; i < cells.Length; i++)
        {
            string flagBlock = " " + legend.Block(result.Items[i]) + " ";
            lines.Add(labels[i].PadLeft(labelWidth) + flagBlock + Join(cells[i], columns, widths, header: false));
        }

        int tableWidth = lines.Max(l => l.Length);
        foreach (string line in lines)
        {
            output.WriteLine(line.PadRight(tableWidth));
        }
    }

    private static PropertyDef[] Columns(ListResult result)
    {
        IEnumerable<string> names = result.Options.Proplist ?? result.Menu.BriefColumns;
        return names
            .Select(n => result.Menu.Property(n))
            .OfType<PropertyDef>()
            .Where(p => result.Options.Proplist is not null || result.Items.Any(i => Cell(i, p).Length > 0))
            .Where(p => !p.Sensitive || result.Options.ShowSensitive)
            .ToArray();
    }

    private static string Cell(ItemView item, PropertyDef column) =>
        item[column.Name] is { } value ? ConsoleText.Plain(value) : "";

    private static string Join(string[] cells, PropertyDef[] columns, int[] widths, bool header)
    {
        var line = new StringBuilder();
        for (int k = 0; k < cells.Length; k++)
        {
            if (k > 0)
            {
                line.Append("  ");
            }

            bool right = columns[k].RightAligned && !header;
            line.Append(right ? cells[k].PadLeft(widths[k]) : cells[k].PadRight(widths[k]));
        }

        return line.ToString();
    }
}
