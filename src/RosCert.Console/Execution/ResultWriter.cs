using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Console.Printing;

namespace RosCert.Console.Execution;

/// <summary>Prints what a command returned, as the RouterOS console shows it at the prompt.</summary>
internal static class ResultWriter
{
    public static void Write(CommandResult result, CommandDef command, TextWriter output, int width)
    {
        switch (result)
        {
            case ListResult list:
                ListPrinter.Print(list, output, width);
                break;
            case RecordResult record:
                RecordPrinter.Print(record, output);
                break;
            case TextResult text:
                foreach (string line in text.Lines)
                {
                    output.WriteLine(line);
                }

                break;
            case ValueResult value when command.Name == "get":
                output.WriteLine(ConsoleText.Plain(value.Returned));
                break;
        }
    }
}
