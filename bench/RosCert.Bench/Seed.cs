using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using RosCert.Commands.Execution;
using RosCert.Commands.Menus.Certificates;
using RosCert.Core.Model;

namespace RosCert.Bench;

/// <summary>Bulk seeding for benchmarks: rows written straight into SQLite, outside the commands.</summary>
internal static class Seed
{
    /// <summary>A CA with a key of <paramref name="keySize"/> made through the console, as a user would.</summary>
    public static CertificateEntry Authority(CommandEnvironment environment, string keySize)
    {
        var session = new Session(environment, "admin", RosCert.Commands.Catalogue.Rights.Full, Face.Console);
        var engine = new RosCert.Console.Execution.ConsoleEngine(session, TextWriter.Null, System.Console.Error);
        engine.Run($"add name=ca common-name=\"Bench CA\" key-size={keySize} key-usage=key-cert-sign,crl-sign");
        engine.Run("sign ca");
        return environment.Store.Read(r => r.CertificateByName("ca"))!;
    }

    /// <summary>
    /// N rows issued by the CA, all revoked but the last, <c>spare</c>, which the timed
    /// <c>issued-revoke</c> revokes; and the same N serials, all revoked, as an openssl ca index.txt.
    /// </summary>
    public static void Revoked(string database, ItemId ca, int count, string index)
    {
        using var connection = new SqliteConnection("Data Source=" + database);
        connection.Open();
        using SqliteTransaction transaction = connection.BeginTransaction();
        using SqliteCommand insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO certificates (id, name, common_name, country, state, locality, organization, unit, subject_alt_name,
              key_size, days_valid, digest_algorithm, key_usage, trust_store, no_key_export, issued_by, serial_number, revoked, der)
            VALUES ($id, $name, 'leaf', '', '', '', '', '', '', 'prime256v1', 365, 'sha256', 1, 'all', 0, $ca, $serial, $revoked, x'30')
            """;
        SqliteParameter id = insert.Parameters.Add("$id", SqliteType.Integer);
        SqliteParameter name = insert.Parameters.Add("$name", SqliteType.Text);
        SqliteParameter serial = insert.Parameters.Add("$serial", SqliteType.Text);
        insert.Parameters.AddWithValue("$ca", (long)ca.Value);
        SqliteParameter revoked = insert.Parameters.Add("$revoked", SqliteType.Integer);

        // Revoked a second apart, the newest a day ago: every entry has its own time, as in real use.
        long newest = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds();
        using var openssl = new StreamWriter(index, append: false, Encoding.ASCII);
        for (int i = 0; i < count; i++)
        {
            // 64-bit serials in no order, as a CA issues them, and distinct: an odd multiplier is a
            // bijection on the low 60 bits.
            ulong value = (((ulong)i * 0x9E37_79B9_7F4A_7C15UL) & 0x0FFF_FFFF_FFFF_FFFFUL) | 0x1000_0000_0000_0000UL;
            string hex = value.ToString("X16", CultureInfo.InvariantCulture);
            id.Value = 1_000_000L + i;
            long revokedAt = newest - i;
            string when = DateTimeOffset.FromUnixTimeSeconds(revokedAt).ToString("yyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";
            bool spare = i == count - 1;
            name.Value = spare ? "spare" : "leaf" + i.ToString(CultureInfo.InvariantCulture);
            serial.Value = hex;
            revoked.Value = spare ? DBNull.Value : revokedAt;
            insert.ExecuteNonQuery();
            openssl.Write($"R\t301231000000Z\t{when}\t{hex}\tunknown\t/CN=leaf{i}\n");
        }

        transaction.Commit();
    }
}
