using Microsoft.Data.Sqlite;

namespace RosCert.Store.Schema;

/// <summary>
/// The schema as an ordered list of steps: step <c>i</c> takes a database from version <c>i</c>
/// to <c>i + 1</c>, recorded in <c>PRAGMA user_version</c> (a header field SQLite reserves for the
/// application; it is written in the same transaction as the step). Append steps; never edit one
/// that has shipped.
/// </summary>
internal static class Migrations
{
    private const string V1 = """
        CREATE TABLE counters (
            menu TEXT PRIMARY KEY NOT NULL,
            next_id INTEGER NOT NULL CHECK (next_id >= 1)
        );
        CREATE TABLE settings (
            menu TEXT NOT NULL,
            property TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (menu, property)
        );
        CREATE TABLE items (
            menu TEXT NOT NULL,
            id INTEGER NOT NULL,
            name TEXT,
            props TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (menu, id),
            UNIQUE (menu, name)
        );
        CREATE TABLE certificates (
            id INTEGER PRIMARY KEY NOT NULL,
            name TEXT NOT NULL UNIQUE,
            common_name TEXT NOT NULL,
            country TEXT NOT NULL,
            state TEXT NOT NULL,
            locality TEXT NOT NULL,
            organization TEXT NOT NULL,
            unit TEXT NOT NULL,
            subject_alt_name TEXT NOT NULL,
            key_size TEXT NOT NULL,
            days_valid INTEGER NOT NULL,
            digest_algorithm TEXT NOT NULL,
            key_usage INTEGER NOT NULL,
            trusted INTEGER CHECK (trusted IN (0, 1)),
            trust_store TEXT NOT NULL,
            der BLOB,
            private_key BLOB,
            serial_number TEXT,
            fingerprint TEXT,
            skid TEXT,
            akid TEXT,
            invalid_before INTEGER,
            invalid_after INTEGER,
            issuer TEXT,
            issued_by INTEGER REFERENCES certificates (id),
            ca_crl_host TEXT,
            revoked INTEGER,
            no_key_export INTEGER NOT NULL CHECK (no_key_export IN (0, 1))
        );
        """;

    // The change counter lets every process see any commit (PRAGMA data_version alone only reports
    // other connections' commits, and only to the connection that asks). The index serves the
    // foreign key: SQLite scans the child table on every parent delete without one
    // (sqlite.org/foreignkeys.html §3, "Required and Suggested Database Indexes").
    private const string V2 = """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY NOT NULL,
            value INTEGER NOT NULL
        );
        INSERT INTO meta (key, value) VALUES ('change', 0);
        CREATE INDEX certificates_issued_by ON certificates (issued_by) WHERE issued_by IS NOT NULL;
        """;

    // Serial numbers are unique per issuing key (RFC 5280 §4.1.2.2): signing checks (akid, serial)
    // before it stores a certificate, so that lookup has an index.
    private const string V3 = """
        CREATE INDEX certificates_akid_serial ON certificates (akid, serial_number) WHERE serial_number IS NOT NULL;
        """;

    // Imports (issue 4): certificates are found by fingerprint (no duplicates) and by public key (a key
    // finds its certificate, whichever arrives first); a key without its certificate waits sealed in
    // pending_keys. crl_points keeps the CRL Distribution Points a certificate carries (flag L).
    private const string V4 = """
        ALTER TABLE certificates ADD COLUMN crl_points TEXT;
        ALTER TABLE certificates ADD COLUMN public_key_sha256 TEXT;
        CREATE INDEX certificates_fingerprint ON certificates (fingerprint) WHERE fingerprint IS NOT NULL;
        CREATE INDEX certificates_public_key ON certificates (public_key_sha256) WHERE public_key_sha256 IS NOT NULL;
        CREATE TABLE pending_keys (
            public_key_sha256 TEXT PRIMARY KEY NOT NULL,
            private_key BLOB NOT NULL
        );
        """;

    // Revocation and CRLs (issue 6): the reason of a revocation; one CRL per local CA, its number, its
    // bytes and whether a revocation made it stale (rebuilt after the revoking transaction commits,
    // so a big CRL never holds the write lock).
    private const string V5 = """
        ALTER TABLE certificates ADD COLUMN revocation_reason TEXT;
        CREATE INDEX certificates_revoked ON certificates (issued_by) WHERE revoked IS NOT NULL;
        CREATE INDEX certificates_skid ON certificates (skid) WHERE skid IS NOT NULL;
        CREATE TABLE crls (
            ca_id INTEGER PRIMARY KEY NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            this_update INTEGER,
            next_update INTEGER,
            der BLOB,
            stale INTEGER NOT NULL CHECK (stale IN (0, 1))
        );
        """;

    // Protocol clients (issues 7, 8): the SCEP or ACME client that manages a certificate entry, as JSON;
    // secrets that are not a certificate's key (ACME account keys) sealed under the master key, by name.
    private const string V6 = """
        ALTER TABLE certificates ADD COLUMN managed TEXT;
        CREATE TABLE secrets (
            name TEXT PRIMARY KEY NOT NULL,
            sealed BLOB NOT NULL
        );
        """;

    // Downloaded and imported CRLs (issue 6, /certificate/crl): their bytes, content-addressed by
    // SHA-256, when crl-store=system or imported from a file; the entries themselves are items.
    private const string V7 = """
        CREATE TABLE crl_bytes (
            fingerprint TEXT PRIMARY KEY NOT NULL,
            der BLOB NOT NULL
        );
        """;

    // CRL build (issue 9): a CA's revoked serials in serial order straight from one covering index (no
    // sort of a million rows, no table lookups); it replaces certificates_revoked, whose queries it serves.
    private const string V8 = """
        CREATE INDEX certificates_revoked_serial ON certificates (issued_by, serial_number, revoked, revocation_reason) WHERE revoked IS NOT NULL;
        DROP INDEX certificates_revoked;
        """;

    // SCEP server lookups (issue 9): a request by its transaction and an OTP by its password hash
    // (IStoreReader.ItemsWhere), instead of reading every item of the menu on each enrolment. The
    // expressions must stay the ones StoreSession.ItemsWhere writes.
    private const string V9 = """
        CREATE INDEX items_transaction_id ON items (menu, json_extract(props, '$."transaction-id"'));
        CREATE INDEX items_password_hash ON items (menu, json_extract(props, '$."password-hash"'));
        """;

    // CRL build (issue 9): a local CA's CRL bytes in a row of their own. SQLite rewrites a whole row on any
    // update, so marking a CRL stale (every revocation) copied its megabytes through the WAL and back; now
    // it changes a few bytes, and only a rebuild writes the CRL.
    private const string V10 = """
        CREATE TABLE crl_der (
            ca_id INTEGER PRIMARY KEY NOT NULL REFERENCES crls (ca_id) ON DELETE CASCADE,
            der BLOB NOT NULL
        );
        INSERT INTO crl_der (ca_id, der) SELECT ca_id, der FROM crls WHERE der IS NOT NULL;
        ALTER TABLE crls DROP COLUMN der;
        """;

    /// <summary>
    /// The daemon's work lists without a scan of every entry (issue 9, idle daemon memory): the
    /// entries a SCEP/ACME client manages and the entries that sign CRLs. 64 is
    /// <c>KeyUsage.CrlSign</c>; the queries in <c>CertificateStatements</c> repeat both conditions.
    /// </summary>
    private const string V11 = """
        CREATE INDEX certificates_managed ON certificates (id) WHERE managed IS NOT NULL;
        CREATE INDEX certificates_crl_signers ON certificates (id) WHERE der IS NOT NULL AND private_key IS NOT NULL AND key_usage & 64 != 0;
        """;

    public static IReadOnlyList<string> Steps { get; } = [V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11];

    public static int CurrentVersion => Steps.Count;

    /// <summary>Brings the database to <see cref="CurrentVersion"/> in one transaction.</summary>
    /// <exception cref="StoreException">The database was written by a newer RosCert.</exception>
    public static void Migrate(SqliteConnection connection) => MigrateTo(connection, CurrentVersion);

    /// <summary>Applies the steps up to <paramref name="target"/> (tests build old databases with it).</summary>
    public static void MigrateTo(SqliteConnection connection, int target)
    {
        if (ThrowIfNewer(connection, UserVersion(connection)) >= target)
        {
            return;
        }

        // IMMEDIATE takes the write lock before reading the version, so two processes opening an old
        // database at once migrate it exactly once: the second sees the first one's version.
        Execute(connection, "BEGIN IMMEDIATE");
        try
        {
            int version = ThrowIfNewer(connection, UserVersion(connection));
            for (; version < target; version++)
            {
                Execute(connection, Steps[version]);
            }

            Execute(connection, $"PRAGMA user_version = {target:D}");
            Execute(connection, "COMMIT");
        }
        catch
        {
            Execute(connection, "ROLLBACK");
            throw;
        }
    }

    public static int UserVersion(SqliteConnection connection)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int ThrowIfNewer(SqliteConnection connection, int version)
    {
        if (version > CurrentVersion)
        {
            throw new StoreException(
                $"the database {connection.DataSource} has schema version {version:D}, newer than this RosCert knows "
                + $"({CurrentVersion:D}); run a newer RosCert or restore a backup");
        }

        return version;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
