using System.Globalization;
using System.Security.Cryptography;
using RosCert.Store.IO;

namespace RosCert.Store.Keys;

/// <summary>
/// The 32-byte key that seals private keys at rest. It lives outside the data directory, so a copy
/// of the data directory (a backup, a support tarball) does not carry the means to open its keys.
/// </summary>
public sealed class MasterKey
{
    public const int Length = 32;

    public const string EnvironmentVariable = "ROSCERT_MASTER_KEY_FILE";

    private readonly byte[] _key;

    private MasterKey(string path, byte[] key)
    {
        Path = path;
        _key = key;
    }

    /// <summary>A key that lives in memory only (a backup's key-wrapping key, derived from its passphrase).</summary>
    internal static MasterKey FromBytes(byte[] key) =>
        key.Length == Length ? new MasterKey("(derived)", key) : throw new ArgumentException("a master key has 32 bytes", nameof(key));

    /// <summary>The key file this key was read from.</summary>
    public string Path { get; }

    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>
    /// The key file: <c>ROSCERT_MASTER_KEY_FILE</c>, else <c>$XDG_CONFIG_HOME/roscert/master.key</c>,
    /// else <c>~/.config/roscert/master.key</c>.
    /// </summary>
    /// <param name="environment">Reads an environment variable; defaults to the process environment.</param>
    public static string ResolvePath(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? path = environment(EnvironmentVariable);
        if (!string.IsNullOrEmpty(path))
        {
            return System.IO.Path.GetFullPath(path);
        }

        return System.IO.Path.Combine(XdgPaths.AppDirectory(environment, "XDG_CONFIG_HOME", ".config"), "master.key");
    }

    /// <summary>
    /// Reads the key file at <paramref name="path"/>, creating it (0600, in a 0700 directory) with
    /// fresh random bytes when it does not exist. When two processes race, both end up with the
    /// file that won the no-replace rename.
    /// </summary>
    /// <exception cref="StoreException">The file has the wrong length or is readable by others.</exception>
    public static MasterKey LoadOrCreate(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            Create(path);
        }

        return Load(path);
    }

    private static void Create(string path)
    {
        UnixFiles.CreatePrivateDirectory(System.IO.Path.GetDirectoryName(path)!);
        byte[] fresh = RandomNumberGenerator.GetBytes(Length);
        try
        {
            UnixFiles.TryCreateAtomic(path, fresh);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fresh);
        }
    }

    private static MasterKey Load(string path)
    {
        UnixFileMode mode = UnixFiles.GetMode(path);
        if ((mode & ~UnixFiles.PrivateFile) != 0)
        {
            string octal = Convert.ToString((int)mode, 8).PadLeft(4, '0');
            throw new StoreException(
                $"master key file {path} has mode {octal}; it must not be readable by others (chmod 600 {path})");
        }

        long length = new FileInfo(path).Length;
        if (length != Length)
        {
            throw new StoreException(string.Create(
                CultureInfo.InvariantCulture,
                $"master key file {path} holds {length} bytes, not {Length}; refusing to use or replace it"));
        }

        return new MasterKey(path, File.ReadAllBytes(path));
    }
}
