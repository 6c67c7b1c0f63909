using System.Security.Cryptography;
using System.Text;
using RosCert.Core.Ports;
using RosCert.Store.IO;

namespace RosCert.Store.Files;

/// <summary>
/// <c>crl-store=ram</c> (reference §2.19): downloaded CRLs as files <c>&lt;fingerprint&gt;.crl</c> in
/// <c>$XDG_RUNTIME_DIR/roscert/&lt;data-dir hash&gt;/crl/</c> (a tmpfs the system empties at logout and
/// reboot; XDG Base Directory Specification), else <c>/dev/shm/roscert-&lt;user&gt;/&lt;data-dir hash&gt;/crl/</c>.
/// Every process on the same data directory shares them. Directories are 0700, files 0600 and
/// written atomically; a directory with a looser mode (someone else's) is not used.
/// </summary>
public sealed class RuntimeCrlCache : ICrlCache
{
    private readonly string _directory;

    public RuntimeCrlCache(string directory)
    {
        _directory = directory;
    }

    /// <summary>The cache of a data directory, under the runtime directory the environment names.</summary>
    public static RuntimeCrlCache For(string dataDirectory, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..16];
        string? runtime = environment("XDG_RUNTIME_DIR");
        string root = !string.IsNullOrEmpty(runtime) && Path.IsPathFullyQualified(runtime) && Directory.Exists(runtime)
            ? Path.Combine(runtime, "roscert")
            : Path.Combine("/dev/shm", "roscert-" + Environment.UserName);
        return new RuntimeCrlCache(Path.Combine(root, hash, "crl"));
    }

    public string Location => _directory;

    public byte[]? Read(string fingerprint)
    {
        string path = PathOf(fingerprint);
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public bool Contains(string fingerprint) => File.Exists(PathOf(fingerprint));

    /// <exception cref="IOException">The cache directory is not private to this user.</exception>
    public void Write(string fingerprint, byte[] der)
    {
        string path = PathOf(fingerprint);
        UnixFiles.CreatePrivateTree(_directory);
        if (UnixFiles.GetMode(_directory) != UnixFiles.PrivateDirectory)
        {
            throw new IOException($"the CRL cache {_directory} is not private (mode 0700); remove it or set XDG_RUNTIME_DIR");
        }

        UnixFiles.WriteAtomic(path, der);
    }

    public void Delete(string fingerprint)
    {
        string path = PathOf(fingerprint);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Only a SHA-256 in lower-case hex names a file: nothing else can reach the path.</summary>
    private string PathOf(string fingerprint)
    {
        if (fingerprint.Length != 64 || !fingerprint.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ArgumentException("a CRL fingerprint is 64 lower-case hex digits", nameof(fingerprint));
        }

        return Path.Combine(_directory, fingerprint + ".crl");
    }
}
