using RosCert.Store.IO;

namespace RosCert.Store;

/// <summary>
/// The data directory: <c>store.db</c> (and its WAL files) plus the RouterOS files area
/// <c>files/</c>. Both are created with mode 0700 on first use, since they hold certificates and
/// sealed private keys.
/// </summary>
public sealed class DataDirectory
{
    public const string EnvironmentVariable = "ROSCERT_DATA_DIR";

    private DataDirectory(string path)
    {
        Path = path;
    }

    /// <summary>The absolute path of the data directory.</summary>
    public string Path { get; }

    public string DatabasePath => System.IO.Path.Combine(Path, "store.db");

    public string FilesPath => System.IO.Path.Combine(Path, "files");

    /// <summary>
    /// Resolves the data directory (<paramref name="explicitPath"/>, else <c>ROSCERT_DATA_DIR</c>,
    /// else <c>$XDG_DATA_HOME/roscert</c>, else <c>~/.local/share/roscert</c>) and creates it.
    /// </summary>
    /// <param name="environment">Reads an environment variable; defaults to the process environment.</param>
    public static DataDirectory Open(string? explicitPath = null, Func<string, string?>? environment = null)
    {
        string path = ResolvePath(explicitPath, environment ?? Environment.GetEnvironmentVariable);
        var directory = new DataDirectory(path);
        UnixFiles.CreatePrivateDirectory(directory.Path);
        UnixFiles.CreatePrivateDirectory(directory.FilesPath);
        return directory;
    }

    /// <summary>Resolves the path without touching the file system.</summary>
    public static string ResolvePath(string? explicitPath, Func<string, string?> environment)
    {
        string? path = string.IsNullOrEmpty(explicitPath) ? environment(EnvironmentVariable) : explicitPath;
        if (!string.IsNullOrEmpty(path))
        {
            return System.IO.Path.GetFullPath(path);
        }

        return XdgPaths.AppDirectory(environment, "XDG_DATA_HOME", System.IO.Path.Combine(".local", "share"));
    }
}
