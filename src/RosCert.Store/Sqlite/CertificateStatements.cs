using RosCert.Store.Records;

namespace RosCert.Store.Sqlite;

/// <summary>The SQL of the <c>certificates</c> table, built once from the mapper's column list.</summary>
internal static class CertificateStatements
{
    public const string Delete = "DELETE FROM certificates WHERE id = $id";

    // Declared first: static initializers run in text order and the statements below use it.
    private static readonly string[] s_parameterNames = [.. CertificateMapper.Columns.Select(column => "$" + column)];

    public static string SelectAll { get; } = $"SELECT {CertificateMapper.ColumnList} FROM certificates ORDER BY id";

    public static string SelectById { get; } = $"SELECT {CertificateMapper.ColumnList} FROM certificates WHERE id = $id";

    public static string SelectByName { get; } = $"SELECT {CertificateMapper.ColumnList} FROM certificates WHERE name = $name";

    public static string SelectByFingerprint { get; } = $"SELECT {CertificateMapper.ColumnList} FROM certificates WHERE fingerprint = $fingerprint";

    public static string SelectByPublicKey { get; } = $"SELECT {CertificateMapper.ColumnList} FROM certificates WHERE public_key_sha256 = $hash ORDER BY id";

    // The WHERE clauses repeat the partial indexes' conditions word for word (Migrations V11), which
    // is how SQLite knows it may use them (sqlite.org/partialindex.html §2).
    public static string SelectManaged { get; } = $"SELECT {CertificateMapper.ColumnList} FROM certificates WHERE managed IS NOT NULL ORDER BY id";

    public static string SelectCrlSigners { get; } =
        $"SELECT {CertificateMapper.ColumnList} FROM certificates WHERE der IS NOT NULL AND private_key IS NOT NULL AND key_usage & {(int)Core.Model.KeyUsage.CrlSign:D} != 0 ORDER BY id";

    public static string SelectBySkid { get; } = $"SELECT {CertificateMapper.ColumnList} FROM certificates WHERE skid = $skid ORDER BY id";

    public static string Insert { get; } =
        $"INSERT INTO certificates ({CertificateMapper.ColumnList}) VALUES ({string.Join(", ", s_parameterNames)})";

    public static string Update { get; } =
        "UPDATE certificates SET "
        + string.Join(", ", CertificateMapper.Columns.Skip(1).Select(column => $"{column} = ${column}"))
        + " WHERE id = $id";

    /// <summary>The parameters of <see cref="Insert"/> and <see cref="Update"/> for one row.</summary>
    public static (string Name, object? Value)[] Arguments(object?[] row)
    {
        var arguments = new (string Name, object? Value)[row.Length];
        for (int i = 0; i < row.Length; i++)
        {
            arguments[i] = (s_parameterNames[i], row[i]);
        }

        return arguments;
    }
}
