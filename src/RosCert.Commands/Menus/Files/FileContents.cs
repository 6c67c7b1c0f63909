using System.Globalization;
using System.Text;
using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Commands.Menus.Files;

/// <summary>
/// Moving files through the faces, as RouterOS automation does (terraform, Ansible; issue 4):
/// <c>/file add name= contents=</c>, <c>/file set &lt;file&gt; contents=</c>,
/// <c>/file read file= [offset=] [chunk-size=]</c>, <c>/file get &lt;file&gt; contents</c>, <c>copy</c>,
/// <c>head</c>, <c>tail</c>. Sizes are bounded; files that hold private keys are readable only with
/// the <c>full</c> right.
/// </summary>
internal static class FileContents
{
    /// <summary>Largest file written or returned whole through a command.</summary>
    public const int MaxContents = 1 << 20;

    /// <summary>Largest <c>contents</c> value <c>get</c> returns; bigger files are read in chunks.</summary>
    public const int MaxGet = 64 * 1024;

    public static CommandResult Add(Invocation invocation)
    {
        string name = invocation.Text("name") ?? throw Errors.MissingArguments(["name"]);
        if (invocation.Environment.Files.List().Any(f => f.Name == name))
        {
            throw Errors.NameExists("file");
        }

        Write(invocation, name, invocation.Text("contents") ?? "");
        return CommandResult.None;
    }

    public static CommandResult Set(Invocation invocation)
    {
        foreach (ItemView file in invocation.Targets())
        {
            string name = file.Name!;
            if (invocation.Text("name") is { } newName && newName != name)
            {
                Write(invocation, newName, Encoding.UTF8.GetString(ReadAll(invocation, name)));
                invocation.Environment.Files.Delete(name);
                name = newName;
            }

            if (invocation.Text("contents") is { } contents)
            {
                Write(invocation, name, contents);
            }
        }

        return CommandResult.None;
    }

    public static CommandResult Copy(Invocation invocation)
    {
        ItemView file = invocation.Targets("number").Single();
        string target = invocation.Text("name") ?? throw Errors.MissingArguments(["name"]);
        invocation.Environment.Files.WriteAtomic(target, ReadAll(invocation, file.Name!));
        return CommandResult.None;
    }

    /// <summary><c>read</c>: a chunk of text from an offset (RouterOS returns <c>data</c>).</summary>
    public static CommandResult Read(Invocation invocation)
    {
        string name = FileNames.Resolve(invocation, "file", invocation.Text("file") ?? throw Errors.MissingArguments(["file"]));
        byte[] bytes = ReadAll(invocation, name);
        long offset = invocation.Argument("offset") is RosNumber o ? o.Value : 0;
        long size = invocation.Argument("chunk-size") is RosNumber c ? c.Value : 4096;
        int start = (int)Math.Min(offset, bytes.Length);
        int length = (int)Math.Min(size, bytes.Length - start);
        return new RecordResult([new("data", RosValue.Of(Encoding.UTF8.GetString(bytes, start, length)))]);
    }

    /// <summary><c>head</c> and <c>tail</c>: the first or last <c>n</c> lines (10 by default).</summary>
    public static CommandResult Lines(Invocation invocation, bool tail)
    {
        ItemView file = invocation.Targets("number").Single();
        string[] lines = Encoding.UTF8.GetString(ReadAll(invocation, file.Name!)).Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }

        int n = invocation.Argument("n") is RosNumber count ? (int)count.Value : 10;
        IEnumerable<string> chosen = tail ? lines.TakeLast(n) : lines.Take(n);
        bool numbered = invocation.Flag("numbered");
        int first = tail ? Math.Max(0, lines.Length - n) : 0;
        return new TextResult(chosen.Select((line, i) => numbered ? (first + i + 1).ToString(CultureInfo.InvariantCulture) + ": " + line : line).ToArray());
    }

    /// <summary>One file as <c>get</c> sees it: the listed properties plus its <c>contents</c>.</summary>
    public static ItemView? Find(Invocation invocation, string? name, ItemId? id)
    {
        ItemView? listed = invocation.Items().FirstOrDefault(i => (name is not null && i.Name == name) || (id is not null && i.Id == id));
        if (listed is null || invocation.Command.Name != "get" || invocation.Text("value-name") != "contents")
        {
            return listed;
        }

        byte[] bytes = ReadAll(invocation, listed.Name!);
        if (bytes.Length > MaxGet)
        {
            throw Errors.Failure($"file is larger than {MaxGet} bytes, use /file read");
        }

        return new ItemView(listed.Id, [.. listed.Values, new("contents", RosValue.Of(Encoding.UTF8.GetString(bytes)))], listed.Flags);
    }

    private static byte[] ReadAll(Invocation invocation, string name)
    {
        IFilesArea files = invocation.Environment.Files;
        byte[] bytes = files.Read(name, invocation.Session.LocalFileAccess);
        if (bytes.Length > MaxContents && invocation.Session.Face != Face.Console)
        {
            throw Errors.Failure($"file is larger than {MaxContents} bytes");
        }

        if (HoldsKey(name, bytes) && invocation.Session.Rights < Rights.Full)
        {
            throw Errors.NotPermitted();
        }

        return bytes;
    }

    private static void Write(Invocation invocation, string name, string contents)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(contents);
        if (bytes.Length > MaxContents)
        {
            throw Errors.Failure($"contents are larger than {MaxContents} bytes");
        }

        invocation.Environment.Files.WriteAtomic(name, bytes);
    }

    /// <summary>Key files: PEM keys by label, PKCS#12 and key files by name.</summary>
    private static bool HoldsKey(string name, byte[] bytes) =>
        Encoding.ASCII.GetString(bytes).Contains("PRIVATE KEY", StringComparison.Ordinal)
        || name.EndsWith(".p12", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase);
}
