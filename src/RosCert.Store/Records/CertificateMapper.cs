using System.Globalization;
using Microsoft.Data.Sqlite;
using RosCert.Core.Model;

namespace RosCert.Store.Records;

/// <summary>
/// The one place that maps a <c>certificates</c> row to a <see cref="CertificateEntry"/> and back.
/// Columns follow <see cref="Columns"/>; readers select them in that order and read by ordinal.
/// Dates are unix seconds (X.509 validity has whole-second resolution, RFC 5280 §4.1.2.5).
/// </summary>
internal static class CertificateMapper
{
    private const string KindKey = ".kind";

    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "name", "common_name", "country", "state", "locality", "organization", "unit",
        "subject_alt_name", "key_size", "days_valid", "digest_algorithm", "key_usage", "trusted",
        "trust_store", "der", "private_key", "serial_number", "fingerprint", "skid", "akid",
        "invalid_before", "invalid_after", "issuer", "issued_by", "ca_crl_host", "revoked", "no_key_export",
        "crl_points", "public_key_sha256", "revocation_reason", "managed",
    ];

    public static string ColumnList { get; } = string.Join(", ", Columns);

    /// <summary>The values of <paramref name="entry"/> in <see cref="Columns"/> order (null for SQL NULL).</summary>
    public static object?[] ToRow(CertificateEntry entry) =>
    [
        (long)entry.Id.Value, entry.Name, entry.CommonName, entry.Country, entry.State, entry.Locality,
        entry.Organization, entry.Unit, entry.SubjectAltName, entry.KeySize.Name, entry.DaysValid,
        entry.DigestAlgorithm.ToName(), (long)entry.KeyUsage, ToFlag(entry.Trusted), entry.TrustStore,
        entry.Der, entry.PrivateKey?.Bytes, entry.SerialNumber, entry.Fingerprint, entry.Skid, entry.Akid,
        ToUnix(entry.InvalidBefore), ToUnix(entry.InvalidAfter), entry.Issuer, ToId(entry.IssuedBy),
        entry.CaCrlHost, ToUnix(entry.Revoked), entry.NoKeyExport ? 1L : 0L,
        entry.CrlDistributionPoints, entry.PublicKeyHash, entry.RevocationReason, ToJson(entry.Management),
    ];

    /// <summary>Builds an entry from a row selected with <see cref="ColumnList"/>.</summary>
    public static CertificateEntry FromRow(SqliteDataReader row) => new()
    {
        Id = new ItemId(checked((uint)row.GetInt64(0))),
        Name = row.GetString(1),
        CommonName = row.GetString(2),
        Country = row.GetString(3),
        State = row.GetString(4),
        Locality = row.GetString(5),
        Organization = row.GetString(6),
        Unit = row.GetString(7),
        SubjectAltName = row.GetString(8),
        KeySize = ParseKeySize(row.GetString(9)),
        DaysValid = row.GetInt32(10),
        DigestAlgorithm = ParseDigest(row.GetString(11)),
        KeyUsage = (KeyUsage)row.GetInt64(12),
        Trusted = row.IsDBNull(13) ? null : row.GetInt64(13) != 0,
        TrustStore = row.GetString(14),
        Der = Bytes(row, 15),
        PrivateKey = Bytes(row, 16) is byte[] sealedKey ? new SealedKey(sealedKey) : null,
        SerialNumber = Text(row, 17),
        Fingerprint = Text(row, 18),
        Skid = Text(row, 19),
        Akid = Text(row, 20),
        InvalidBefore = Date(row, 21),
        InvalidAfter = Date(row, 22),
        Issuer = Text(row, 23),
        IssuedBy = row.IsDBNull(24) ? null : new ItemId(checked((uint)row.GetInt64(24))),
        CaCrlHost = Text(row, 25),
        Revoked = Date(row, 26),
        NoKeyExport = row.GetInt64(27) != 0,
        CrlDistributionPoints = Text(row, 28),
        PublicKeyHash = Text(row, 29),
        RevocationReason = Text(row, 30),
        Management = FromJson(Text(row, 31)),
    };

    /// <summary>
    /// A selectable size by name, else an imported RSA size kept as its bit count (e.g. <c>3072</c>),
    /// which is how RouterOS prints the key-size of an imported non-standard key.
    /// </summary>
    internal static KeySize ParseKeySize(string name)
    {
        if (KeySize.TryParse(name, out KeySize keySize))
        {
            return keySize;
        }

        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int bits) && bits > 0)
        {
            return KeySize.ForRsaBits(bits);
        }

        throw new StoreException($"the store holds an unknown key-size '{name}'");
    }

    private static DigestAlgorithm ParseDigest(string name) =>
        DigestAlgorithms.TryParse(name, out DigestAlgorithm digest)
            ? digest
            : throw new StoreException($"the store holds an unknown digest-algorithm '{name}'");

    // The managing client is one JSON object: {"kind": "...", "properties": {...}}.
    private static string? ToJson(Management? management) =>
        management is null
            ? null
            : ItemProperties.ToJson(new Dictionary<string, string>(management.Properties) { [KindKey] = management.Kind });

    private static Management? FromJson(string? json)
    {
        if (json is null)
        {
            return null;
        }

        Dictionary<string, string> properties = ItemProperties.FromJson(json);
        if (!properties.Remove(KindKey, out string? kind))
        {
            throw new StoreException($"the store holds a managed entry without its kind: {json}");
        }

        return new Management(kind, properties);
    }

    private static long? ToFlag(bool? value) => value switch
    {
        null => null,
        true => 1L,
        false => 0L,
    };

    private static long? ToUnix(DateTimeOffset? value) => value?.ToUnixTimeSeconds();

    private static long? ToId(ItemId? id) => id?.Value;

    private static string? Text(SqliteDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static byte[]? Bytes(SqliteDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : (byte[])row.GetValue(ordinal);

    private static DateTimeOffset? Date(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeSeconds(row.GetInt64(ordinal));
}
