using RosCert.Commands.Execution;
using RosCert.Core.Errors;
using RosCert.Core.Ports;

namespace RosCert.Commands.Menus.Files;

/// <summary>
/// A <c>file-name</c> argument (reference §2.9, issue 4): relative to the files area; an exact name
/// wins, else a unique prefix is taken and several matches are
/// <c>ambiguous value of file-name, more than one possible value matches input</c>. The local
/// console may also give an absolute path; remote faces never may, and <c>..</c> never leaves the area.
/// </summary>
public static class FileNames
{
    public static string Resolve(Invocation invocation, string argument, string name)
    {
        if (name.StartsWith('/'))
        {
            return name; // the files area decides whether this face may name absolute paths
        }

        IReadOnlyList<FileEntry> files = invocation.Environment.Files.List();
        if (files.Any(f => f.Name == name))
        {
            return name;
        }

        string[] prefixed = files.Where(f => f.Name.StartsWith(name, StringComparison.Ordinal)).Select(f => f.Name).ToArray();
        return prefixed.Length switch
        {
            1 => prefixed[0],
            > 1 => throw Errors.Ambiguous(argument),
            _ => name,
        };
    }

    public static byte[] Read(Invocation invocation, string argument)
    {
        string name = Resolve(invocation, argument, invocation.Text(argument)!);
        return invocation.Environment.Files.Read(name, invocation.Session.LocalFileAccess);
    }
}
