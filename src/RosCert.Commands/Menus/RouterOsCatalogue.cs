using RosCert.Commands.Catalogue;
using RosCert.Commands.Menus.Certificates;
using RosCert.Commands.Menus.Files;
using RosCert.Commands.Menus.System;
using RosCert.Commands.Values;

namespace RosCert.Commands.Menus;

/// <summary>Builds the whole RosCert menu tree, the one declaration every face reads.</summary>
public static class RouterOsCatalogue
{
    /// <param name="runScriptFile">
    /// Handler of <c>/import file-name=x.rsc</c>: running a script belongs to the console language,
    /// so the console supplies it; faces without scripts leave it null.
    /// </param>
    public static Catalogue.Catalogue Build(CommandHandler? runScriptFile = null)
    {
        var root = new Menu("/", MenuKind.Directory, "RosCert");
        root.Add(CertificateMenu.Build())
            .Add(FileMenu.Build())
            .Add(SystemMenus.Build());
        root.Add(new CommandDef("import", "run a script file", Rights.Write, CommandKind.Unbound,
        [
            new("file-name", FileNameType.Instance, "script file (.rsc)") { Required = true, Position = 0 },
            Standard.PrintCommand.Flag("dry-run", "check the script without running it"),
            new("from-line", new IntegerType(0, int.MaxValue), "start at this line"),
            Standard.PrintCommand.Flag("verbose", "print each command as it runs"),
        ])
        {
            Handler = runScriptFile,
        });
        return new Catalogue.Catalogue(root);
    }
}
