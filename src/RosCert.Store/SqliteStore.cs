using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using RosCert.Core.Ports;
using RosCert.Store.IO;
using RosCert.Store.Schema;
using RosCert.Store.Sqlite;

namespace RosCert.Store;

/// <summary>
/// <see cref="IStore"/> over one SQLite database in WAL mode. Each <see cref="Read{T}"/> or
/// <see cref="Write{T}"/> is one transaction on a pooled connection, so commands from several
/// threads and processes interleave safely: readers never block the writer and see a consistent
/// snapshot; writers queue on SQLite's write lock. Transactions must not nest.
/// </summary>
public sealed class SqliteStore : IStore
{
    /// <summary>How long one statement waits for another process's lock before SQLite gives up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    // BEGIN IMMEDIATE is tried this often, each try waiting BusyTimeout, so a writer waits about 15 s
    // for a busy database before "database is locked" reaches the user.
    private const int BeginAttempts = 3;

    private const int MaxIdleSessions = 4;

    private readonly string _connectionString;

    private readonly ConcurrentBag<StoreSession> _idle = [];

    private readonly Lock _writeLock = new();

    private int _disposed;

    /// <summary>Opens (creating with mode 0600 if needed) and migrates the database at <paramref name="databasePath"/>.</summary>
    /// <exception cref="StoreException">The database is from a newer RosCert, or cannot use WAL.</exception>
    public SqliteStore(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);

        // SQLite creates a database honouring only the umask (often 0644) and gives its -wal and
        // -shm files the database file's mode, so creating the file 0600 first covers all three.
        UnixFiles.CreatePrivateFileIfMissing(DatabasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();

        StoreSession first = OpenSession();
        try
        {
            Migrations.Migrate(first.Connection);
        }
        catch
        {
            first.Dispose();
            throw;
        }

        _idle.Add(first);
    }

    public string DatabasePath { get; }

    /// <summary>Opens <c>store.db</c> in <paramref name="directory"/>.</summary>
    public static SqliteStore Open(DataDirectory directory) => new(directory.DatabasePath);

    public T Read<T>(Func<IStoreReader, T> read) =>
        Run(session =>
        {
            // Deferred: the snapshot starts at the first read and takes no write lock.
            session.Begin(immediate: false);
            return Complete(session, () => read(session));
        });

    public T Write<T>(Func<IStoreWriter, T> write)
    {
        // This process's writers queue on a lock of their own, so each starts as soon as the previous
        // one commits; SQLite's busy handler, which other processes still meet, polls with sleeps of
        // 1 to 100 ms and left cores idle while concurrent SCEP/REST writes waited (docs/performance.md, SCEP).
        lock (_writeLock)
        {
            return WriteTransaction(write);
        }
    }

    private T WriteTransaction<T>(Func<IStoreWriter, T> write) =>
        Run(session =>
        {
            // IMMEDIATE takes the write lock up front: a deferred transaction that reads first and
            // then writes fails at once with SQLITE_BUSY_SNAPSHOT when another process committed
            // in between (sqlite.org/wal.html §"Sometimes Queries Return SQLITE_BUSY").
            BeginImmediate(session);
            return Complete(session, () =>
            {
                T result = write(session);
                session.BumpChangeCounter();
                return result;
            });
        });

    /// <summary>
    /// The change counter, bumped by every write transaction of every process. A plain row rather
    /// than <c>PRAGMA data_version</c>, which is per connection and ignores the connection's own commits.
    /// </summary>
    public long ChangeVersion() => Run(session =>
    {
        session.Begin(immediate: false);
        return Complete(session, session.ChangeCounter);
    });

    /// <summary>
    /// What SQLite itself finds wrong (<c>PRAGMA integrity_check</c>, <c>foreign_key_check</c>) and
    /// names used twice, read past the indexes in case an index is what broke; empty on a whole store.
    /// </summary>
    public IReadOnlyList<string> DatabaseFindings() => Run(session =>
    {
        session.Begin(immediate: false);
        return Complete(session, session.DatabaseFindings);
    });

    /// <summary>The sealed keys still waiting for their certificate, by public key hash.</summary>
    public IReadOnlyList<(string Hash, Core.Model.SealedKey Key)> PendingKeys() => Run(session =>
    {
        session.Begin(immediate: false);
        return Complete(session, session.PendingKeys);
    });

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        while (_idle.TryTake(out StoreSession? session))
        {
            session.Dispose();
        }
    }

    private static T Complete<T>(StoreSession session, Func<T> body)
    {
        try
        {
            T result = body();
            session.Commit();
            return result;
        }
        catch
        {
            session.RollbackQuietly();
            throw;
        }
    }

    private static void BeginImmediate(StoreSession session)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                session.Begin(immediate: true);
                return;
            }
            catch (SqliteException exception) when (IsBusy(exception) && attempt < BeginAttempts)
            {
                // A little jitter so writers that timed out together do not collide again.
                Thread.Sleep(TimeSpan.FromMilliseconds((50 * attempt) + Random.Shared.Next(50)));
            }
        }
    }

    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), sqlite.org/rescode.html.
    private static bool IsBusy(SqliteException exception) => exception.SqliteErrorCode is 5 or 6;

    private T Run<T>(Func<StoreSession, T> transaction)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        StoreSession session = _idle.TryTake(out StoreSession? idle) ? idle : OpenSession();
        try
        {
            return transaction(session);
        }
        finally
        {
            Release(session);
        }
    }

    private void Release(StoreSession session)
    {
        if (session.IsReusable && Volatile.Read(ref _disposed) == 0 && _idle.Count < MaxIdleSessions)
        {
            _idle.Add(session);
            return;
        }

        session.Dispose();
    }

    private StoreSession OpenSession() => StoreSession.Open(_connectionString, (int)BusyTimeout.TotalMilliseconds);
}
