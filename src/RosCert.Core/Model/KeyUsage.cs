namespace RosCert.Core.Model;

/// <summary>
/// The RouterOS <c>key-usage</c> keywords. RouterOS merges the X.509 KeyUsage extension
/// (RFC 5280 §4.2.1.3) and the ExtendedKeyUsage extension (RFC 5280 §4.2.1.12) into one list;
/// the bit order here is the print order (reference §3.2).
/// </summary>
[Flags]
public enum KeyUsage
{
    None = 0,
    DigitalSignature = 1 << 0,
    ContentCommitment = 1 << 1,
    KeyEncipherment = 1 << 2,
    DataEncipherment = 1 << 3,
    KeyAgreement = 1 << 4,
    KeyCertSign = 1 << 5,
    CrlSign = 1 << 6,
    EncipherOnly = 1 << 7,
    DecipherOnly = 1 << 8,
    TlsServer = 1 << 9,
    TlsClient = 1 << 10,
    CodeSign = 1 << 11,
    EmailProtect = 1 << 12,
    Timestamp = 1 << 13,
    OcspSign = 1 << 14,
    Dvcs = 1 << 15,
}

/// <summary>Whether a keyword is a KeyUsage bit or an ExtendedKeyUsage purpose.</summary>
public enum KeyUsageExtension
{
    KeyUsage,
    ExtendedKeyUsage,
}

/// <summary>One row of the keyword table: console keyword, flag, extension and its bit or OID.</summary>
public sealed record KeyUsageKeyword(string Keyword, KeyUsage Flag, KeyUsageExtension Extension, int Bit, string? Oid);

/// <summary>The one table of key-usage keywords (reference §3.2), used both ways.</summary>
public static class KeyUsages
{
    public static IReadOnlyList<KeyUsageKeyword> Table { get; } =
    [
        new("digital-signature", KeyUsage.DigitalSignature, KeyUsageExtension.KeyUsage, 0, null),
        new("content-commitment", KeyUsage.ContentCommitment, KeyUsageExtension.KeyUsage, 1, null),
        new("key-encipherment", KeyUsage.KeyEncipherment, KeyUsageExtension.KeyUsage, 2, null),
        new("data-encipherment", KeyUsage.DataEncipherment, KeyUsageExtension.KeyUsage, 3, null),
        new("key-agreement", KeyUsage.KeyAgreement, KeyUsageExtension.KeyUsage, 4, null),
        new("key-cert-sign", KeyUsage.KeyCertSign, KeyUsageExtension.KeyUsage, 5, null),
        new("crl-sign", KeyUsage.CrlSign, KeyUsageExtension.KeyUsage, 6, null),
        new("encipher-only", KeyUsage.EncipherOnly, KeyUsageExtension.KeyUsage, 7, null),
        new("decipher-only", KeyUsage.DecipherOnly, KeyUsageExtension.KeyUsage, 8, null),
        new("tls-server", KeyUsage.TlsServer, KeyUsageExtension.ExtendedKeyUsage, -1, "1.3.6.1.5.5.7.3.1"),
        new("tls-client", KeyUsage.TlsClient, KeyUsageExtension.ExtendedKeyUsage, -1, "1.3.6.1.5.5.7.3.2"),
        new("code-sign", KeyUsage.CodeSign, KeyUsageExtension.ExtendedKeyUsage, -1, "1.3.6.1.5.5.7.3.3"),
        new("email-protect", KeyUsage.EmailProtect, KeyUsageExtension.ExtendedKeyUsage, -1, "1.3.6.1.5.5.7.3.4"),
        new("timestamp", KeyUsage.Timestamp, KeyUsageExtension.ExtendedKeyUsage, -1, "1.3.6.1.5.5.7.3.8"),
        new("ocsp-sign", KeyUsage.OcspSign, KeyUsageExtension.ExtendedKeyUsage, -1, "1.3.6.1.5.5.7.3.9"),
        new("dvcs", KeyUsage.Dvcs, KeyUsageExtension.ExtendedKeyUsage, -1, "1.3.6.1.5.5.7.3.10"),
    ];

    /// <summary>The template default: <c>digital-signature,key-encipherment,data-encipherment,key-cert-sign,crl-sign,tls-server,tls-client</c>.</summary>
    public const KeyUsage Default = KeyUsage.DigitalSignature | KeyUsage.KeyEncipherment | KeyUsage.DataEncipherment
        | KeyUsage.KeyCertSign | KeyUsage.CrlSign | KeyUsage.TlsServer | KeyUsage.TlsClient;

    public static IEnumerable<string> Keywords => Table.Select(k => k.Keyword);

    public static bool TryParseKeyword(string keyword, out KeyUsage flag)
    {
        foreach (KeyUsageKeyword row in Table)
        {
            if (row.Keyword == keyword)
            {
                flag = row.Flag;
                return true;
            }
        }

        flag = KeyUsage.None;
        return false;
    }

    /// <summary>Formats a set in table order, joined by commas (empty string for none).</summary>
    public static string Format(KeyUsage usage) =>
        string.Join(',', Table.Where(k => (usage & k.Flag) != 0).Select(k => k.Keyword));
}
