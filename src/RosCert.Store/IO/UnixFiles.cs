using System.Runtime.Versioning;

namespace RosCert.Store.IO;

/// <summary>
/// The few POSIX file operations the store needs: private directories (0700), private files (0600),
/// atomic replacement (temp file, fsync, rename). RosCert targets Linux; the guards keep the
/// platform analyzer honest and fail loudly elsewhere.
/// </summary>
internal static class UnixFiles
{
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode PrivateDirectory = PrivateFile | UnixFileMode.UserExecute;

    private const string TempSuffix = ".roscert-tmp";

    /// <summary>Creates <paramref name="path"/> with mode 0700 if missing; parents get the default mode.</summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (!IsSupported)
        {
            throw NotSupported();
        }

        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (Directory.Exists(full))
        {
            return;
        }

        string? parent = Path.GetDirectoryName(full);
        if (parent is not null)
        {
            Directory.CreateDirectory(parent);
        }

        Directory.CreateDirectory(full, PrivateDirectory);
    }

    /// <summary>Creates <paramref name="path"/> and every missing directory above it with mode 0700.</summary>
    public static void CreatePrivateTree(string path)
    {
        if (!IsSupported)
        {
            throw NotSupported();
        }

        // Directory.CreateDirectory applies its mode to the last directory only, so walk down level by level.
        var missing = new Stack<string>();
        string? current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        for (; current is not null && !Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            missing.Push(current);
        }

        while (missing.TryPop(out string? directory))
        {
            Directory.CreateDirectory(directory, PrivateDirectory);
        }
    }

    public static UnixFileMode GetMode(string path)
    {
        if (!IsSupported)
        {
            throw NotSupported();
        }

        return File.GetUnixFileMode(path);
    }

    /// <summary>Creates an empty file with mode 0600 unless it exists (so SQLite never creates it 0644).</summary>
    public static void CreatePrivateFileIfMissing(string path)
    {
        if (!IsSupported)
        {
            throw NotSupported();
        }

        try
        {
            using var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = PrivateFile,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; theirs is as good as ours.
        }
    }

    /// <summary>True for the temporary files <see cref="WriteTemp"/> leaves behind after a crash.</summary>
    public static bool IsTempName(string name) => name.EndsWith(TempSuffix, StringComparison.Ordinal);

    /// <summary>
    /// Writes <paramref name="contents"/> to a new 0600 file beside <paramref name="target"/> and
    /// fsyncs it, so a rename over the target never exposes a half-written file after a crash.
    /// </summary>
    public static string WriteTemp(string target, ReadOnlySpan<byte> contents)
    {
        if (!IsSupported)
        {
            throw NotSupported();
        }

        string directory = Path.GetDirectoryName(target) ?? ".";
        string temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}{TempSuffix}");
        using var stream = new FileStream(temp, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = PrivateFile,
        });
        stream.Write(contents);
        stream.Flush(flushToDisk: true);
        return temp;
    }

    /// <summary>Replaces <paramref name="target"/> atomically (rename(2) within one directory).</summary>
    public static void WriteAtomic(string target, ReadOnlySpan<byte> contents)
    {
        string temp = WriteTemp(target, contents);
        try
        {
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>
    /// Creates <paramref name="target"/> atomically unless it already exists; returns false when
    /// another process won the race (a no-replace move refuses to overwrite their file).
    /// </summary>
    public static bool TryCreateAtomic(string target, ReadOnlySpan<byte> contents)
    {
        string temp = WriteTemp(target, contents);
        try
        {
            File.Move(temp, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    [UnsupportedOSPlatformGuard("windows")]
    private static bool IsSupported => !OperatingSystem.IsWindows();

    private static PlatformNotSupportedException NotSupported() =>
        new("RosCert keeps its data with POSIX permissions and runs on Linux only.");
}
