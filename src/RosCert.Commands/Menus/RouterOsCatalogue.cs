using RosCert.Commands.Catalogue;
using RosCert.Commands.Menus.Certificates;
using RosCert.Commands.Menus.Files;
using RosCert.Commands.Menus.RouterSystem;
using RosCert.Commands.Menus.Services;
using RosCert.Commands.Menus.Users;
using RosCert.Commands.Values;

namespace RosCert.Commands.Menus;

/// <summary>Builds the whole RosCert menu tree, the one declaration every face reads.</summary>
public static class RouterOsCatalogue
{
    public static Catalogue.Catalogue Build()
    {
        var root = new Menu("/", MenuKind.Directory, "RosCert");
        root.Add(CertificateMenu.Build())
            .Add(FileMenu.Build())
            .Add(SystemMenus.Build())
            .Add(new Menu("/ip", MenuKind.Directory, "IP services").Add(ServiceMenu.Build().Add(WebServerMenu.Build())));
        root.Add(UserMenu.Build());
        root.Add(Log.LogMenu.Build());
        root.Add(new CommandDef("import", "run a script file", Rights.Write, CommandKind.Unbound,
        [
            new("file-name", FileNameType.Instance, "script file (.rsc)") { Required = true, Position = 0 },
            Standard.PrintCommand.Flag("dry-run", "check the script without running it"),
            new("from-line", new IntegerType(0, int.MaxValue), "start at this line"),
            Standard.PrintCommand.Flag("verbose", "print each command as it runs"),
        ])
        {
            Handler = ImportScript,
        });
        return new Catalogue.Catalogue(root);
    }

    /// <summary>
    /// <c>/import file-name=x.rsc</c>: runs a script file of the files area in the session's script
    /// language, then says so as RouterOS does.
    /// </summary>
    private static Execution.CommandResult ImportScript(Execution.Invocation invocation)
    {
        Execution.IScriptHost host = invocation.Session.ScriptHost ?? throw Core.Errors.Errors.NotSupported();
        byte[] bytes = invocation.Environment.Files.Read(invocation.Text("file-name")!, invocation.Session.LocalFileAccess);
        if (!invocation.Flag("dry-run"))
        {
            host.RunScript(global::System.Text.Encoding.UTF8.GetString(bytes));
        }

        invocation.Session.Output.Line("Script file loaded and executed successfully");
        return Execution.CommandResult.None;
    }
}
