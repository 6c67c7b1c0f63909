using System.Text;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Values;

namespace RosCert.Console.Printing;

/// <summary>How the console writes single values (reference §4.2, §4.10).</summary>
public static class ConsoleText
{
    /// <summary>A property value as <c>print detail</c> shows it: quoted per its declaration, booleans as yes/no.</summary>
    public static string Detail(PropertyDef? property, RosValue value)
    {
        string text = Plain(value);
        return property?.Quoted == true ? Quote(text) : text;
    }

    /// <summary>A value without quotes: booleans as <c>yes</c>/<c>no</c>, everything else as its text.</summary>
    public static string Plain(RosValue value) => value switch
    {
        RosBool b => b.Value ? "yes" : "no",
        _ => value.Text,
    };

    /// <summary>RouterOS string quoting: <c>"</c>, <c>\</c> and <c>$</c> escaped, control characters as <c>\n</c>, <c>\t</c> or hex.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"' or '\\' or '$':
                    quoted.Append('\\').Append(c);
                    break;
                case '\n':
                    quoted.Append("\\n");
                    break;
                case '\t':
                    quoted.Append("\\t");
                    break;
                case < ' ':
                    quoted.Append('\\').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    quoted.Append(c);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
