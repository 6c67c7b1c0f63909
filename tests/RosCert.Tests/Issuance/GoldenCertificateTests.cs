using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using Xunit;

namespace RosCert.Tests.Issuance;

/// <summary>
/// RSA PKCS#1 v1.5 with a fixed key, clock and serial gives byte-identical certificates
/// (architecture conventions 7 and 8). Goldens are in tests/testdata/golden (README there); set
/// ROSCERT_WRITE_GOLDEN=1 to rewrite them after a deliberate change, then check them with openssl.
/// </summary>
public sealed class GoldenCertificateTests
{
    private static readonly byte[] s_caSerial = [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88];
    private static readonly byte[] s_leafSerial = [0x7F, 0xEE, 0xDD, 0xCC, 0xBB, 0xAA, 0x99, 0x00];

    [Fact]
    public void Self_signed_CA_matches_its_golden_bytes()
    {
        IssuedCertificate ca = IssueCa();
        AssertGolden("ca-rsa2048.der", ca.Der);
        Assert.Equal("1122334455667788", ca.SerialNumber);
        Assert.Equal("C=LV,ST=Vidzeme,L=Riga,O=RosCert Lab,OU=PKI,CN=Golden CA", ca.Issuer);
        Assert.Equal(ca.Skid, ca.Akid);
        IssuanceFixture.VerifySignature(ca.Der, ca.Der);
        Assert.Empty(IssuanceFixture.ChainErrors(ca.Der, ca.Der, IssuanceFixture.Now.AddDays(1)));
    }

    [Fact]
    public void Leaf_issued_by_the_CA_matches_its_golden_bytes()
    {
        IssuedCertificate ca = IssueCa();
        IssuedCertificate leaf = IssueLeaf(ca);
        AssertGolden("leaf-rsa2048.der", leaf.Der);
        Assert.Equal("7FEEDDCCBBAA9900", leaf.SerialNumber);
        Assert.Equal(ca.Skid, leaf.Akid);
        Assert.Equal("C=LV,ST=Vidzeme,L=Riga,O=RosCert Lab,OU=PKI,CN=Golden CA", leaf.Issuer);
        Assert.Equal("1.2.840.113549.1.1.11", IssuanceFixture.VerifySignature(leaf.Der, ca.Der));
        Assert.Empty(IssuanceFixture.ChainErrors(ca.Der, leaf.Der, IssuanceFixture.Now.AddDays(1)));
    }

    [Fact]
    public void Committed_goldens_verify_on_their_own()
    {
        // A wrong golden can not pass silently: the committed files must form a valid chain by themselves.
        byte[] ca = File.ReadAllBytes(GoldenPath("ca-rsa2048.der"));
        byte[] leaf = File.ReadAllBytes(GoldenPath("leaf-rsa2048.der"));
        IssuanceFixture.VerifySignature(leaf, ca);
        Assert.Empty(IssuanceFixture.ChainErrors(ca, leaf, IssuanceFixture.Now.AddHours(1)));
        Assert.Equal(KeyUsage.DigitalSignature | KeyUsage.KeyEncipherment | KeyUsage.TlsServer | KeyUsage.TlsClient, CertificateFacts.KeyUsageOf(leaf));
    }

    [Fact]
    public void Issued_facts_match_the_certificate()
    {
        IssuedCertificate ca = IssueCa();
        using X509Certificate2 certificate = IssuanceFixture.Load(ca.Der);
        Assert.Equal(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256).ToLowerInvariant(), ca.Fingerprint);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.Zero), ca.InvalidBefore);
        Assert.Equal(new DateTimeOffset(2035, 3, 12, 15, 9, 26, TimeSpan.Zero), ca.InvalidAfter);
        Assert.Equal(certificate.SerialNumber, ca.SerialNumber);
    }

    private static IssuedCertificate IssueCa()
    {
        byte[] key = IssuanceFixture.FixedKey("golden-ca-rsa2048.pem");
        var request = new IssuanceRequest(
            new SubjectFields("Golden CA", "LV", "Vidzeme", "Riga", "RosCert Lab", "PKI"),
            [], KeyUsage.KeyCertSign | KeyUsage.CrlSign, 3650, DigestAlgorithm.Sha256, KeyMaterial.SubjectPublicKeyInfo(key));
        return IssuanceFixture.Issuer(IssuanceFixture.Now, s_caSerial).Issue(request, key, null);
    }

    private static IssuedCertificate IssueLeaf(IssuedCertificate ca)
    {
        byte[] key = IssuanceFixture.FixedKey("golden-leaf-rsa2048.pem");
        var request = new IssuanceRequest(
            new SubjectFields("golden.example", "LV", "", "", "RosCert Lab", ""),
            [new SanEntry(SanKind.Dns, "golden.example"), new SanEntry(SanKind.Ip, "192.0.2.1"), new SanEntry(SanKind.Email, "admin@golden.example")],
            KeyUsage.DigitalSignature | KeyUsage.KeyEncipherment | KeyUsage.TlsServer | KeyUsage.TlsClient,
            365, DigestAlgorithm.Sha256, KeyMaterial.SubjectPublicKeyInfo(key));
        var authority = new SigningAuthority(ca.Der, IssuanceFixture.FixedKey("golden-ca-rsa2048.pem"), ["192.0.2.10", "crl.golden.example"]);
        return IssuanceFixture.Issuer(IssuanceFixture.Now, s_leafSerial).Issue(request, null, authority);
    }

    private static string GoldenPath(string name) => Path.Combine(IssuanceFixture.TestDataDirectory, "golden", name);

    private static void AssertGolden(string name, byte[] actual)
    {
        if (Environment.GetEnvironmentVariable("ROSCERT_WRITE_GOLDEN") == "1")
        {
            File.WriteAllBytes(GoldenPath(name), actual);
        }

        Assert.Equal(Convert.ToHexString(File.ReadAllBytes(GoldenPath(name))), Convert.ToHexString(actual));
    }
}
