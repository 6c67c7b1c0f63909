using System.Text;
using RosCert.Console.Execution;

namespace RosCert.Console.Repl;

/// <summary>
/// The interactive console on a terminal: the RouterOS prompt, line editing (arrows, Home/End,
/// Backspace/Delete, Ctrl-A/E/U/K), history (Up/Down), Tab completion and <c>?</c> help at the
/// cursor. Lines that leave a brace, bracket or string open continue on the next line.
/// </summary>
public sealed class InteractiveConsole(ConsoleEngine engine)
{
    private readonly List<string> _history = [];

    public int Run()
    {
        engine.ProgressInPlace = true;
        engine.Session.AskSecret = ReadSecret;
        var pending = new StringBuilder();
        while (true)
        {
            string prompt = pending.Length == 0 ? engine.Prompt() : "... ";
            string? line = ReadLine(prompt);
            if (line is null)
            {
                System.Console.WriteLine();
                return 0;
            }

            if (pending.Length == 0 && line.Trim() is "quit" or "/quit")
            {
                return 0;
            }

            pending.Append(line).Append('\n');
            if (!StatementSplitter.IsComplete(pending.ToString()))
            {
                continue;
            }

            if (line.Trim().Length > 0)
            {
                _history.Add(pending.ToString().TrimEnd('\n'));
            }

            engine.Run(pending.ToString());
            pending.Clear();
        }
    }

    /// <summary>Reads a secret without echo (RouterOS's <c>passphrase:</c> prompt); Ctrl-C gives up.</summary>
    private static string? ReadSecret(string prompt)
    {
        System.Console.Write(prompt);
        var secret = new StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = System.Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    System.Console.WriteLine();
                    return secret.ToString();
                case ConsoleKey.Backspace when secret.Length > 0:
                    secret.Length--;
                    break;
                case ConsoleKey.C when (key.Modifiers & ConsoleModifiers.Control) != 0:
                    System.Console.WriteLine();
                    return null;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        secret.Append(key.KeyChar);
                    }

                    break;
            }
        }
    }

    private string? ReadLine(string prompt)
    {
        var buffer = new StringBuilder();
        int cursor = 0;
        int historyIndex = _history.Count;
        System.Console.Write(prompt);
        while (true)
        {
            ConsoleKeyInfo key = System.Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    System.Console.WriteLine();
                    return buffer.ToString();
                case ConsoleKey.Backspace when cursor > 0:
                    buffer.Remove(--cursor, 1);
                    break;
                case ConsoleKey.Delete when cursor < buffer.Length:
                    buffer.Remove(cursor, 1);
                    break;
                case ConsoleKey.LeftArrow when cursor > 0:
                    cursor--;
                    break;
                case ConsoleKey.RightArrow when cursor < buffer.Length:
                    cursor++;
                    break;
                case ConsoleKey.Home:
                    cursor = 0;
                    break;
                case ConsoleKey.End:
                    cursor = buffer.Length;
                    break;
                case ConsoleKey.UpArrow when historyIndex > 0:
                    Replace(buffer, _history[--historyIndex], ref cursor);
                    break;
                case ConsoleKey.DownArrow when historyIndex < _history.Count:
                    historyIndex++;
                    Replace(buffer, historyIndex < _history.Count ? _history[historyIndex] : "", ref cursor);
                    break;
                case ConsoleKey.Tab:
                    Complete(buffer, ref cursor);
                    break;
                default:
                    if (!Control(key, buffer, ref cursor))
                    {
                        return null;
                    }

                    break;
            }

            Redraw(prompt, buffer, cursor);
        }
    }

    /// <summary>Control keys and plain characters; false on Ctrl-D at an empty line (end of session).</summary>
    private bool Control(ConsoleKeyInfo key, StringBuilder buffer, ref int cursor)
    {
        bool ctrl = (key.Modifiers & ConsoleModifiers.Control) != 0;
        switch (key.Key)
        {
            case ConsoleKey.D when ctrl:
                return buffer.Length > 0;
            case ConsoleKey.A when ctrl:
                cursor = 0;
                return true;
            case ConsoleKey.E when ctrl:
                cursor = buffer.Length;
                return true;
            case ConsoleKey.U when ctrl:
                buffer.Remove(0, cursor);
                cursor = 0;
                return true;
            case ConsoleKey.K when ctrl:
                buffer.Remove(cursor, buffer.Length - cursor);
                return true;
        }

        if (key.KeyChar == '?' && !InsideString(buffer, cursor))
        {
            ShowHelp(buffer.ToString(0, cursor));
            return true;
        }

        if (!char.IsControl(key.KeyChar) && key.KeyChar != '\0')
        {
            buffer.Insert(cursor++, key.KeyChar);
        }

        return true;
    }

    private static bool InsideString(StringBuilder buffer, int cursor) =>
        buffer.ToString(0, cursor).Count(c => c == '"') % 2 == 1;

    private void Complete(StringBuilder buffer, ref int cursor)
    {
        string before = buffer.ToString(0, cursor);
        IReadOnlyList<CompletionItem> items = Candidates(before);
        string typed = CurrentFragment(before);
        string common = Completion.CommonPrefix(items);
        if (items.Count == 1 && !common.EndsWith('='))
        {
            common += " ";
        }

        if (common.Length > typed.Length && common.StartsWith(typed, StringComparison.Ordinal))
        {
            buffer.Insert(cursor, common[typed.Length..]);
            cursor += common.Length - typed.Length;
        }
        else if (items.Count > 1)
        {
            System.Console.WriteLine();
            System.Console.WriteLine(string.Join("  ", items.Select(i => i.Text)));
        }
    }

    private void ShowHelp(string before)
    {
        System.Console.WriteLine();
        foreach (CompletionItem item in Candidates(before))
        {
            System.Console.WriteLine($"{item.Text,-28} -- {item.Help}");
        }
    }

    private IReadOnlyList<CompletionItem> Candidates(string before) =>
        Completion.At(engine.Session.Environment.Catalogue, engine.CurrentMenu, before, ItemNames);

    /// <summary>The part of the current word Tab completes: after <c>=</c>, <c>,</c> or <c>/</c> when present.</summary>
    private static string CurrentFragment(string before)
    {
        int start = before.LastIndexOfAny([' ', '=', ',', '/']) + 1;
        return before[start..];
    }

    private IEnumerable<string> ItemNames(Commands.Catalogue.Menu menu)
    {
        if (menu.Items is null || menu.Command("print") is not { } print)
        {
            return [];
        }

        var result = Commands.Execution.CommandRunner.Run(engine.Session, menu, print, new Dictionary<string, Commands.Values.RosValue> { ["as-value"] = Commands.Values.RosValue.Of(true) });
        return result is Commands.Execution.ListResult list ? list.Items.Select(i => i.Name).OfType<string>() : [];
    }

    private static void Replace(StringBuilder buffer, string text, ref int cursor)
    {
        buffer.Clear().Append(text);
        cursor = buffer.Length;
    }

    private static void Redraw(string prompt, StringBuilder buffer, int cursor)
    {
        System.Console.Write("\r\u001b[K" + prompt + buffer);
        int back = buffer.Length - cursor;
        if (back > 0)
        {
            System.Console.Write($"\u001b[{back}D");
        }
    }
}
