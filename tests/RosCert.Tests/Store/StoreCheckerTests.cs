using Microsoft.Data.Sqlite;
using RosCert.Store;
using RosCert.Store.Checking;
using RosCert.Tests.Support;
using Xunit;

namespace RosCert.Tests.Store;

/// <summary>
/// <c>roscert check</c> (issue 10): a whole store passes; each kind of damage, made by hand in the
/// database, is reported by name.
/// </summary>
public sealed class StoreCheckerTests : IDisposable
{
    private readonly TestConsole _console = new();

    public StoreCheckerTests()
    {
        _console.Run("add name=ca common-name=CA key-size=prime256v1 key-usage=key-cert-sign,crl-sign");
        _console.Run("sign ca ca-crl-host=127.0.0.1");
        _console.Run("add name=a common-name=a key-size=prime256v1 key-usage=digital-signature,tls-client");
        _console.Run("sign a ca=ca");
        _console.Run("add name=b common-name=b key-size=prime256v1 key-usage=digital-signature,tls-client");
        _console.Run("sign b ca=ca");
        _console.Run("add name=template common-name=t");
        Assert.Equal("", _console.Run("issued-revoke a"));
    }

    public void Dispose() => _console.Dispose();

    [Fact]
    public void A_whole_store_passes_and_everything_was_looked_at()
    {
        CheckReport report = Check();

        Assert.Empty(report.Findings);
        Assert.Equal((4, 3, 1), (report.Certificates, report.Keys, report.Crls));
    }

    [Fact]
    public void A_key_that_belongs_to_another_certificate_is_reported()
    {
        Damage("UPDATE certificates SET private_key = (SELECT private_key FROM certificates WHERE name = 'b') WHERE name = 'a'");

        Assert.Equal(["certificate a: its private key does not match its public key"], Check().Findings);
    }

    [Fact]
    public void A_sealed_key_that_does_not_open_is_reported()
    {
        Damage("UPDATE certificates SET private_key = x'01000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f' WHERE name = 'b'");

        Assert.Equal(["certificate b: its private key does not open under the master key"], Check().Findings);
    }

    [Fact]
    public void A_pending_key_that_does_not_open_is_reported()
    {
        Damage("INSERT INTO pending_keys (public_key_sha256, private_key) VALUES ('00112233445566778899', x'0102')");

        Assert.Equal(["pending key 0011223344556677: does not open under the master key"], Check().Findings);
    }

    [Fact]
    public void A_missing_issuer_is_reported()
    {
        Damage("UPDATE certificates SET issued_by = 999 WHERE name = 'b'");

        IReadOnlyList<string> findings = Check().Findings;
        Assert.Contains("certificate b: its issuer *3E7 does not exist", findings);
        Assert.Contains(findings, f => f.StartsWith("database: certificates row", StringComparison.Ordinal));
    }

    [Fact]
    public void An_issuer_whose_subject_is_not_the_certificates_issuer_is_reported()
    {
        Damage("UPDATE certificates SET issued_by = (SELECT id FROM certificates WHERE name = 'a') WHERE name = 'b'");

        Assert.Equal(["certificate b: its issuer name is not the subject of a"], Check().Findings);
    }

    [Fact]
    public void A_name_used_twice_is_reported()
    {
        // The UNIQUE constraint stops this through SQL; a table rebuilt without it (a damaged or
        // hand-edited store) is what the check is for.
        string table = Query("SELECT sql FROM sqlite_master WHERE name = 'certificates'");
        Damage($"""
            {table.Replace("CREATE TABLE certificates", "CREATE TABLE copy", StringComparison.Ordinal).Replace("name TEXT NOT NULL UNIQUE", "name TEXT NOT NULL", StringComparison.Ordinal)};
            INSERT INTO copy SELECT * FROM certificates;
            DROP TABLE certificates;
            ALTER TABLE copy RENAME TO certificates;
            INSERT INTO certificates (id, name, common_name, country, state, locality, organization, unit, subject_alt_name, key_size, days_valid, digest_algorithm, key_usage, trust_store, no_key_export)
                SELECT 100, name, common_name, country, state, locality, organization, unit, subject_alt_name, key_size, days_valid, digest_algorithm, key_usage, trust_store, no_key_export FROM certificates WHERE name = 'template';
            """);

        Assert.Equal(["certificate name template is used 2 times"], Check().Findings);
    }

    [Fact]
    public void A_crl_whose_signature_does_not_verify_is_reported()
    {
        Damage("UPDATE crl_der SET der = CAST(substr(der, 1, length(der) - 1) || x'00' AS BLOB)");

        Assert.Equal(["crl of ca: its signature does not verify with the CA's key"], Check().Findings);
    }

    [Fact]
    public void A_crl_that_does_not_parse_is_reported()
    {
        Damage("UPDATE crl_der SET der = x'300100'");

        Assert.Equal(["crl of ca: does not parse"], Check().Findings);
    }

    [Fact]
    public void A_certificate_whose_der_was_changed_is_reported()
    {
        Damage("UPDATE certificates SET der = x'3003020101' WHERE name = 'b'");

        IReadOnlyList<string> findings = Check().Findings;
        Assert.Contains("certificate b: stored fingerprint does not match its DER", findings);
        Assert.Contains("certificate b: its DER does not parse", findings);
    }

    [Fact]
    public void An_index_that_disagrees_with_its_table_fails_the_integrity_check()
    {
        // The index's declared column is changed behind SQLite's back: its entries no longer match the rows.
        Damage("""
            PRAGMA writable_schema = ON;
            UPDATE sqlite_master SET sql = replace(sql, '(fingerprint)', '(skid)') WHERE name = 'certificates_fingerprint';
            PRAGMA writable_schema = OFF;
            """);

        Assert.Contains(Check().Findings, f => f.StartsWith("database: ", StringComparison.Ordinal) && f.Contains("certificates_fingerprint", StringComparison.Ordinal));
    }

    private CheckReport Check()
    {
        using var store = new SqliteStore(Path.Combine(_console.DataPath, "store.db"));
        return StoreChecker.Check(store, _console.Environment.Keys);
    }

    private void Damage(string sql) => Query("PRAGMA foreign_keys = OFF; " + sql);

    private string Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_console.DataPath, "store.db")};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string ?? "";
    }
}
