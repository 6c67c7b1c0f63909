using System.Runtime.InteropServices;

namespace RosCert.Store.Sqlite;

/// <summary>
/// SQLite's step and column calls on a statement's raw handle, for a loop over a million rows (the CRL build,
/// issue 9): SQLitePCLRaw wraps every call in a <see cref="SafeHandle"/> add-ref and release, a tenth of that
/// loop. The caller keeps the statement's SafeHandle referenced (<c>DangerousAddRef</c>) around the loop.
/// The functions are those of the SQLite library SQLitePCLRaw loads (<c>e_sqlite3</c>, sqlite.org/c3ref/column_blob.html).
/// </summary>
internal static unsafe partial class RowColumns
{
    private const string Library = "e_sqlite3";

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    public static partial int Step(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    public static partial long Int64(nint statement, int column);

    /// <summary>The column's bytes as SQLite holds them, valid until the next step (empty for NULL).</summary>
    public static ReadOnlySpan<byte> Bytes(nint statement, int column)
    {
        // sqlite3_column_blob first, then sqlite3_column_bytes: the order the SQLite documentation prescribes.
        byte* data = ColumnBlob(statement, column);
        int length = ColumnBytes(statement, column);
        return data is null ? [] : new ReadOnlySpan<byte>(data, length);
    }

    [LibraryImport(Library, EntryPoint = "sqlite3_column_blob")]
    private static partial byte* ColumnBlob(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes")]
    private static partial int ColumnBytes(nint statement, int column);
}
