using Microsoft.Data.Sqlite;
using RosCert.Core.Model;
using RosCert.Core.Ports;
using SQLitePCL;

namespace RosCert.Store.Sqlite;

/// <summary>
/// The CRL side of a session: revoked serials streamed straight from SQLite's row buffers, the CRL number
/// and staleness without the CRL's bytes, and a CRL's bytes written into its row in pieces.
/// </summary>
internal sealed partial class StoreSession
{
    // Served in serial order by the covering index certificates_revoked_serial: no sort, no table lookups.
    private const string RevokedRowsSql =
        "SELECT serial_number, revoked, revocation_reason FROM certificates WHERE issued_by = ?1 AND revoked IS NOT NULL ORDER BY serial_number";

    /// <summary>
    /// One forward-only statement over the covering index; each row's text is handed over as the span
    /// SQLite holds, so a million rows allocate nothing per row.
    /// </summary>
    public long ReadRevoked(ItemId caId, RevokedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        sqlite3 database = Connection.Handle!;
        Check(raw.sqlite3_prepare_v2(database, RevokedRowsSql, out sqlite3_stmt statement), database);
        using (statement)
        {
            Check(raw.sqlite3_bind_int64(statement, 1, caId.Value), database);
            bool referenced = false;
            statement.DangerousAddRef(ref referenced);
            try
            {
                return ReadRows(statement.DangerousGetHandle(), row, database);
            }
            finally
            {
                statement.DangerousRelease();
            }
        }
    }

    private static long ReadRows(nint statement, RevokedRow row, sqlite3 database)
    {
        long count = 0;
        int result;
        while ((result = RowColumns.Step(statement)) == raw.SQLITE_ROW)
        {
            row(RowColumns.Bytes(statement, 0), RowColumns.Int64(statement, 1), RowColumns.Bytes(statement, 2));
            count++;
        }

        if (result != raw.SQLITE_DONE)
        {
            Check(result, database);
        }

        return count;
    }

    /// <summary>
    /// The change counter every write transaction bumps just before it commits, so inside a write it is
    /// still the last commit's mark.
    /// </summary>
    public long? CommitMark() => ChangeCounter();

    public long? CrlNumber(ItemId caId) =>
        _commands.Scalar("SELECT number FROM crls WHERE ca_id = $id", ("$id", (long)caId.Value)) is long number ? number : null;

    public void MarkCrlStale(ItemId caId) =>
        _commands.Execute(
            "INSERT INTO crls (ca_id, number, stale) VALUES ($id, 0, 1) ON CONFLICT (ca_id) DO UPDATE SET stale = 1",
            ("$id", (long)caId.Value));

    /// <summary>
    /// The CRL's state goes to its <c>crls</c> row, its bytes to a <c>crl_der</c> row of their own: a zero-filled
    /// blob of the CRL's length (SQLite allocates pages, not memory), which <paramref name="writeDer"/> then
    /// fills through incremental blob I/O, so the CRL is never one array.
    /// </summary>
    public void PutCrl(CrlRecord crl, long length, Action<Stream> writeDer)
    {
        ArgumentNullException.ThrowIfNull(crl);
        ArgumentNullException.ThrowIfNull(writeDer);
        PutCrlState(crl);

        // REPLACE rather than an upsert: SQLite keeps the zero tail of a fresh record without expanding it in memory.
        _commands.Execute("REPLACE INTO crl_der (ca_id, der) VALUES ($id, zeroblob($length))", ("$id", (long)crl.CaId.Value), ("$length", length));
        using var blob = new SqliteBlob(Connection, "crl_der", "der", crl.CaId.Value);
        writeDer(blob);
        if (blob.Position != length)
        {
            throw new InvalidOperationException($"the CRL writer wrote {blob.Position} bytes, not {length}");
        }
    }

    /// <summary>A CRL's number, times and staleness (its bytes are in <c>crl_der</c>).</summary>
    private void PutCrlState(CrlRecord crl) =>
        _commands.Execute(
            "INSERT INTO crls (ca_id, number, this_update, next_update, stale) VALUES ($id, $number, $this, $next, $stale) "
            + "ON CONFLICT (ca_id) DO UPDATE SET number = excluded.number, this_update = excluded.this_update, next_update = excluded.next_update, stale = excluded.stale",
            ("$id", (long)crl.CaId.Value),
            ("$number", crl.Number),
            ("$this", crl.ThisUpdate?.ToUnixTimeSeconds()),
            ("$next", crl.NextUpdate?.ToUnixTimeSeconds()),
            ("$stale", crl.Stale ? 1L : 0L));

    private static void Check(int result, sqlite3 database)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }
}
