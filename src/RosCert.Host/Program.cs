using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Console.Execution;
using RosCert.Console.Repl;

namespace RosCert.Host;

/// <summary>
/// The <c>roscert</c> program. With arguments it runs them as one command line; with standard
/// input that is not a terminal it runs it as a script, statement by statement, stopping at the
/// first error; on a terminal it opens the interactive console. Every mode starts in
/// <c>/certificate</c>. Exit status 0 on success, 1 on any error (text on standard error).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            Options options = Options.Parse(args);
            if (options.Help)
            {
                System.Console.Out.Write(Options.Usage);
                return 0;
            }

            if (options.Check)
            {
                return CheckCommand.Run(options.DataDirectory, System.Console.Out);
            }

            if (options.Backup is { } backup)
            {
                return BackupCommand.Backup(options.DataDirectory, backup, System.Console.Out);
            }

            if (options.Restore is { } restore)
            {
                return BackupCommand.Restore(options.DataDirectory, restore, System.Console.Out);
            }

            using Composition composition = Composition.Open(options.DataDirectory);
            return Run(composition, options);
        }
        catch (UsageException error)
        {
            System.Console.Error.WriteLine(error.Message);
            System.Console.Error.Write(Options.Usage);
            return 1;
        }
        catch (Exception error) when (error is Store.StoreException or IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            System.Console.Error.WriteLine("failure: " + error.Message);
            return 1;
        }
    }

    private static int Run(Composition composition, Options options)
    {
        if (options.Serve)
        {
            return Daemon.ServeCommand.Run(composition);
        }

        var session = new Session(composition.Environment, "admin", Rights.Full, Face.Console);
        using TextWriter output = StandardOutput();
        var engine = new ConsoleEngine(session, output, System.Console.Error, TerminalWidth());
        if (options.CommandLine is { } line)
        {
            return engine.Run(line) ? 0 : 1;
        }

        if (System.Console.IsInputRedirected)
        {
            return RunScript(engine, System.Console.In);
        }

        return new InteractiveConsole(engine).Run();
    }

    /// <summary>Runs piped input statement by statement; the first error stops it, earlier statements stay done.</summary>
    private static int RunScript(ConsoleEngine engine, TextReader input)
    {
        foreach (string statement in StatementSplitter.Split(input))
        {
            if (!engine.Run(statement))
            {
                return 1;
            }
        }

        return 0;
    }

    /// <summary>
    /// Standard output for the console: every write still reaches the stream when it returns (as with
    /// <see cref="System.Console.Out"/>, so output and errors keep their order), but a long write is one
    /// system call, not one per 256 characters (<c>print</c> of 10,000 certificates made ~3,000; issue 9).
    /// </summary>
    private static StreamWriter StandardOutput() =>
        new(System.Console.OpenStandardOutput(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { AutoFlush = true };

    /// <summary><c>detail</c> wraps at <c>$COLUMNS</c>, else at 80 (never the live terminal size, so output is reproducible).</summary>
    private static int TerminalWidth() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int columns) && columns >= 20 ? columns : 80;
}
