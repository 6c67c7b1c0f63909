using CsCheck;
using RosCert.Commands.Catalogue;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Fuzz;

/// <summary>
/// Random lines to the console (issue 10): built from the catalogue's menus, commands and argument
/// names with hostile values, or plain random text. None crashes or hangs, and a single command
/// that fails leaves the store as it was.
/// </summary>
public sealed class ConsoleFuzzTests
{
    [Fact]
    public void Random_lines_never_crash_and_a_failed_command_changes_nothing()
    {
        using var console = Seeded();
        Gen<string> lines = Lines(console.Environment.Catalogue);
        lines.Sample(line => RunOne(console, line), iter: Fuzz.Iterations(400), threads: 1);
    }

    [Fact]
    public void Kept_lines_run_without_crashing()
    {
        using var console = Seeded();
        foreach (string file in Fuzz.Corpus("console"))
        {
            foreach (string line in File.ReadAllLines(file))
            {
                RunOne(console, line);
            }
        }
    }

    internal static TestConsole Seeded()
    {
        var console = new TestConsole();
        console.Run("add name=ca common-name=CA key-size=prime256v1 key-usage=key-cert-sign,crl-sign");
        console.Run("sign ca");
        console.Run("add name=t common-name=t key-size=prime256v1");
        return console;
    }

    private static void RunOne(TestConsole console, string line)
    {
        long before = console.Environment.Store.ChangeVersion();
        bool succeeded = true;
        Fuzz.Within(line, () => succeeded = console.Engine.Run(line));

        // One command (no ; [ { or new line to run others) that failed must have rolled back.
        if (!succeeded && line.IndexOfAny([';', '[', '{', '\n', '\r']) < 0)
        {
            Assert.True(before == console.Environment.Store.ChangeVersion(), "a failed command changed the store: " + line);
        }
    }

    private static Gen<string> Lines(Catalogue catalogue)
    {
        Menu[] menus = Fuzz.CommandMenus(catalogue);
        Gen<string> command = Gen.Int[0, menus.Length - 1].SelectMany(m =>
        {
            Menu menu = menus[m];
            return Gen.Int[0, menu.Commands.Count - 1].SelectMany(c =>
            {
                CommandDef definition = menu.Commands[c];
                string[] names = [.. definition.Arguments.Select(a => a.Name), "numbers", "bogus"];
                Gen<string> argument = Gen.Select(Gen.Int[0, names.Length - 1], Fuzz.Value, Gen.Bool)
                    .Select((n, value, named) => named ? $"{names[n]}=\"{value.Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : names[n] + "=" + value);
                return argument.Array[0, 4].Select(arguments => string.Join(' ', [menu.Path, definition.Name, .. arguments]));
            });
        });
        return Gen.Frequency((4, command), (1, Fuzz.Value), (1, Gen.String[0, 80]));
    }
}
