using RosCert.Core.Errors;
using RosCert.Core.Ports;
using RosCert.Store.IO;

namespace RosCert.Store.Files;

/// <summary>
/// The RouterOS files area, <c>&lt;data-dir&gt;/files/</c>. Like RouterOS, every file a command
/// names lives here; only a local console may name an absolute path. Names are checked lexically
/// (no <c>..</c>) and then by their real path, so a symbolic link cannot lead out of the area.
/// </summary>
public sealed class FilesArea : IFilesArea
{
    private readonly string _realRoot;

    /// <summary>Uses <paramref name="root"/> as the area, creating it with mode 0700 if missing.</summary>
    public FilesArea(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        UnixFiles.CreatePrivateDirectory(Root);
        _realRoot = RealPath.Resolve(Root);
    }

    public string Root { get; }

    public static FilesArea Open(DataDirectory directory) => new(directory.FilesPath);

    /// <summary>Every file below the area, by relative name with <c>/</c>, sorted ordinally.</summary>
    public IReadOnlyList<FileEntry> List()
    {
        var entries = new List<FileEntry>();
        Collect(new DirectoryInfo(Root), "", entries);
        entries.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
        return entries;
    }

    public string Resolve(string name, bool allowAbsolute)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('\0', StringComparison.Ordinal))
        {
            throw NoSuchFile();
        }

        if (name.Split('/').Contains("..") || (Path.IsPathRooted(name) && !allowAbsolute))
        {
            throw Outside();
        }

        if (Path.IsPathRooted(name))
        {
            return Path.GetFullPath(name);
        }

        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(Root, name)));
        if (full == Root)
        {
            throw NoSuchFile();
        }

        return RealPath.IsBelow(RealPath.Resolve(full), _realRoot) ? full : throw Outside();
    }

    public byte[] Read(string name, bool allowAbsolute)
    {
        string path = Resolve(name, allowAbsolute);
        return File.Exists(path) ? File.ReadAllBytes(path) : throw NoSuchFile();
    }

    /// <summary>Replaces or creates the file atomically with mode 0600, creating directories (0700) as needed.</summary>
    public void WriteAtomic(string name, ReadOnlySpan<byte> contents)
    {
        string path = Resolve(name, allowAbsolute: false);
        string directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            UnixFiles.CreatePrivateTree(directory);
        }

        UnixFiles.WriteAtomic(path, contents);
    }

    public void Delete(string name)
    {
        string path = Resolve(name, allowAbsolute: false);
        if (!File.Exists(path))
        {
            throw NoSuchFile();
        }

        File.Delete(path);
    }

    private static RouterOsException Outside() => Errors.Failure("file name may not leave the files area");

    private static RouterOsException NoSuchFile() => Errors.Failure("no such file");

    private void Collect(DirectoryInfo directory, string prefix, List<FileEntry> entries)
    {
        foreach (FileSystemInfo info in directory.EnumerateFileSystemInfos())
        {
            string name = prefix + info.Name;
            if (info.LinkTarget is not null && !RealPath.IsBelow(RealPath.Resolve(info.FullName), _realRoot))
            {
                continue; // a link that leads out is not part of the area
            }

            if (info is DirectoryInfo subdirectory)
            {
                // Links to directories are not walked: that could loop, and the name is reachable anyway.
                if (info.LinkTarget is null)
                {
                    Collect(subdirectory, name + "/", entries);
                }
            }
            else if (!UnixFiles.IsTempName(info.Name) && info is FileInfo file && file.Exists)
            {
                entries.Add(new FileEntry(name, file.Length, new DateTimeOffset(file.LastWriteTimeUtc)));
            }
        }
    }
}
