using RosCert.Commands.Execution;

namespace RosCert.Console.Printing;

/// <summary>
/// Key/value blocks (reference §4.6, §4.10): keys right-aligned to the longest key plus two blanks,
/// then <c>: </c> and the value (settings, import counters, <c>progress: done</c>).
/// </summary>
public static class RecordPrinter
{
    public static void Print(RecordResult result, TextWriter output)
    {
        if (result.Fields.Count == 0)
        {
            return;
        }

        int width = result.Fields.Max(f => f.Key.Length) + 2;
        foreach ((string key, Commands.Values.RosValue value) in result.Fields)
        {
            output.WriteLine(key.PadLeft(width) + ": " + ConsoleText.Plain(value));
        }

        if (result.BlankLineAfter)
        {
            output.WriteLine();
        }
    }
}
