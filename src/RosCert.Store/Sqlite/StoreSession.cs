using Microsoft.Data.Sqlite;
using RosCert.Core.Errors;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using RosCert.Store.Records;

namespace RosCert.Store.Sqlite;

/// <summary>
/// One connection with its prepared statements: the reader and writer a transaction hands to the
/// command. Used by one thread at a time; <see cref="SqliteStore"/> pools them.
/// </summary>
internal sealed partial class StoreSession : IStoreWriter, IDisposable
{
    // SQLite extended result code SQLITE_CONSTRAINT_UNIQUE (sqlite.org/rescode.html#constraint_unique).
    private const int ConstraintUnique = 2067;

    private readonly CommandCache _commands;

    private StoreSession(SqliteConnection connection)
    {
        Connection = connection;
        _commands = new CommandCache(connection);
    }

    public SqliteConnection Connection { get; }

    public static StoreSession Open(string connectionString, int busyTimeoutMilliseconds)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Configure(connection, busyTimeoutMilliseconds);
            return new StoreSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Begin(bool immediate) => _commands.Execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");

    public void Commit() => _commands.Execute("COMMIT");

    /// <summary>False once a rollback failed: the connection's transaction state is unknown, so it is not reused.</summary>
    public bool IsReusable { get; private set; } = true;

    /// <summary>Rolls back without masking the exception that caused it.</summary>
    public void RollbackQuietly()
    {
        try
        {
            _commands.Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // SQLite may already have rolled back (SQLITE_FULL, SQLITE_IOERR); the cause is rethrown by the caller.
            IsReusable = false;
        }
    }

    public void BumpChangeCounter() => _commands.Execute("UPDATE meta SET value = value + 1 WHERE key = 'change'");

    public long ChangeCounter() => (long)_commands.Scalar("SELECT value FROM meta WHERE key = 'change'")!;

    public IReadOnlyList<CertificateEntry> Certificates() => ReadCertificates(_commands.Bind(CertificateStatements.SelectAll));

    public int CertificateCount() => (int)(long)_commands.Scalar("SELECT count(*) FROM certificates")!;

    public CertificateEntry? Certificate(ItemId id) =>
        ReadCertificates(_commands.Bind(CertificateStatements.SelectById, ("$id", (long)id.Value))).SingleOrDefault();

    public CertificateEntry? CertificateByName(string name) =>
        ReadCertificates(_commands.Bind(CertificateStatements.SelectByName, ("$name", name))).SingleOrDefault();

    public CertificateEntry? CertificateByFingerprint(string fingerprint) =>
        ReadCertificates(_commands.Bind(CertificateStatements.SelectByFingerprint, ("$fingerprint", fingerprint))).FirstOrDefault();

    public IReadOnlyList<CertificateEntry> CertificatesByPublicKey(string publicKeyHash) =>
        ReadCertificates(_commands.Bind(CertificateStatements.SelectByPublicKey, ("$hash", publicKeyHash)));

    public SealedKey? PendingKey(string publicKeyHash) =>
        _commands.Scalar("SELECT private_key FROM pending_keys WHERE public_key_sha256 = $hash", ("$hash", publicKeyHash)) is byte[] key
            ? new SealedKey(key)
            : null;

    public IReadOnlyList<(string Hash, SealedKey Key)> PendingKeys()
    {
        var keys = new List<(string, SealedKey)>();
        using SqliteDataReader reader = _commands.Bind("SELECT public_key_sha256, private_key FROM pending_keys ORDER BY public_key_sha256").ExecuteReader();
        while (reader.Read())
        {
            keys.Add((reader.GetString(0), new SealedKey((byte[])reader.GetValue(1))));
        }

        return keys;
    }

    /// <summary>integrity_check rows other than <c>ok</c>, foreign_key_check rows, and duplicate names (rows scanned, no index).</summary>
    public IReadOnlyList<string> DatabaseFindings()
    {
        var findings = new List<string>();
        findings.AddRange(Rows("PRAGMA integrity_check", r => r.GetString(0)).Where(row => row != "ok").Select(row => row.StartsWith("database: ", StringComparison.Ordinal) ? row : "database: " + row));

        findings.AddRange(Rows("PRAGMA foreign_key_check", r => $"database: {r.GetString(0)} row {r.GetInt64(1)} refers to a missing {r.GetString(2)} row"));
        findings.AddRange(Rows(
            "SELECT name, count(*) FROM certificates NOT INDEXED GROUP BY name HAVING count(*) > 1",
            r => $"certificate name {r.GetString(0)} is used {r.GetInt64(1)} times"));
        findings.AddRange(Rows(
            "SELECT menu, name, count(*) FROM items NOT INDEXED WHERE name IS NOT NULL GROUP BY menu, name HAVING count(*) > 1",
            r => $"{r.GetString(0)} name {r.GetString(1)} is used {r.GetInt64(2)} times"));
        return findings;
    }

    /// <summary>Rows of a check query; a query that fails on a damaged schema is itself a finding, as text.</summary>
    private List<string> Rows(string sql, Func<SqliteDataReader, string> map)
    {
        var rows = new List<string>();
        try
        {
            using SqliteDataReader reader = _commands.Bind(sql).ExecuteReader();
            while (reader.Read())
            {
                rows.Add(map(reader));
            }
        }
        catch (SqliteException error)
        {
            rows.Add("database: " + error.Message);
        }

        return rows;
    }

    public int PendingKeyCount() => (int)(long)_commands.Scalar("SELECT count(*) FROM pending_keys")!;

    public void PutPendingKey(string publicKeyHash, SealedKey key) =>
        _commands.Execute(
            "INSERT INTO pending_keys (public_key_sha256, private_key) VALUES ($hash, $key) ON CONFLICT (public_key_sha256) DO UPDATE SET private_key = excluded.private_key",
            ("$hash", publicKeyHash),
            ("$key", key.Bytes));

    public void DeletePendingKey(string publicKeyHash) =>
        _commands.Execute("DELETE FROM pending_keys WHERE public_key_sha256 = $hash", ("$hash", publicKeyHash));

    public SealedKey? Secret(string name) =>
        _commands.Scalar("SELECT sealed FROM secrets WHERE name = $name", ("$name", name)) is byte[] secret ? new SealedKey(secret) : null;

    public void PutSecret(string name, SealedKey secret) =>
        _commands.Execute(
            "INSERT INTO secrets (name, sealed) VALUES ($name, $sealed) ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed",
            ("$name", name),
            ("$sealed", secret.Bytes));

    public void DeleteSecret(string name) => _commands.Execute("DELETE FROM secrets WHERE name = $name", ("$name", name));

    public byte[]? CrlBytes(string fingerprint) =>
        _commands.Scalar("SELECT der FROM crl_bytes WHERE fingerprint = $fingerprint", ("$fingerprint", fingerprint)) as byte[];

    public void PutCrlBytes(string fingerprint, byte[] der) =>
        _commands.Execute(
            "INSERT INTO crl_bytes (fingerprint, der) VALUES ($fingerprint, $der) ON CONFLICT (fingerprint) DO NOTHING",
            ("$fingerprint", fingerprint),
            ("$der", der));

    public void DeleteCrlBytes(string fingerprint) =>
        _commands.Execute("DELETE FROM crl_bytes WHERE fingerprint = $fingerprint", ("$fingerprint", fingerprint));

    public IReadOnlyList<CertificateEntry> CertificatesBySkid(string skid) =>
        ReadCertificates(_commands.Bind(CertificateStatements.SelectBySkid, ("$skid", skid)));

    public IReadOnlyList<CertificateEntry> ManagedCertificates() => ReadCertificates(_commands.Bind(CertificateStatements.SelectManaged));

    public IReadOnlyList<CertificateEntry> CrlSigners() => ReadCertificates(_commands.Bind(CertificateStatements.SelectCrlSigners));

    public CrlRecord? Crl(ItemId caId) => ReadCrls("WHERE crls.ca_id = $id", ("$id", (long)caId.Value)) is [var crl, ..] ? crl : null;

    public IReadOnlyList<CrlRecord> Crls() => ReadCrls("");

    public IEnumerable<RevokedSerial> RevokedBy(ItemId caId)
    {
        SqliteCommand command = _commands.Bind(
            "SELECT serial_number, revoked, revocation_reason FROM certificates WHERE issued_by = $id AND revoked IS NOT NULL ORDER BY serial_number",
            ("$id", (long)caId.Value));
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new RevokedSerial(reader.GetString(0), DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(1)), reader.IsDBNull(2) ? null : reader.GetString(2));
        }
    }

    public long RevokedCount(ItemId caId) =>
        (long)_commands.Scalar("SELECT count(*) FROM certificates WHERE issued_by = $id AND revoked IS NOT NULL", ("$id", (long)caId.Value))!;

    public void PutCrl(CrlRecord crl)
    {
        PutCrlState(crl);
        if (crl.Der is null)
        {
            _commands.Execute("DELETE FROM crl_der WHERE ca_id = $id", ("$id", (long)crl.CaId.Value));
            return;
        }

        _commands.Execute(
            "INSERT INTO crl_der (ca_id, der) VALUES ($id, $der) ON CONFLICT (ca_id) DO UPDATE SET der = excluded.der",
            ("$id", (long)crl.CaId.Value),
            ("$der", crl.Der));
    }

    private IReadOnlyList<CrlRecord> ReadCrls(string where, params ReadOnlySpan<(string Name, object? Value)> arguments)
    {
        SqliteCommand command = _commands.Bind("SELECT crls.ca_id, number, this_update, next_update, der, stale FROM crls LEFT JOIN crl_der USING (ca_id) " + where, arguments);
        using SqliteDataReader reader = command.ExecuteReader();
        var crls = new List<CrlRecord>();
        while (reader.Read())
        {
            crls.Add(new CrlRecord(
                new ItemId(checked((uint)reader.GetInt64(0))),
                reader.GetInt64(1),
                reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : (byte[])reader.GetValue(4),
                reader.GetInt64(5) != 0));
        }

        return crls;
    }

    public bool SerialInUse(string akid, string serialNumber) =>
        _commands.Scalar("SELECT 1 FROM certificates WHERE akid = $akid AND serial_number = $serial LIMIT 1", ("$akid", akid), ("$serial", serialNumber)) is not null;

    public string? Setting(string menu, string property) =>
        (string?)_commands.Scalar("SELECT value FROM settings WHERE menu = $menu AND property = $property", ("$menu", menu), ("$property", property));

    public IReadOnlyList<ItemRecord> Items(string menu) =>
        ReadItems(menu, _commands.Bind("SELECT id, name, props FROM items WHERE menu = $menu ORDER BY id", ("$menu", menu)));

    public IReadOnlyList<ItemRecord> ItemsWhere(string menu, string property, string value)
    {
        // The JSON path is written into the statement, not bound, so that SQLite matches it with the
        // expression indexes of Migrations (V8); property names are plain words, checked here.
        if (property.Length == 0 || !property.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException("not a property name: " + property, nameof(property));
        }

        // ORDER BY +id, not id: with a plain id SQLite walks the primary key (menu, id) to skip the
        // sort and tests every item of the menu, so one lookup cost O(items) (docs/performance.md, SCEP).
        string sql = $"SELECT id, name, props FROM items WHERE menu = $menu AND json_extract(props, '$.\"{property}\"') = $value ORDER BY +id";
        return ReadItems(menu, _commands.Bind(sql, ("$menu", menu), ("$value", value)));
    }

    private static List<ItemRecord> ReadItems(string menu, SqliteCommand command)
    {
        using SqliteDataReader reader = command.ExecuteReader();
        var items = new List<ItemRecord>();
        while (reader.Read())
        {
            string? name = reader.IsDBNull(1) ? null : reader.GetString(1);
            items.Add(new ItemRecord(menu, ToItemId(reader.GetInt64(0)), name, ItemProperties.FromJson(reader.GetString(2))));
        }

        return items;
    }

    public ItemId AllocateId(string menu)
    {
        // One statement: the first id of a menu is 1, and the counter row keeps growing past deletes.
        object? allocated = _commands.Scalar(
            """
            INSERT INTO counters (menu, next_id) VALUES ($menu, 2)
            ON CONFLICT (menu) DO UPDATE SET next_id = next_id + 1
            RETURNING next_id - 1
            """,
            ("$menu", menu));
        return ToItemId((long)allocated!);
    }

    public void Insert(CertificateEntry entry) =>
        MapUniqueName("certificate", () => _commands.Execute(CertificateStatements.Insert, CertificateStatements.Arguments(CertificateMapper.ToRow(entry))));

    public void Update(CertificateEntry entry)
    {
        int changed = MapUniqueName("certificate", () => _commands.Execute(CertificateStatements.Update, CertificateStatements.Arguments(CertificateMapper.ToRow(entry))));
        ThrowIfNone(changed);
    }

    public void DeleteCertificate(ItemId id) => ThrowIfNone(_commands.Execute(CertificateStatements.Delete, ("$id", (long)id.Value)));

    public void SetSetting(string menu, string property, string? value)
    {
        if (value is null)
        {
            _commands.Execute("DELETE FROM settings WHERE menu = $menu AND property = $property", ("$menu", menu), ("$property", property));
            return;
        }

        _commands.Execute(
            """
            INSERT INTO settings (menu, property, value) VALUES ($menu, $property, $value)
            ON CONFLICT (menu, property) DO UPDATE SET value = excluded.value
            """,
            ("$menu", menu), ("$property", property), ("$value", value));
    }

    public void PutItem(ItemRecord item) =>
        MapUniqueName("item", () => _commands.Execute(
            """
            INSERT INTO items (menu, id, name, props) VALUES ($menu, $id, $name, $props)
            ON CONFLICT (menu, id) DO UPDATE SET name = excluded.name, props = excluded.props
            """,
            ("$menu", item.Menu), ("$id", (long)item.Id.Value), ("$name", item.Name), ("$props", ItemProperties.ToJson(item.Properties))));

    public void DeleteItem(string menu, ItemId id) =>
        ThrowIfNone(_commands.Execute("DELETE FROM items WHERE menu = $menu AND id = $id", ("$menu", menu), ("$id", (long)id.Value)));

    public void Dispose()
    {
        _commands.Dispose();
        Connection.Dispose();
    }

    /// <summary>
    /// Per-connection settings. WAL lets readers run beside the one writer and, with
    /// <c>synchronous=NORMAL</c>, loses no committed transaction when the process is killed (only a
    /// power cut may drop the last commits; sqlite.org/pragma.html#pragma_synchronous). Foreign keys
    /// are off by default for compatibility and must be enabled on every connection.
    /// </summary>
    private static void Configure(SqliteConnection connection, int busyTimeoutMilliseconds)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMilliseconds:D}";
        command.ExecuteNonQuery();
        command.CommandText = "PRAGMA journal_mode = WAL";
        string? mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreException($"the database {connection.DataSource} cannot use write-ahead logging (journal mode {mode})");
        }

        command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON";
        command.ExecuteNonQuery();
    }

    private static List<CertificateEntry> ReadCertificates(SqliteCommand command)
    {
        using SqliteDataReader reader = command.ExecuteReader();
        var entries = new List<CertificateEntry>();
        while (reader.Read())
        {
            entries.Add(CertificateMapper.FromRow(reader));
        }

        return entries;
    }

    /// <summary>
    /// A duplicate name becomes the RouterOS error the domain already raises for it, so a race the
    /// domain's own check missed surfaces as the same <see cref="RouterOsException"/>.
    /// </summary>
    private static int MapUniqueName(string what, Func<int> execute)
    {
        try
        {
            return execute();
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode == ConstraintUnique)
        {
            throw Errors.NameExists(what);
        }
    }

    private static void ThrowIfNone(int changed)
    {
        if (changed == 0)
        {
            throw Errors.NoSuchItem();
        }
    }

    private static ItemId ToItemId(long value) => new(checked((uint)value));
}
