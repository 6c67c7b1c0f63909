using System.Text;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Values;

namespace RosCert.Commands.Standard;

/// <summary>
/// Configuration <c>export</c> (reference §2.4): the commands that recreate a menu's settings.
/// Certificates and keys are never part of it (reference §1.6).
/// </summary>
public static class ExportCommand
{
    public static CommandDef For(Func<Invocation, IEnumerable<string>> lines) =>
        new("export", "print the configuration as commands", Rights.Read, CommandKind.Query,
        [
            PrintCommand.Flag("compact", "only values that differ from the defaults (the default)"),
            new ArgumentDef("file", StringType.Instance, "export into a file"),
            PrintCommand.Flag("hide-sensitive", "leave secrets out (the default)"),
            PrintCommand.Flag("show-sensitive", "include secrets"),
            PrintCommand.Flag("terse", "one command per line"),
            PrintCommand.Flag("verbose", "include default values"),
            new ArgumentDef("where", ConditionType.Instance, "export only items that match"),
            new ArgumentDef("path", BareTextType.Instance, "menu path"),
        ])
        {
            Handler = inv => inv.Has("file") ? throw Core.Errors.Errors.NotImplementedYet() : new TextResult(lines(inv).ToArray()),
        };

    /// <summary>Quotes a value for a command line when it needs it (RouterOS string escaping).</summary>
    public static string Quote(string value)
    {
        bool bare = value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ',' or ':' or '/' or '*');
        if (bare)
        {
            return value;
        }

        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '$' => "\\$",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
