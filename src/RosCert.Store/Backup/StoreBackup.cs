using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Store.IO;
using RosCert.Store.Keys;

namespace RosCert.Store.Backup;

/// <summary>
/// <c>roscert backup</c> / <c>roscert restore</c> (decision 0052): the whole database in one file
/// encrypted under a passphrase, restorable on another machine with its own master key.
/// Layout: <c>"RCBK" | version 1 | salt (16) | PBKDF2 iterations (4, big-endian) | nonce (12) |
/// AES-256-GCM ciphertext of the database | tag (16)</c>. PBKDF2-HMAC-SHA256 derives 64 bytes: the
/// first half encrypts the file, the second re-seals every private key inside it, so the database
/// image never holds a key in clear, not even in memory as a whole, and never one sealed under the
/// machine's master key (useless elsewhere).
/// </summary>
public static class StoreBackup
{
    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA256.</summary>
    public const int Iterations = 600_000;

    /// <summary>A backup larger than this is refused before decrypting.</summary>
    public const long MaxBytes = 4L << 30;

    private const int SaltSize = 16;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 4 + 1 + SaltSize + 4 + NonceSize;

    private static ReadOnlySpan<byte> Magic => "RCBK"u8;

    /// <summary>The columns that hold keys sealed under the master key (table, key column, sealed column).</summary>
    private static readonly (string Table, string Key, string Sealed)[] s_sealedColumns =
    [
        ("certificates", "id", "private_key"),
        ("pending_keys", "public_key_sha256", "private_key"),
        ("secrets", "name", "sealed"),
    ];

    /// <summary>Writes a backup of <paramref name="store"/> to <paramref name="file"/> (mode 0600, replacing it).</summary>
    public static void Save(SqliteStore store, IKeyProtector masterKeys, string passphrase, string file)
    {
        ArgumentNullException.ThrowIfNull(store);
        byte[] salt = RandomNumberGenerator.GetBytes(SaltSize);
        (byte[] fileKey, AesGcmKeyProtector backupKeys) = Derive(passphrase, salt, Iterations);
        string image = TemporaryPath(Path.GetDirectoryName(store.DatabasePath)!);
        try
        {
            UnixFiles.CreatePrivateFileIfMissing(image);
            using (var source = new SqliteConnection(Connection(store.DatabasePath, SqliteOpenMode.ReadOnly)))
            using (var copy = new SqliteConnection(Connection(image, SqliteOpenMode.ReadWriteCreate)))
            {
                source.Open();
                copy.Open();
                source.BackupDatabase(copy); // one consistent snapshot, even while others write
                Reseal(copy, masterKeys, backupKeys);
            }

            byte[] plain = File.ReadAllBytes(image);
            byte[] sealedFile = Encrypt(fileKey, salt, plain);
            CryptographicOperations.ZeroMemory(plain);
            UnixFiles.WriteAtomic(file, sealedFile);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
            DeleteQuietly(image);
        }
    }

    /// <summary>
    /// Restores a backup into <paramref name="directory"/>, which must hold no database yet; every key
    /// is sealed under <paramref name="masterKeys"/> (this machine's master key).
    /// </summary>
    /// <exception cref="StoreException">Not a backup, a wrong passphrase, or a data dir already in use.</exception>
    public static void Restore(string file, string passphrase, DataDirectory directory, IKeyProtector masterKeys)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (File.Exists(directory.DatabasePath) && new FileInfo(directory.DatabasePath).Length > 0)
        {
            throw new StoreException($"{directory.DatabasePath} exists; restore only into an empty data dir");
        }

        if (new FileInfo(file).Length > MaxBytes)
        {
            throw new StoreException("the backup file is too large");
        }

        byte[] bytes = File.ReadAllBytes(file);
        if (bytes.Length < HeaderSize + TagSize || !bytes.AsSpan(0, 4).SequenceEqual(Magic) || bytes[4] != 1)
        {
            throw new StoreException("not a RosCert backup file");
        }

        byte[] salt = bytes[5..(5 + SaltSize)];
        int iterations = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5 + SaltSize, 4));
        if (iterations is < 10_000 or > 10_000_000)
        {
            throw new StoreException("the backup file's key derivation is out of range");
        }

        (byte[] fileKey, AesGcmKeyProtector backupKeys) = Derive(passphrase, salt, iterations);
        string image = TemporaryPath(directory.Path);
        try
        {
            byte[] plain = Decrypt(fileKey, bytes);
            UnixFiles.WriteAtomic(image, plain);
            CryptographicOperations.ZeroMemory(plain);
            using (var copy = new SqliteConnection(Connection(image, SqliteOpenMode.ReadWrite)))
            {
                copy.Open();
                Reseal(copy, backupKeys, masterKeys);
            }

            SqliteConnection.ClearAllPools();
            File.Move(image, directory.DatabasePath, overwrite: true);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
            DeleteQuietly(image);
        }
    }

    /// <summary>Opens every sealed blob with <paramref name="from"/> and seals it again with <paramref name="to"/>, in one transaction.</summary>
    private static void Reseal(SqliteConnection connection, IKeyProtector from, IKeyProtector to)
    {
        using SqliteTransaction transaction = connection.BeginTransaction();
        foreach ((string table, string key, string sealedColumn) in s_sealedColumns)
        {
            var rows = new List<(object Key, byte[] Sealed)>();
            using (SqliteCommand select = connection.CreateCommand())
            {
                select.CommandText = $"SELECT {key}, {sealedColumn} FROM {table} WHERE {sealedColumn} IS NOT NULL";
                using SqliteDataReader reader = select.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add((reader.GetValue(0), (byte[])reader.GetValue(1)));
                }
            }

            foreach ((object id, byte[] sealedBlob) in rows)
            {
                byte[] clear;
                try
                {
                    clear = from.Unseal(new SealedKey(sealedBlob));
                }
                catch (CryptographicException error)
                {
                    throw new StoreException($"a key in {table} does not open (wrong passphrase or master key): {error.Message}");
                }

                SealedKey resealed = to.Seal(clear);
                CryptographicOperations.ZeroMemory(clear);
                using SqliteCommand update = connection.CreateCommand();
                update.CommandText = $"UPDATE {table} SET {sealedColumn} = $sealed WHERE {key} = $key";
                update.Parameters.AddWithValue("$sealed", resealed.Bytes);
                update.Parameters.AddWithValue("$key", id);
                update.ExecuteNonQuery();
            }
        }

        transaction.Commit();

        // Freed pages would still hold the blobs sealed under the old key.
        using SqliteCommand vacuum = connection.CreateCommand();
        vacuum.CommandText = "VACUUM";
        vacuum.ExecuteNonQuery();
    }

    private static (byte[] FileKey, AesGcmKeyProtector BackupKeys) Derive(string passphrase, byte[] salt, int iterations)
    {
        byte[] derived = Rfc2898DeriveBytes.Pbkdf2(passphrase, salt, iterations, HashAlgorithmName.SHA256, 64);
        var backupKeys = new AesGcmKeyProtector(MasterKey.FromBytes(derived[32..]));
        byte[] fileKey = derived[..32];
        CryptographicOperations.ZeroMemory(derived);
        return (fileKey, backupKeys);
    }

    private static byte[] Encrypt(byte[] key, byte[] salt, byte[] plain)
    {
        byte[] output = new byte[HeaderSize + plain.Length + TagSize];
        Magic.CopyTo(output);
        output[4] = 1;
        salt.CopyTo(output, 5);
        BinaryPrimitives.WriteInt32BigEndian(output.AsSpan(5 + SaltSize, 4), Iterations);
        Span<byte> nonce = output.AsSpan(HeaderSize - NonceSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(HeaderSize, plain.Length), output.AsSpan(HeaderSize + plain.Length), output.AsSpan(0, HeaderSize));
        return output;
    }

    private static byte[] Decrypt(byte[] key, byte[] file)
    {
        int length = file.Length - HeaderSize - TagSize;
        byte[] plain = new byte[length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(file.AsSpan(HeaderSize - NonceSize, NonceSize), file.AsSpan(HeaderSize, length), file.AsSpan(HeaderSize + length), plain, file.AsSpan(0, HeaderSize));
            return plain;
        }
        catch (CryptographicException)
        {
            throw new StoreException("wrong passphrase, or the backup file is damaged");
        }
    }

    private static string Connection(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    private static string TemporaryPath(string directory) => Path.Combine(directory, $".backup-{Guid.NewGuid():N}.db");

    private static void DeleteQuietly(string path)
    {
        foreach (string file in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
            }
        }
    }
}
