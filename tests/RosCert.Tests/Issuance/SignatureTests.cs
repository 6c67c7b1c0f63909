using System.Formats.Asn1;
using System.Security.Cryptography;
using RosCert.Core.Issuance;
using RosCert.Core.Model;
using Xunit;

namespace RosCert.Tests.Issuance;

/// <summary>The request's digest with the issuer's key type (reference §8), across key types.</summary>
public sealed class SignatureTests
{
    [Theory]
    [InlineData(DigestAlgorithm.Md5, "1.2.840.113549.1.1.4")]
    [InlineData(DigestAlgorithm.Sha1, "1.2.840.113549.1.1.5")]
    [InlineData(DigestAlgorithm.Sha256, "1.2.840.113549.1.1.11")]
    [InlineData(DigestAlgorithm.Sha384, "1.2.840.113549.1.1.12")]
    [InlineData(DigestAlgorithm.Sha512, "1.2.840.113549.1.1.13")]
    public void RSA_issuer_signs_with_each_digest_and_NULL_parameters(DigestAlgorithm digest, string oid)
    {
        IssuedCertificate ca = IssuanceFixture.SelfSigned(IssuanceFixture.RsaKey, KeyUsage.KeyCertSign);
        IssuedCertificate leaf = IssueBy(ca.Der, IssuanceFixture.RsaKey, IssuanceFixture.EcKey, digest);
        Assert.Equal(oid, IssuanceFixture.VerifySignature(leaf.Der, ca.Der));
        Assert.Equal(Convert.ToHexString(AlgorithmIdentifier(oid, withNull: true)), SignatureAlgorithms(leaf.Der));
    }

    [Theory]
    [InlineData(DigestAlgorithm.Sha1, "1.2.840.10045.4.1")]
    [InlineData(DigestAlgorithm.Sha256, "1.2.840.10045.4.3.2")]
    [InlineData(DigestAlgorithm.Sha384, "1.2.840.10045.4.3.3")]
    [InlineData(DigestAlgorithm.Sha512, "1.2.840.10045.4.3.4")]
    public void EC_issuer_signs_with_each_digest_and_no_parameters(DigestAlgorithm digest, string oid)
    {
        IssuedCertificate ca = IssuanceFixture.SelfSigned(IssuanceFixture.EcKey, KeyUsage.KeyCertSign);
        IssuedCertificate leaf = IssueBy(ca.Der, IssuanceFixture.EcKey, IssuanceFixture.RsaKey, digest);
        Assert.Equal(oid, IssuanceFixture.VerifySignature(leaf.Der, ca.Der));
        Assert.Equal(Convert.ToHexString(AlgorithmIdentifier(oid, withNull: false)), SignatureAlgorithms(leaf.Der));
    }

    [Fact]
    public void EC_issuer_with_md5_is_refused_with_the_RouterOS_text()
    {
        IssuedCertificate ca = IssuanceFixture.SelfSigned(IssuanceFixture.EcKey, KeyUsage.KeyCertSign);
        Exception issued = Assert.ThrowsAny<Exception>(() => IssueBy(ca.Der, IssuanceFixture.EcKey, IssuanceFixture.RsaKey, DigestAlgorithm.Md5));
        Assert.Equal("md5 digest can not be used with EC keys", issued.Message);
        Assert.IsType<CryptographicException>(issued);

        Exception selfSigned = Assert.ThrowsAny<Exception>(() => IssuanceFixture.Issuer()
            .Issue(IssuanceFixture.Request(IssuanceFixture.EcKey, digest: DigestAlgorithm.Md5), IssuanceFixture.EcKey, null));
        Assert.Equal("md5 digest can not be used with EC keys", selfSigned.Message);
    }

    [Fact]
    public void RSA_CA_issues_to_EC_leaf_and_EC_CA_issues_to_RSA_leaf()
    {
        IssuedCertificate rsaCa = IssuanceFixture.SelfSigned(IssuanceFixture.RsaKey, KeyUsage.KeyCertSign | KeyUsage.CrlSign);
        IssuedCertificate ecLeaf = IssueBy(rsaCa.Der, IssuanceFixture.RsaKey, IssuanceFixture.EcKey, DigestAlgorithm.Sha256);
        Assert.Empty(IssuanceFixture.ChainErrors(rsaCa.Der, ecLeaf.Der, IssuanceFixture.Now.AddDays(1)));
        Assert.Equal(KeySize.Prime256v1, CertificateFacts.KeySizeOf(ecLeaf.Der));

        IssuedCertificate ecCa = IssuanceFixture.SelfSigned(IssuanceFixture.EcKey, KeyUsage.KeyCertSign | KeyUsage.CrlSign);
        IssuedCertificate rsaLeaf = IssueBy(ecCa.Der, IssuanceFixture.EcKey, IssuanceFixture.RsaKey, DigestAlgorithm.Sha384);
        Assert.Empty(IssuanceFixture.ChainErrors(ecCa.Der, rsaLeaf.Der, IssuanceFixture.Now.AddDays(1)));
        Assert.Equal(KeySize.Rsa2048, CertificateFacts.KeySizeOf(rsaLeaf.Der));
    }

    [Fact]
    public void Fingerprint_is_lower_case_SHA256_of_the_DER()
    {
        IssuedCertificate issued = IssuanceFixture.SelfSigned(IssuanceFixture.EcKey, KeyUsage.DigitalSignature);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(issued.Der)), issued.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", issued.Fingerprint);
    }

    private static IssuedCertificate IssueBy(byte[] caDer, byte[] caKey, byte[] subjectKey, DigestAlgorithm digest) =>
        IssuanceFixture.Issuer().Issue(IssuanceFixture.Request(subjectKey, digest: digest), null, new SigningAuthority(caDer, caKey, []));

    /// <summary>Both AlgorithmIdentifiers of a certificate (TBS signature and outer) must agree: RFC 5280 §4.1.1.2.</summary>
    private static string SignatureAlgorithms(byte[] der)
    {
        AsnReader certificate = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        AsnReader tbs = certificate.ReadSequence();
        _ = tbs.ReadEncodedValue(); // [0] version
        _ = tbs.ReadEncodedValue(); // serial
        string inner = Convert.ToHexString(tbs.ReadEncodedValue().Span);
        string outer = Convert.ToHexString(certificate.ReadEncodedValue().Span);
        Assert.Equal(inner, outer);
        return outer;
    }

    private static byte[] AlgorithmIdentifier(string oid, bool withNull)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            if (withNull)
            {
                writer.WriteNull();
            }
        }

        return writer.Encode();
    }
}
