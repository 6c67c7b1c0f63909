namespace RosCert.Store.Files;

/// <summary>
/// realpath(3) in managed code: an absolute path with every symbolic link and <c>..</c> resolved,
/// component by component, as the kernel would walk it. Components that do not exist yet are
/// appended as they are, so the result also says where a file about to be created would land.
/// </summary>
internal static class RealPath
{
    // Linux gives up after 40 links in one lookup (MAXSYMLINKS, path_resolution(7)).
    private const int MaxLinks = 40;

    public static string Resolve(string absolutePath)
    {
        var pending = new Stack<string>();
        Push(pending, absolutePath);
        string current = "/";
        bool exists = true;
        int links = 0;
        while (pending.TryPop(out string? segment))
        {
            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }

            string candidate = Path.Join(current, segment);
            string? target = exists ? LinkTarget(candidate, out exists) : null;
            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"too many levels of symbolic links: {absolutePath}");
            }

            // A relative target is read from the link's directory, which is where we stand.
            Push(pending, target);
            if (Path.IsPathRooted(target))
            {
                current = "/";
            }
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is strictly below <paramref name="directory"/> (both real paths).</summary>
    public static bool IsBelow(string path, string directory)
    {
        string prefix = directory.EndsWith('/') ? directory : directory + "/";
        return path.Length > prefix.Length && path.StartsWith(prefix, StringComparison.Ordinal);
    }

    private static void Push(Stack<string> pending, string path)
    {
        string[] segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (int i = segments.Length - 1; i >= 0; i--)
        {
            if (segments[i] != ".")
            {
                pending.Push(segments[i]);
            }
        }
    }

    private static string? LinkTarget(string path, out bool exists)
    {
        try
        {
            exists = true;
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            // Missing (or under a non-directory): nothing below it can be a link either.
            exists = false;
            return null;
        }
    }
}
