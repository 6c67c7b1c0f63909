using System.Globalization;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using RosCert.Core.Ports;
using static RosCert.Commands.Catalogue.PropertyAccess;

namespace RosCert.Commands.Menus.Files;

/// <summary>
/// <c>/file</c>: the files area <c>&lt;data-dir&gt;/files/</c> (reference §4.8). Item ids are stable
/// per name within a listing; TYPE is <c>.crt file</c>, SIZE is printed with units as 7.23 does.
/// </summary>
public static class FileMenu
{
    public static Menu Build()
    {
        PropertyDef[] properties =
        [
            new("name", StringType.Instance, ReadWrite, "file name"),
            new("type", BareTextType.Instance, ReadOnly, "file type"),
            new("size", BareTextType.Instance, ReadOnly, "file size") { RightAligned = true },
            new("last-modified", BareTextType.Instance, ReadOnly, "time of the last change"),
            new("contents", StringType.Instance, ReadWrite, "file contents"),
        ];
        var menu = new Menu("/file", MenuKind.List, "files area")
        {
            Properties = properties,
            BriefColumns = ["name", "type", "size", "last-modified"],
            ItemNoun = "file",
            Items = List,
            Lookup = FileContents.Find,
        };
        menu.Add(ListCommands.Queries(properties, sensitive: false,
            new ArgumentDef("path", StringType.Instance, "only files below this folder"),
            PrintCommand.Flag("recursive", "include sub-folders (the default)"),
            PrintCommand.Flag("relative", "names relative to path"),
            PrintCommand.Flag("show-hidden", "include hidden files")));
        menu.Add(new CommandDef("remove", "remove files", Rights.Write, CommandKind.Query,
            [new("numbers", ItemListType.Many, "files to remove") { Required = true, Position = 0 }])
        {
            Handler = Remove,
        });
        menu.Add(ContentCommands());
        return menu;
    }

    /// <summary>Moving files through the faces (issue 4): see <see cref="FileContents"/>.</summary>
    private static IEnumerable<CommandDef> ContentCommands()
    {
        ArgumentDef number = new("number", ItemListType.One, "file") { Required = true, Position = 0 };
        var contents = new StringType(FileContents.MaxContents);
        yield return new CommandDef("add", "create a file", Rights.Write, CommandKind.Query,
            [new("name", StringType.Instance, "file name") { Required = true }, new("contents", contents, "contents"), new("type", new EnumType("file"), "file")])
        {
            Handler = FileContents.Add,
        };
        ArgumentDef[] change = [new("numbers", ItemListType.Many, "files") { Required = true, Position = 0 }, new("name", StringType.Instance, "file name"), new("contents", contents, "contents"), new("type", new EnumType("file"), "file")];
        yield return new CommandDef("set", "rename a file or replace its contents", Rights.Write, CommandKind.Query, change) { Handler = FileContents.Set };
        yield return new CommandDef("reset", "replace a file's contents", Rights.Write, CommandKind.Query, change) { Handler = FileContents.Set };
        yield return new CommandDef("read", "read part of a file", Rights.Read, CommandKind.Query,
            [new("file", FileNameType.Instance, "file") { Required = true }, new("offset", new IntegerType(0, long.MaxValue), "offset"), new("chunk-size", new IntegerType(1, FileContents.MaxContents), "bytes"), PrintCommand.Flag("as-value", "as value")])
        {
            Handler = FileContents.Read,
        };
        yield return new CommandDef("copy", "copy a file", Rights.Write, CommandKind.Query, [number, new("name", StringType.Instance, "new name") { Required = true }])
        {
            Handler = FileContents.Copy,
        };
        foreach (string end in new[] { "head", "tail" })
        {
            bool tail = end == "tail";
            yield return new CommandDef(end, $"print the {end} of a file", Rights.Read, CommandKind.Query,
                [number, new("n", new IntegerType(1, 100_000), "lines"), PrintCommand.Flag("numbered", "number the lines"), PrintCommand.Flag("as-value", "as value")])
            {
                Handler = inv => FileContents.Lines(inv, tail),
            };
        }
    }

    private static IReadOnlyList<ItemView> List(Invocation invocation)
    {
        string? folder = invocation.Text("path")?.Trim('/');
        IReadOnlyList<FileEntry> files = invocation.Environment.Files.List();
        if (!string.IsNullOrEmpty(folder))
        {
            files = files.Where(f => f.Name.StartsWith(folder + "/", StringComparison.Ordinal)).ToArray();
        }

        var views = new ItemView[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            FileEntry file = files[i];
            views[i] = new ItemViewBuilder()
                .Add("name", file.Name)
                .Add("type", TypeOf(file.Name))
                .Add("size", FormatSize(file.Size))
                .Add("last-modified", SystemSettings.FormatDate(file.LastModified, invocation.Zone))
                .Build(new Core.Model.ItemId((uint)i + 1));
        }

        return views;
    }

    private static CommandResult Remove(Invocation invocation)
    {
        foreach (ItemView file in invocation.Targets())
        {
            invocation.Environment.Files.Delete(file.Name!);
        }

        return CommandResult.None;
    }

    /// <summary>RouterOS names a file's type after its extension: <c>.crt file</c>; <c>file</c> without one.</summary>
    public static string TypeOf(string name)
    {
        string extension = Path.GetExtension(name);
        return extension.Length > 1 ? extension + " file" : "file";
    }

    /// <summary>7.23 prints sizes with units: <c>1119</c> bytes as <c>1119</c>, larger as <c>38.3KiB</c>, <c>1.2MiB</c>.</summary>
    public static string FormatSize(long size) => size switch
    {
        < 10 * 1024 => size.ToString(CultureInfo.InvariantCulture),
        < 10L * 1024 * 1024 => (size / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + "KiB",
        _ => (size / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + "MiB",
    };
}
