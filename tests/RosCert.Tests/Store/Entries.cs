using RosCert.Core.Model;
using Xunit;

namespace RosCert.Tests.Store;

/// <summary>Certificate entries with every field set, for round trips through the store.</summary>
internal static class Entries
{
    public static CertificateEntry Template(uint id, string name) => new()
    {
        Id = new ItemId(id),
        Name = name,
        CommonName = name + ".example",
    };

    public static CertificateEntry Signed(uint id, string name, ItemId? issuedBy) => new()
    {
        Id = new ItemId(id),
        Name = name,
        CommonName = "server.example",
        Country = "LV",
        State = "Riga",
        Locality = "Riga",
        Organization = "Example SIA",
        Unit = "IT",
        SubjectAltName = "DNS:server.example,IP:192.0.2.1,email:ops@example.org",
        KeySize = KeySize.Secp384r1,
        DaysValid = 730,
        DigestAlgorithm = DigestAlgorithm.Sha384,
        KeyUsage = KeyUsage.DigitalSignature | KeyUsage.KeyCertSign | KeyUsage.TlsServer | KeyUsage.Dvcs,
        Trusted = false,
        TrustStore = "www,api",
        Der = [0x30, 0x82, 0x01, 0x0A, 0xDE, 0xAD, 0xBE, 0xEF],
        PrivateKey = new SealedKey([0x01, 0x02, 0x03, 0x04, 0x05]),
        SerialNumber = "0A1B2C3D",
        Fingerprint = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        Skid = "c0ffee",
        Akid = "beef",
        InvalidBefore = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        InvalidAfter = DateTimeOffset.FromUnixTimeSeconds(1_763_072_000),
        Issuer = "C=LV,O=Example SIA,CN=ca",
        IssuedBy = issuedBy,
        CaCrlHost = "192.0.2.10",
        Revoked = DateTimeOffset.FromUnixTimeSeconds(1_720_000_000),
        NoKeyExport = true,
    };

    /// <summary>Record equality compares byte arrays by reference; this compares them by content.</summary>
    public static void AssertSame(CertificateEntry expected, CertificateEntry? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Der = null, PrivateKey = null }, actual with { Der = null, PrivateKey = null });
        Assert.Equal(expected.Der, actual.Der);
        Assert.Equal(expected.PrivateKey?.Bytes, actual.PrivateKey?.Bytes);
    }
}
