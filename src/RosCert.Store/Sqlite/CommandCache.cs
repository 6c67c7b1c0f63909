using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace RosCert.Store.Sqlite;

/// <summary>
/// Prepared statements of one connection, compiled on first use and reused for the connection's
/// life: parsing and planning a statement costs more than running the small queries the store
/// makes (sqlite.org/c3ref/stmt.html: prepare once, bind and step many times).
/// </summary>
internal sealed class CommandCache : IDisposable
{
    private readonly SqliteConnection _connection;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public CommandCache(SqliteConnection connection)
    {
        _connection = connection;
    }

    /// <summary>The prepared command for <paramref name="sql"/> with its parameters bound.</summary>
    public SqliteCommand Bind(string sql, params ReadOnlySpan<(string Name, object? Value)> arguments)
    {
        if (!_commands.TryGetValue(sql, out SqliteCommand? command))
        {
            command = Create(sql, arguments);
            _commands.Add(sql, command);
        }

        // Each SQL text has one call site, so its arguments always come in the order they were created in.
        for (int i = 0; i < arguments.Length; i++)
        {
            Debug.Assert(command.Parameters[i].ParameterName == arguments[i].Name, "arguments in creation order");
            command.Parameters[i].Value = arguments[i].Value ?? DBNull.Value;
        }

        return command;
    }

    public int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> arguments) =>
        Bind(sql, arguments).ExecuteNonQuery();

    public object? Scalar(string sql, params ReadOnlySpan<(string Name, object? Value)> arguments) =>
        Bind(sql, arguments).ExecuteScalar();

    public void Dispose()
    {
        foreach (SqliteCommand command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    private SqliteCommand Create(string sql, ReadOnlySpan<(string Name, object? Value)> arguments)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, _) in arguments)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
