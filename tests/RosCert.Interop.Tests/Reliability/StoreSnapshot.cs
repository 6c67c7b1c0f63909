using Microsoft.Data.Sqlite;

namespace RosCert.Interop.Tests.Reliability;

/// <summary>
/// What a data dir holds, read straight from <c>store.db</c> after the program is gone: the harnesses
/// compare it with what the program acknowledged, so they must not trust the program to report it.
/// </summary>
internal sealed record StoreSnapshot(IReadOnlyDictionary<string, StoredEntry> Entries, int PendingKeys)
{
    public static StoreSnapshot Read(string dataDirectory)
    {
        string path = Path.Combine(dataDirectory, "store.db");
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var entries = new Dictionary<string, StoredEntry>(StringComparer.Ordinal);
        using (SqliteCommand command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, der IS NOT NULL, private_key IS NOT NULL, issued_by, revoked IS NOT NULL, serial_number, akid, fingerprint FROM certificates";
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                entries[reader.GetString(0)] = new StoredEntry(
                    reader.GetString(0),
                    reader.GetBoolean(1),
                    reader.GetBoolean(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    reader.GetBoolean(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7));
            }
        }

        using SqliteCommand pending = connection.CreateCommand();
        pending.CommandText = "SELECT count(*) FROM pending_keys";
        return new StoreSnapshot(entries, Convert.ToInt32(pending.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Certificates made here that hold no key, or templates that carry one: items a crash left half made.</summary>
    public IEnumerable<string> HalfMade() =>
        Entries.Values.Where(e => (e.Signed && e.IssuedBy is not null && !e.HasKey) || (!e.Signed && e.HasKey)).Select(e => e.Name);

    /// <summary>(akid, serial) pairs used by more than one certificate (RFC 5280 §4.1.2.2).</summary>
    public IEnumerable<string> DuplicateSerials() =>
        Entries.Values.Where(e => e.SerialNumber is not null).GroupBy(e => (e.Akid, e.SerialNumber)).Where(g => g.Count() > 1).Select(g => g.Key.SerialNumber!);
}

internal sealed record StoredEntry(string Name, bool Signed, bool HasKey, long? IssuedBy, bool Revoked, string? SerialNumber, string? Akid, string? Fingerprint);
