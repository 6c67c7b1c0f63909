using Microsoft.Data.Sqlite;
using RosCert.Core.Model;
using RosCert.Store;
using RosCert.Store.Schema;
using Xunit;

namespace RosCert.Tests.Store;

public sealed class MigrationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string DatabasePath => _temp.Combine("store.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_version_1_database_is_migrated_and_keeps_its_data()
    {
        using (SqliteConnection connection = Connect())
        {
            Migrations.MigrateTo(connection, 1);
            Execute(connection, """
                INSERT INTO counters (menu, next_id) VALUES ('/certificate', 4);
                INSERT INTO settings (menu, property, value) VALUES ('/system/identity', 'name', 'old-router');
                INSERT INTO certificates (id, name, common_name, country, state, locality, organization, unit,
                    subject_alt_name, key_size, days_valid, digest_algorithm, key_usage, trusted, trust_store, no_key_export)
                VALUES (3, 'legacy', 'legacy.example', '', '', '', '', '', '', '4096', 90, 'sha512', 3, NULL, 'all', 0);
                """);
            Assert.Equal(1, Migrations.UserVersion(connection));
        }

        using (var store = new SqliteStore(DatabasePath))
        {
            CertificateEntry legacy = store.Read(r => r.CertificateByName("legacy"))!;
            Assert.Equal(new ItemId(3), legacy.Id);
            Assert.Equal(KeySize.Rsa4096, legacy.KeySize);
            Assert.Equal(DigestAlgorithm.Sha512, legacy.DigestAlgorithm);
            Assert.Equal(KeyUsage.DigitalSignature | KeyUsage.ContentCommitment, legacy.KeyUsage);
            Assert.True(legacy.IsTemplate);
            Assert.Equal("old-router", store.Read(r => r.Setting("/system/identity", "name")));
            Assert.Equal(new ItemId(4), store.Write(w => w.AllocateId("/certificate")));
            Assert.Equal(1, store.ChangeVersion()); // the change counter arrived with version 2
        }

        using SqliteConnection reopened = Connect();
        Assert.Equal(Migrations.CurrentVersion, Migrations.UserVersion(reopened));
        Assert.True(Migrations.CurrentVersion >= 2);
    }

    [Fact]
    public void A_database_from_a_newer_RosCert_is_refused()
    {
        new SqliteStore(DatabasePath).Dispose();
        using (SqliteConnection connection = Connect())
        {
            Execute(connection, $"PRAGMA user_version = {Migrations.CurrentVersion + 1}");
        }

        var error = Assert.Throws<StoreException>(() => new SqliteStore(DatabasePath));

        Assert.Contains($"schema version {Migrations.CurrentVersion + 1}, newer than this RosCert knows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_current_database_changes_nothing()
    {
        using (var store = new SqliteStore(DatabasePath))
        {
            store.Write(w => w.AllocateId("/user"));
        }

        using var again = new SqliteStore(DatabasePath);

        Assert.Equal(new ItemId(2), again.Write(w => w.AllocateId("/user")));
        using SqliteConnection connection = Connect();
        Assert.Equal(Migrations.CurrentVersion, Migrations.UserVersion(connection));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
