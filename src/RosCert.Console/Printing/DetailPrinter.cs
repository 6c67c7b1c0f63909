using System.Text;
using RosCert.Commands.Execution;

namespace RosCert.Console.Printing;

/// <summary>
/// <c>print detail</c> and <c>print terse</c> (reference §4.2, §4.3, §4.10): the legend names every
/// flag; each record starts with its index right-aligned to at least two places, one blank, one
/// position per flag group, one blank, then <c>name=value</c> pairs. Detail wraps between pairs at
/// the terminal width, indenting continuation lines to the first pair, and ends each record with an
/// empty line; terse never wraps and quotes nothing.
/// </summary>
public static class DetailPrinter
{
    public static void Print(ListResult result, TextWriter output, int width, bool terse)
    {
        FlagLegend legend = FlagLegend.All(result.Menu);
        if (!terse && legend.Line() is { } flags)
        {
            output.WriteLine(flags);
        }

        string[] labels = result.Items.Select((_, i) => ListPrinter.Label(result, i)).ToArray();
        int labelWidth = Math.Max(2, labels.Select(l => l.Length).DefaultIfEmpty(2).Max());
        for (int i = 0; i < result.Items.Count; i++)
        {
            string prefix = labels[i].PadLeft(labelWidth) + " " + legend.Block(result.Items[i]) + " ";
            string[] pairs = ListPrinter.Shown(result, result.Items[i])
                .Select(v => v.Key + "=" + (terse ? ConsoleText.Plain(v.Value) : ConsoleText.Detail(result.Menu.Property(v.Key), v.Value)))
                .ToArray();
            if (terse)
            {
                output.WriteLine(prefix + string.Join(' ', pairs));
                continue;
            }

            Wrap(output, prefix, pairs, width);
            output.WriteLine();
        }
    }

    private static void Wrap(TextWriter output, string prefix, string[] pairs, int width)
    {
        var line = new StringBuilder(prefix);
        bool lineEmpty = true;
        foreach (string pair in pairs)
        {
            if (!lineEmpty && line.Length + 1 + pair.Length > width)
            {
                output.WriteLine(line.ToString());
                line.Clear().Append(' ', prefix.Length);
                lineEmpty = true;
            }

            if (!lineEmpty)
            {
                line.Append(' ');
            }

            line.Append(pair);
            lineEmpty = false;
        }

        output.WriteLine(line.ToString());
    }
}
