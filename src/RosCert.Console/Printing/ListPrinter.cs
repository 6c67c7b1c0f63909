using System.Globalization;
using System.Text;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;

namespace RosCert.Console.Printing;

/// <summary>
/// Renders a <c>print</c> of a list menu in every mode, byte for byte as RouterOS 7.23+ does
/// (reference §4.1–§4.5, §4.10).
/// </summary>
public static class ListPrinter
{
    public static void Print(ListResult result, TextWriter output, int width)
    {
        switch (result.Options.Mode)
        {
            case PrintMode.CountOnly:
                output.WriteLine(result.Items.Count.ToString(CultureInfo.InvariantCulture));
                break;
            case PrintMode.AsValue:
                output.WriteLine(result.Value.Text);
                break;
            case PrintMode.Detail:
                DetailPrinter.Print(result, output, width, terse: false);
                break;
            case PrintMode.Terse:
                DetailPrinter.Print(result, output, int.MaxValue, terse: true);
                break;
            case PrintMode.ValueList:
                PrintValueList(result, output);
                break;
            default:
                TablePrinter.Print(result, output);
                break;
        }
    }

    /// <summary>The label of an item's row: its print number, or its id with <c>show-ids</c>.</summary>
    internal static string Label(ListResult result, int index) =>
        result.Options.ShowIds && result.Items[index].Id is { } id ? id.ToString() : index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The properties a mode shows: all, or the <c>proplist</c> ones; secrets only with <c>show-sensitive</c>.</summary>
    internal static IEnumerable<KeyValuePair<string, RosValue>> Shown(ListResult result, ItemView item)
    {
        IEnumerable<KeyValuePair<string, RosValue>> values = item.Values;
        if (result.Options.Proplist is { } proplist)
        {
            values = proplist.Select(p => new KeyValuePair<string, RosValue>(p, item[p]!)).Where(p => p.Value is not null);
        }

        return result.Options.ShowSensitive ? values : values.Where(v => result.Menu.Property(v.Key)?.Sensitive != true);
    }

    /// <summary><c>print value-list</c>: one property per line, label right-aligned, items side by side.</summary>
    private static void PrintValueList(ListResult result, TextWriter output)
    {
        var rows = result.Items.Select(i => Shown(result, i).ToDictionary(v => v.Key, v => ConsoleText.Plain(v.Value))).ToArray();
        string[] labels = rows.SelectMany(r => r.Keys).Distinct().ToArray();
        if (labels.Length == 0)
        {
            return;
        }

        int labelWidth = labels.Max(l => l.Length) + 2;
        int[] widths = rows.Select(r => r.Values.DefaultIfEmpty("").Max(v => v.Length)).ToArray();
        foreach (string label in labels)
        {
            var line = new StringBuilder((label + ": ").PadLeft(labelWidth + 2));
            for (int i = 0; i < rows.Length; i++)
            {
                string value = rows[i].GetValueOrDefault(label, "");
                line.Append(i == rows.Length - 1 ? value : value.PadRight(widths[i] + 2));
            }

            output.WriteLine(line.ToString().TrimEnd());
        }
    }
}
