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
    /// <summary>Rows are gathered into blocks of about this many characters, each one write to the output.</summary>
    private const int BlockSize = 32 * 1024;

    public static void Print(ListResult result, TextWriter output)
    {
        FlagLegend legend = FlagLegend.Present(result.Menu, result.Items);
        PropertyDef[] columns = Columns(result);
        Table table = Table.Of(result, columns);

        if (legend.Line() is { } flags)
        {
            output.WriteLine(flags);
        }

        output.WriteLine("Columns: " + string.Join(", ", columns.Select(c => c.ColumnTitle)));

        // Every line has the same length: labels, cells and titles are padded to their column's width.
        int tableWidth = table.LabelWidth + legend.Width + 2 + table.RowWidth;
        var text = new StringBuilder(BlockSize + tableWidth + output.NewLine.Length);
        int lineStart = 0;
        text.Append(' ', table.LabelWidth - 1).Append(result.Options.ShowIds ? '*' : '#').Append(' ', legend.Width + 2);
        AppendCells(text, [.. columns.Select(c => c.ColumnTitle)], 0, columns, table.Widths, header: true);
        EndLine(text, lineStart, tableWidth, output);
        for (int i = 0; i < result.Items.Count; i++)
        {
            lineStart = text.Length;
            string label = ListPrinter.Label(result, i);
            text.Append(' ', table.LabelWidth - label.Length).Append(label).Append(' ');
            legend.AppendBlock(text, result.Items[i]);
            text.Append(' ');
            AppendCells(text, table.Cells, i * columns.Length, columns, table.Widths, header: false);
            EndLine(text, lineStart, tableWidth, output);
        }

        output.Write(text);
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

    /// <summary>The cells of one row (from <paramref name="start"/> in <paramref name="cells"/>), two blanks apart, each padded to its width.</summary>
    private static void AppendCells(StringBuilder line, string[] cells, int start, PropertyDef[] columns, int[] widths, bool header)
    {
        for (int k = 0; k < columns.Length; k++)
        {
            if (k > 0)
            {
                line.Append("  ");
            }

            string cell = cells[start + k];
            int pad = widths[k] - cell.Length;
            if (columns[k].RightAligned && !header)
            {
                line.Append(' ', pad).Append(cell);
            }
            else
            {
                line.Append(cell).Append(' ', pad);
            }
        }
    }

    /// <summary>Pads the line being built to the table width, ends it, and hands full blocks to the output.</summary>
    private static void EndLine(StringBuilder text, int lineStart, int tableWidth, TextWriter output)
    {
        text.Append(' ', Math.Max(0, tableWidth - (text.Length - lineStart))).Append(output.NewLine);
        if (text.Length >= BlockSize)
        {
            output.Write(text);
            text.Clear();
        }
    }

    /// <summary>The text of every cell (row by row) and each column's width.</summary>
    private sealed record Table(string[] Cells, int[] Widths, int LabelWidth)
    {
        public int RowWidth => Widths.Length == 0 ? 0 : Widths.Sum() + (2 * (Widths.Length - 1));

        public static Table Of(ListResult result, PropertyDef[] columns)
        {
            IReadOnlyList<ItemView> items = result.Items;
            var cells = new string[items.Count * columns.Length];
            int[] widths = [.. columns.Select(c => c.ColumnTitle.Length)];
            int labelWidth = 1;
            for (int i = 0; i < items.Count; i++)
            {
                for (int k = 0; k < columns.Length; k++)
                {
                    string cell = Cell(items[i], columns[k]);
                    cells[(i * columns.Length) + k] = cell;
                    widths[k] = Math.Max(widths[k], cell.Length);
                }

                labelWidth = Math.Max(labelWidth, ListPrinter.Label(result, i).Length);
            }

            return new Table(cells, widths, labelWidth);
        }
    }
}
